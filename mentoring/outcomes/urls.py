from django.urls import path

from mentoring.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("outcomes/", views.my_outcomes, name="list"),
    path("outcomes/new/", views.create_outcome, name="create"),
    path("outcomes/mentees/", views.mentees_outcomes, name="mentees"),
    path("outcomes/<int:pk>/", views.outcome_detail, name="detail"),
    path("outcomes/<int:pk>/edit/", views.edit_outcome, name="edit"),
    path("outcomes/<int:pk>/delete/", views.delete_outcome, name="delete"),
    path("outcomes/<int:pk>/confirm/", views.confirm_outcome, name="confirm"),
    path("mentorships/<int:pk>/outcomes/", views.mentorship_outcomes, name="mentorship"),
]
