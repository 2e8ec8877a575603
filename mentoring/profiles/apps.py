from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save

# What MentorProfile copies from its account (display_name, is_listed).
ACCOUNT_FIELDS_COPIED = {"display_name", "is_active"}
# A mentor profile's fields that listing.is_listable reads, or that hold its answer.
LISTING_FIELDS = {"display_name", "is_listed", "user", "is_complete", "verified_at"}


def account_saved(instance, update_fields=None, **kwargs):
    """A user was saved: their mentor profile follows a new name or (de)activation. A
    signal, because accounts (below profiles) saves users in many places: the admin,
    account settings, sign-up; a sign-in saves last_login only and costs nothing here."""
    if update_fields is None or ACCOUNT_FIELDS_COPIED & set(update_fields):
        from mentoring.profiles.models import MentorProfile

        MentorProfile.objects.follow_account(instance)


def mentor_profile_saving(instance, update_fields=None, **kwargs):
    """A mentor profile is saved: take the copies from its account (a new profile, or the
    admin pointing it at another user), and list it only as listing.is_listable says."""
    if update_fields is None or LISTING_FIELDS & set(update_fields):
        instance.display_name = instance.user.display_name
        instance.is_listed = instance.should_be_listed()


class ProfilesConfig(AppConfig):
    name = "mentoring.profiles"

    def ready(self):
        from accounts.models import User
        from mentoring.profiles.models import MentorProfile

        post_save.connect(account_saved, sender=User, weak=False)
        pre_save.connect(mentor_profile_saving, sender=MentorProfile, weak=False)
