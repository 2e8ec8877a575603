from django.urls import path

from mentoring.feedback import views

app_name = "feedback"
urlpatterns = [
    path("mentorships/<int:pk>/feedback/", views.feedback_list, name="list"),
    path("mentorships/<int:pk>/feedback/give/", views.give_feedback, name="give"),
    path("mentorships/<int:pk>/feedback/ask/", views.ask_for_feedback, name="ask"),
    path("reassessments/", views.reassessment_list, name="reassessments"),
    path("reassessments/<int:pk>/", views.reassessment_detail, name="reassessment"),
    path(
        "reassessments/open/<int:mentorship_pk>/<str:kind>/",
        views.open_reassessment,
        name="open-reassessment",
    ),
]
