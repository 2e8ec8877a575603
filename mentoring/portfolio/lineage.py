"""Mentoring lineage: how many learners a mentor has mentored here, and how many of them now
mentor others (same account, a mentor's role with mentees of their own). The people are
named only when they chose "show me in my mentors' lineage" (models.LineageConsent).

The mentor profile page (matching, a lower app) reads it through settings.MENTOR_LINEAGE.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef

from accounts.models import User
from mentoring.mentorships.models import Mentorship


@dataclass
class Lineage:
    mentored: int  # distinct learners this person has mentored here, ever
    now_mentoring: int  # of them, those who have mentees of their own
    named: list  # of them, those who agreed to be named, by name

    @property
    def shows(self):
        return self.now_mentoring > 0


def lineage_of(mentor):
    """Two queries."""
    mentored = Mentorship.objects.filter(mentor=mentor).aggregate(
        learners=Count("mentee", distinct=True)
    )["learners"]
    mentoring = (
        User.objects.filter(pk__in=Mentorship.objects.filter(mentor=mentor).values("mentee_id"))
        .filter(Exists(Mentorship.objects.filter(mentor=OuterRef("pk"))))
        .select_related("lineage_consent")
        .order_by("display_name", "pk")
    )
    people = list(mentoring)
    named = [
        person
        for person in people
        if getattr(person, "lineage_consent", None) is not None and person.lineage_consent.is_shown
    ]
    return Lineage(mentored=mentored, now_mentoring=len(people), named=named)
