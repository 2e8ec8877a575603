from django.urls import path

from mentoring.conversations import views

app_name = "conversations"
urlpatterns = [
    path("mentorships/<int:pk>/messages/", views.mentorship_thread, name="thread"),
    path("requests/<int:pk>/messages/", views.request_thread, name="request-thread"),
    path("messages/<int:pk>/edit/", views.edit_message, name="edit"),
    path("attachments/<int:pk>/", views.download, name="attachment"),
]
