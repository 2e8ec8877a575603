from django.urls import path

from mentoring.timeline import views

app_name = "timeline"
urlpatterns = [
    path("mentorships/<int:pk>/timeline/", views.mentorship_timeline, name="mentorship"),
]
