"""Who the directory lists: the one rule behind MentorProfile.is_listed.

A mentor is shown to students (directory, search, recommendations, interest suggestions)
only when their profile is complete, their account is active and the school has verified
that they are faculty (verification.py). The flag is stored so that the directory reads
one table with no join (PERFORMANCE.md); it is recomputed from this rule whenever one of
its inputs changes (MentorProfile.follow_account, refresh_search_text, verification).
"""

from django.db import models
from django.db.models import Q


class VerifiedHow(models.TextChoices):
    """How a mentor came to be verified as faculty."""

    IDP = "idp", "The institution's sign-in says faculty"
    ROSTER = "roster", "On the faculty roster"
    STAFF = "staff", "Approved by staff"
    # MENTOR_VERIFICATION off: the school trusts its sign-up domains.
    DOMAIN = "domain", "Signed up with a school address (verification off)"
    # Migration 0011: mentors listed before verification existed stay listed.
    BEFORE = "before", "Listed before verification existed"


# The directory's condition, on the stored flag (and the condition of its partial indexes).
LISTED = Q(is_listed=True)


def is_listable(*, is_active, is_complete, verified_at):
    """The rule: an active account's complete profile, verified as faculty. Everything that
    writes is_listed asks this, and nothing else decides it."""
    return bool(is_active and is_complete and verified_at is not None)
