"""Mentoring lineage: how many learners a mentor has mentored here, and how many of them now
mentor others (same account, a mentor's role with mentees of their own). The people are
named only when they chose "show me in my mentors' lineage" (models.LineageConsent).

The mentor profile page (matching, a lower app) reads it through settings.MENTOR_LINEAGE.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from accounts.models import User
from mentoring.mentorships.models import Mentorship


@dataclass
class Lineage:
    mentored: int  # distinct learners this person has mentored here, ever
    now_mentoring: int  # of them, those who have mentees of their own
    named: list  # of them, the names of those who agreed to be named

    @property
    def shows(self):
        return self.now_mentoring > 0


def lineage_of(mentor):
    """One query: each learner this person mentored, whether they mentor anyone, and
    whether they agreed to be named."""
    learners = (
        User.objects.filter(pk__in=Mentorship.objects.filter(mentor=mentor).values("mentee_id"))
        .annotate(mentors_others=Exists(Mentorship.objects.filter(mentor=OuterRef("pk"))))
        .order_by("display_name", "pk")
        .values_list("display_name", "email", "mentors_others", "lineage_consent__is_shown")
    )
    mentored, mentoring, named = 0, 0, []
    for display_name, email, mentors_others, is_shown in learners:
        mentored += 1
        if mentors_others:
            mentoring += 1
            if is_shown:
                named.append(display_name or email)  # as str(User) names them
    return Lineage(mentored=mentored, now_mentoring=mentoring, named=named)
