from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

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
        from mentoring.profiles import listing_version
        from mentoring.profiles.models import Area, Department, Interest, MentorProfile
        from mentoring.programmes.models import Programme

        post_save.connect(account_saved, sender=User, weak=False)
        pre_save.connect(mentor_profile_saving, sender=MentorProfile, weak=False)
        # What the directory lists and recommends changed: results kept under the old
        # listing version are not read again (listing_version.py).
        for model in (MentorProfile, Interest, Area, Department, Programme):
            post_save.connect(listing_version.changed, sender=model, weak=False)
            post_delete.connect(listing_version.changed, sender=model, weak=False)
        # Not the interests and areas: every change of them saves the profile in the same
        # transaction (refresh_search_text, which search needs), and a listener would make
        # Django read the links before each add (two more queries a profile edit).
        m2m_changed.connect(
            listing_version.links_changed, sender=MentorProfile.programmes.through, weak=False
        )
        post_save.connect(listing_version.account_changed, sender=User, weak=False)
