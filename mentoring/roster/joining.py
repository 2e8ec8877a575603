"""A roster entry becomes part of its person's account once, when they have confirmed its
address here: at sign-up with a confirmed address (single sign-on), or when they confirm it.

Only a confirmed address: with an unconfirmed one, anyone could sign up as a faculty member
on the roster and be taken for verified faculty. The roster app connects address_saved to
allauth's EmailAddress and signed_up to user_signed_up (apps.py), as clerkships/waiting.py
does for rotations waiting for sign-up, which come with the same confirmation. apply_roster
is also the function single sign-on names in settings.SSO_SIGNED_IN_HANDLERS.
"""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from mentoring.profiles.models import Department, MentorProfile, VerifiedHow
from mentoring.profiles.roles import Role, add_roles
from mentoring.profiles.verification import verify
from mentoring.roster import programmes
from mentoring.roster.models import RosterEntry


def address_saved(instance, **kwargs):
    """allauth saved an e-mail address: once it is confirmed, its roster entry applies."""
    if instance.verified:
        apply_entry(instance.user, instance.email)


def signed_up(request, user, **kwargs):
    apply_roster(user)


def apply_roster(user):
    """Apply the roster entry of any confirmed address of this person (a plain function
    taking the user, for SSO_SIGNED_IN_HANDLERS). Returns whether one was applied."""
    emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return any(apply_entry(user, email) for email in emails)


def on_idp_sign_in(request, user, sign_in):
    """SSO_SIGNED_IN_HANDLERS: an address the IdP vouched for may have become verified by
    linking rather than by a confirmation e-mail, which the signal would have seen."""
    apply_roster(user)


def is_default_name(user):
    """Whether the person's name is one they did not choose: empty, or their address."""
    name = user.display_name.strip().lower()
    return name in ("", user.email.lower(), user.email.lower().partition("@")[0])


@transaction.atomic
def apply_entry(user, email):
    """Give the person what the roster says of this address, once: their name if they left
    none, the student's profile with their stage, or the faculty member's with their
    department (never replacing what they chose). Returns whether an entry was applied."""
    # Locked, so that the two saves of one confirmation, or an upload, apply it once.
    entry = (
        RosterEntry.objects.select_for_update().filter(email=email.lower(), joined_at=None).first()
    )
    if entry is None or RosterEntry.objects.filter(user=user).exists():
        return False
    if is_default_name(user):
        user.display_name = entry.name
        user.save(update_fields=["display_name"])
    if entry.role == RosterEntry.Role.STUDENT:
        add_roles(user, [Role.MENTEE])
        programmes.set_stage(user.mentee_profile, entry.programme_key, entry.stage)
    else:
        add_roles(user, [Role.MENTOR])
        # On the faculty roster with a confirmed address: verified as faculty, listed once
        # the profile is complete (profiles/verification.py).
        verify(user, how=VerifiedHow.ROSTER)
        profile = MentorProfile.objects.get(user=user)
        if entry.department and profile.department_id is None:
            profile.department = Department.objects.filter(name__iexact=entry.department).first()
            profile.save(update_fields=["department"])
            profile.refresh_search_text()  # the department is searched in the directory
    entry.user, entry.joined_at = user, timezone.now()
    entry.save(update_fields=["user", "joined_at"])
    return True
