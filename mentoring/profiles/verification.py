"""Verified faculty: a mentor is listed to students only once the school confirms they
are faculty (or a resident who mentors), so that anyone with a school address who ticks
"I mentor learners" is not offered to students at once.

Three routes verify: the institution's sign-in saying faculty (how="idp"), a row of the
faculty roster (how="roster"), or staff approving in the queue (how="staff"). Each calls
verify(), which is idempotent: the first verification stays on the row (when, how, by
whom) and later calls change nothing. Staff may instead refuse, with a reason the mentor
reads. With settings.MENTOR_VERIFICATION off, a new mentor is verified on sign-up
(how="domain"); mentors listed before verification existed were verified by migration
0011 (how="before"). Listing itself follows listing.is_listable.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from mentoring.audit.models import FacultyDecision
from mentoring.notifications.services import notify
from mentoring.profiles.models import MentorProfile, VerifiedHow

APPROVED_KIND = "listing.verified"
# What standing() reads of a mentor profile, for callers that load only some columns.
VERIFICATION_FIELDS = ["verified_at", "refused_at", "refused_reason"]
REFUSED_KIND = "listing.refused"


def pending():
    """Mentors waiting for a decision, oldest request first (the staff's queue)."""
    return MentorProfile.objects.awaiting_verification()


@transaction.atomic
def verify(user, *, how, by=None):
    """Verify `user`'s mentor profile as faculty, and list it if it is complete. Returns
    True when this call verified it; False when it was verified already (the first
    verification is kept) or `user` has no mentor profile (call again once they take the
    mentor role). A refusal is lifted: the institution or the roster outranks it."""
    how = VerifiedHow(how)
    if how == VerifiedHow.STAFF and by is None:
        raise ValueError("A staff approval needs the staff member (by=).")
    now = timezone.now()
    # Conditional, so that two approvals at once (two staff, a double click, staff and
    # the roster) verify once and notify once.
    claimed = MentorProfile.objects.filter(user_id=user.pk, verified_at=None).update(
        verified_at=now,
        verified_how=how,
        verified_by=by,
        refused_at=None,
        refused_by=None,
        refused_reason="",
        updated_at=now,
    )
    if not claimed:
        return False
    profile = MentorProfile.objects.select_related("user").get(user_id=user.pk)
    # A save, so that listing.is_listable decides (apps.mentor_profile_saving) and the
    # directory's cached count hears of it.
    profile.save(update_fields=["display_name", "is_listed"])
    if how == VerifiedHow.STAFF:
        FacultyDecision.record(
            by, mentor=user, mentor_email=user.email, decision=FacultyDecision.Decision.APPROVED
        )
        notify(
            user,
            APPROVED_KIND,
            "The school confirmed you as faculty",
            body=(
                "Students can now find you in the directory and among their recommendations."
                if profile.is_listed
                else "Students will find you in the directory once your profile is complete."
            ),
            url=reverse("profiles:edit-mentor"),
            dedupe_key=f"{APPROVED_KIND}:{profile.pk}",
        )
    return True


@transaction.atomic
def refuse(profile, *, by, reason):
    """Staff refuse a waiting mentor: not listed, and told why. Returns False when the
    mentor was no longer waiting (verified or refused meanwhile): nothing changes."""
    reason = reason.strip()
    if not reason:
        raise ValueError("A refusal needs a reason the person can read.")
    now = timezone.now()
    refused = (
        pending()
        .filter(pk=profile.pk)
        .update(refused_at=now, refused_by=by, refused_reason=reason, updated_at=now)
    )
    if not refused:
        return False
    user = profile.user
    FacultyDecision.record(
        by, mentor=user, mentor_email=user.email, decision=FacultyDecision.Decision.REFUSED
    )
    notify(
        user,
        REFUSED_KIND,
        "The school could not confirm you as faculty",
        body=f"Their reason: {reason}\n\nYour profile stays yours, but students don't see it.",
        url=reverse("profiles:edit-mentor"),
        dedupe_key=f"{REFUSED_KIND}:{profile.pk}:{now:%Y%m%d%H%M%S%f}",
    )
    return True


@transaction.atomic
def ask_again(profile):
    """A refused mentor asks to be considered again: back in the queue, at its end."""
    now = timezone.now()
    return bool(
        MentorProfile.objects.filter(pk=profile.pk, verified_at=None)
        .exclude(refused_at=None)
        .update(
            refused_at=None,
            refused_by=None,
            refused_reason="",
            verification_asked_at=now,
            updated_at=now,
        )
    )


@dataclass(frozen=True)
class Standing:
    """Where a mentor stands, in words for them: why they are not listed, and who decides."""

    state: str  # "verified", "waiting" or "refused"
    text: str
    reason: str = ""

    @property
    def is_waiting(self):
        return self.state == "waiting"

    @property
    def is_refused(self):
        return self.state == "refused"


def waiting_text():
    days = settings.MENTOR_VERIFICATION_DAYS
    text = (
        "Your mentor profile will be listed once the school's staff confirm you are "
        f"faculty; usually within {days} day{'s' if days != 1 else ''}. You can prepare "
        "your profile meanwhile."
    )
    if settings.MENTOR_VERIFICATION_SSO:
        text += (
            f" Signing in with {settings.MENTOR_VERIFICATION_SSO} confirms it at once, "
            "if the institution lists you as faculty."
        )
    return text


def standing(profile):
    """The mentor's Standing, from the profile's own columns (no query)."""
    if profile.verified_at is not None:
        return Standing("verified", "The school has confirmed you as faculty.")
    if profile.refused_at is not None:
        return Standing(
            "refused",
            "The school's staff could not confirm you as faculty, so students don't see "
            "your mentor profile.",
            profile.refused_reason,
        )
    return Standing("waiting", waiting_text())
