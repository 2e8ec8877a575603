"""A programme with its designated people, a pair in it, and people who must never read
their concerns: the partner, another programme's coordinator, staff."""

from dataclasses import dataclass

import pytest

from mentoring.concerns.models import Route
from mentoring.concerns.sending import send_concern
from tests.factories import (
    default_programme,
    make_mentee,
    make_mentor,
    make_mentorship,
    make_programme,
    make_user,
)

# A phrase no page, notice or e-mail may carry to anyone but the sender and designated.
CANARY = "Canary-7f3e: he asked me to write his grant at midnight"


@dataclass
class Cast:
    programme: object
    coordinator: object
    ombudsperson: object
    mentor: object
    mentee: object
    mentorship: object
    other_coordinator: object
    staff: object
    outsider: object


@pytest.fixture
def cast(db):
    programme = default_programme()
    coordinator = make_user(display_name="Coordinator Cora")
    ombudsperson = make_user(display_name="Ombudsperson Omar")
    programme.coordinators.add(coordinator)
    programme.ombudspeople.add(ombudsperson)
    mentor = make_mentor(make_user(display_name="Dr. Mentor Mia"))
    mentee = make_mentee(make_user(display_name="Student Sam"))
    other_coordinator = make_user(display_name="Coordinator Elsewhere")
    pa = make_programme("PA studies", coordinators=[other_coordinator])
    pa.ombudspeople.add(make_user(display_name="PA Ombudsperson"))
    return Cast(
        programme=programme,
        coordinator=coordinator,
        ombudsperson=ombudsperson,
        mentor=mentor,
        mentee=mentee,
        mentorship=make_mentorship(mentor, mentee),
        other_coordinator=other_coordinator,
        staff=make_user(display_name="Staff Person", is_staff=True, is_superuser=True),
        outsider=make_mentee(make_user(display_name="Unrelated Student")),
    )


def raise_one(cast, sender=None, route=Route.OMBUDSPERSON, details=CANARY, **fields):
    fields.setdefault("category", "boundaries")
    fields.setdefault("wants_contact", True)
    return send_concern(
        cast.mentorship, sender or cast.mentee, route=route, details=details, **fields
    )


@pytest.fixture
def concern(cast):
    return raise_one(cast)
