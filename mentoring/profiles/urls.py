from django.urls import path

from mentoring.profiles import views

app_name = "profiles"
urlpatterns = [
    path("mentors/", views.mentor_directory, name="directory"),
    path("mentors/recommended/", views.recommendations, name="recommendations"),
    path("mentors/<int:pk>/", views.mentor_detail, name="mentor"),
    path("mentees/<int:pk>/", views.mentee_detail, name="mentee"),
    path("profile/mentor/", views.edit_mentor_profile, name="edit-mentor"),
    path("profile/mentee/", views.edit_mentee_profile, name="edit-mentee"),
    path("account/settings/", views.account_settings, name="account-settings"),
    path("account/delete/", views.delete_account, name="account-delete"),
    path("account/deleted/", views.account_deleted, name="account-deleted"),
    path("profile/roles/add/", views.add_role, name="add-role"),
    path("interests/suggest/", views.suggest_interests, name="suggest-interests"),
]
