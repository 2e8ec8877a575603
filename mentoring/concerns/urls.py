from django.urls import path

from mentoring.concerns import views

app_name = "concerns"
urlpatterns = [
    path("concerns/", views.concern_list, name="list"),
    path("concerns/<int:pk>/", views.concern_detail, name="detail"),
    path("concerns/<int:pk>/acknowledge/", views.acknowledge_concern, name="acknowledge"),
    path("concerns/<int:pk>/reply/", views.reply_to_concern, name="reply"),
    path("concerns/<int:pk>/close/", views.close_concern, name="close"),
    path("mentorships/<int:pk>/concern/", views.raise_concern, name="raise"),
    path(
        "reassessments/<int:pk>/concern/",
        views.concern_from_reassessment,
        name="from-reassessment",
    ),
    path("mentorships/<int:pk>/no-fault-ending/", views.no_fault_ending, name="no-fault-ending"),
]
