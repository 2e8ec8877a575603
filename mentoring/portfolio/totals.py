"""Each mentor's portfolio totals for a period, for the staff's dashboard (teaching awards,
workload): mentees, meetings held, hours and confirmed outcomes, by the same rules as the
portfolio itself (figures.py), but for many mentors in a fixed number of queries.
"""

from dataclasses import dataclass

from django.db.models import Count, Sum

from accounts.models import User
from mentoring.portfolio.figures import confirmed_ties, held_meetings, hours, mentorships_in


@dataclass
class MentorTotals:
    mentor: User
    department: str
    mentees: int
    meetings: int
    minutes: int
    outcomes: int

    @property
    def hours(self):
        return hours(self.minutes)


def mentors_in(start, end):
    """Everyone with a mentorship as mentor in the period, by name."""
    return (
        User.objects.filter(pk__in=mentorships_in(start, end).values("mentor_id"))
        .select_related("mentor_profile__department")
        .order_by("display_name", "pk")
    )


def totals_for(mentors, start, end):
    """[MentorTotals] for these mentors (a list of users): three queries."""
    ids = [mentor.pk for mentor in mentors]
    mentees = dict(
        mentorships_in(start, end)
        .filter(mentor_id__in=ids)
        .values("mentor_id")
        .annotate(n=Count("mentee_id", distinct=True))
        .values_list("mentor_id", "n")
        .order_by()
    )
    meetings = {
        row["mentorship__mentor_id"]: row
        for row in held_meetings(start, end)
        .filter(mentorship__mentor_id__in=ids)
        .values("mentorship__mentor_id")
        .annotate(n=Count("pk"), minutes=Sum("minutes"))
        .order_by()
    }
    outcomes = dict(
        confirmed_ties(start, end)
        .filter(mentorship__mentor_id__in=ids)
        .values("mentorship__mentor_id")
        .annotate(n=Count("outcome_id", distinct=True))
        .values_list("mentorship__mentor_id", "n")
        .order_by()
    )
    rows = []
    for mentor in mentors:
        profile = getattr(mentor, "mentor_profile", None)
        held = meetings.get(mentor.pk, {"n": 0, "minutes": 0})
        rows.append(
            MentorTotals(
                mentor=mentor,
                department=str(profile.department or "") if profile else "",
                mentees=mentees.get(mentor.pk, 0),
                meetings=held["n"],
                minutes=held["minutes"] or 0,
                outcomes=outcomes.get(mentor.pk, 0),
            )
        )
    return rows
