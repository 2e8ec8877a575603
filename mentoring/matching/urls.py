from django.urls import path

from mentoring.matching import views

app_name = "matching"
urlpatterns = [
    path("mentors/", views.mentor_directory, name="directory"),
    path("mentors/recommended/", views.recommendations, name="recommendations"),
    path("mentors/<int:pk>/", views.mentor_detail, name="mentor"),
    path("mentees/<int:pk>/", views.mentee_detail, name="mentee"),
    path("requests/<int:pk>/refer/", views.refer_request, name="refer"),
]
