from django.urls import path

from mentoring.profiles import setup_views, views

app_name = "profiles"
urlpatterns = [
    path("profile/mentor/", views.edit_mentor_profile, name="edit-mentor"),
    path("profile/mentee/", views.edit_mentee_profile, name="edit-mentee"),
    path("profile/setup/", setup_views.setup, name="setup"),
    path("profile/setup/finish/", setup_views.finish_setup, name="setup-finish"),
    path("profile/setup/<slug:step>/", setup_views.setup_step, name="setup-step"),
    path("profile/availability/", views.availability, name="availability"),
    path("profile/contact/", views.edit_contact_details, name="contact"),
    path("account/settings/", views.account_settings, name="account-settings"),
    path("profile/roles/add/", views.add_role, name="add-role"),
    path("interests/suggest/", views.suggest_interests, name="suggest-interests"),
]
