from django.urls import path

from mentoring.profiles import setup_views, verification_views, views

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
    # Verifying faculty: the staff's queue, and a refused mentor's "ask again".
    path("verification/", verification_views.queue, name="verification-queue"),
    path(
        "verification/<int:pk>/approve/",
        verification_views.approve,
        name="verification-approve",
    ),
    path("verification/<int:pk>/refuse/", verification_views.refuse, name="verification-refuse"),
    path(
        "profile/mentor/ask-again/",
        verification_views.ask_again,
        name="verification-ask-again",
    ),
]
