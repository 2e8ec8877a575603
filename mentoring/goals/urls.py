from django.urls import path

from mentoring.goals import views

app_name = "goals"
urlpatterns = [
    path("goals/", views.my_goals, name="list"),
    path("goals/new/", views.create_goal, name="create"),
    path("goals/<int:pk>/", views.goal_detail, name="detail"),
    path("goals/<int:pk>/edit/", views.edit_goal, name="edit"),
    path("goals/<int:pk>/delete/", views.delete_goal, name="delete"),
    path("goals/<int:pk>/move-up/", views.move_goal_up, name="move-up"),
    path("goals/<int:pk>/move-down/", views.move_goal_down, name="move-down"),
    path("goals/<int:pk>/progress/", views.record_progress, name="progress"),
    path("mentorships/<int:pk>/goals/", views.mentorship_goals, name="mentorship"),
]
