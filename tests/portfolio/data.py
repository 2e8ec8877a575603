"""A mentor's record for the portfolio tests: one mentee who agreed to be named, one who did
not (the canary: their name, e-mail, outcome title and unshared words must appear nowhere),
meetings held, planned and cancelled, confirmed and unconfirmed outcomes, feedback shared
and not. Dates are fixed, inside the academic year 2025-26 (PERIOD)."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from mentoring.feedback.models import Feedback, Reassessment
from mentoring.meetings.models import Meeting
from mentoring.mentorships.lifecycle import close
from mentoring.outcomes.models import Outcome, OutcomeTie
from mentoring.portfolio.models import LineageConsent, PortfolioConsent
from tests.factories import make_mentee, make_mentor, make_mentorship, make_user
from tests.meetings.factories import make_meeting

UTC = datetime.UTC
PERIOD = {"start": "2025-07-01", "end": "2026-06-30"}
CANARY = "Zebulon Quillfeather"
CANARY_EMAIL = "zebulon.quillfeather@med.example.edu"
CANARY_TITLE = "Quillfeather lipid cohort study"
CANARY_WORDS = "Quillfeather unshared words"
NAMED = "Noor Haddad"
SHARED_WORDS = "Asking me what I think before giving advice"


def at(day, hour=15):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=UTC)


def held(mentorship, day, minutes):
    return make_meeting(mentorship, at(day), status=Meeting.Status.HELD, minutes=minutes)


def outcome(mentorship, title, day, kind=Outcome.Kind.PUBLICATION, confirmed=True, **fields):
    found = Outcome.objects.create(
        mentee=mentorship.mentee, kind=kind, title=title, achieved_on=day, **fields
    )
    OutcomeTie.objects.create(
        outcome=found, mentorship=mentorship, confirmed_at=timezone.now() if confirmed else None
    )
    return found


def feedback(mentorship, what_helps, day):
    return Feedback.objects.create(
        mentorship=mentorship,
        author=mentorship.mentee,
        direction=Feedback.Direction.TO_MENTOR,
        what_helps=what_helps,
        created_at=at(day),
    )


def answered(mentorship, satisfaction, day):
    return Reassessment.objects.create(
        mentorship=mentorship,
        respondent=mentorship.mentee,
        due_on=day,
        completed_at=at(day),
        satisfaction=satisfaction,
    )


def consent(mentorship, is_named=False, quoted=()):
    given = PortfolioConsent.objects.create(mentorship=mentorship, is_named=is_named)
    given.quoted_feedback.set(quoted)
    return given


def show_in_lineage(user, shown=True):
    LineageConsent.objects.update_or_create(user=user, defaults={"is_shown": shown})


@dataclass
class Record:
    mentor: object
    named: object  # the mentee who agreed to be named
    canary: object  # the mentee who did not
    named_mentorship: object
    canary_mentorship: object


def make_record():
    mentor = make_mentor(make_user(display_name="Dr. Ines Alvarez"), capacity=20)
    named = make_mentee(make_user(display_name=NAMED), stage="clerkship")
    canary = make_mentee(make_user(display_name=CANARY, email=CANARY_EMAIL), stage="preclinical")
    first = make_mentorship(mentor, named, started_on=datetime.date(2025, 9, 1))
    second = make_mentorship(mentor, canary, started_on=datetime.date(2025, 10, 15))
    # 2025: 60 + 45 minutes with Noor, 30 with the canary; 2026: 90 with Noor.
    held(first, datetime.date(2025, 9, 10), 60)
    held(first, datetime.date(2025, 11, 3), 45)
    held(first, datetime.date(2026, 2, 2), 90)
    held(second, datetime.date(2025, 10, 20), 30)
    # Not counted: cancelled, or before the period.
    make_meeting(first, at(datetime.date(2025, 12, 1)), status=Meeting.Status.CANCELLED)
    held(first, datetime.date(2025, 6, 20), 120)
    outcome(
        first,
        "Buprenorphine access in rural clinics",
        datetime.date(2026, 3, 1),
        doi="10.1000/xyz123",
    )
    outcome(second, CANARY_TITLE, datetime.date(2026, 1, 10), kind=Outcome.Kind.PRESENTATION)
    outcome(first, "Not yet confirmed poster", datetime.date(2026, 4, 1), confirmed=False)
    shared = feedback(first, SHARED_WORDS, datetime.date(2025, 12, 5))
    feedback(first, "Noor kept these words to herself", datetime.date(2026, 1, 5))
    feedback(second, CANARY_WORDS, datetime.date(2025, 12, 6))
    consent(first, is_named=True, quoted=[shared])
    close(second, canary, "goals_met")
    return Record(mentor, named, canary, first, second)
