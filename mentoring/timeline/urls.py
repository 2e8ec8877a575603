from django.urls import path

from mentoring.timeline import record, views

app_name = "timeline"
urlpatterns = [
    path("mentorships/<int:pk>/timeline/", views.mentorship_timeline, name="mentorship"),
    path("record/", record.record_page, name="record"),
    path("record.json", record.record_json, name="record-json"),
]
