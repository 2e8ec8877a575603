"""Simultaneous accepts can never take a mentor past capacity: real transactions, real threads."""

import pytest

from mentoring.mentorships import asking
from mentoring.mentorships.models import Mentorship
from tests.concurrency import run_at_once
from tests.factories import make_mentee, make_mentor

ACCEPTERS = 6


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("capacity", [1, 3])
def test_concurrent_accepts_never_exceed_capacity(capacity):
    mentor = make_mentor(capacity=ACCEPTERS)
    pending = [asking.ask(make_mentee(), mentor, message="hello") for _ in range(ACCEPTERS)]
    # Every request was sent while there was room; now the mentor has fewer places.
    mentor.mentor_profile.capacity = capacity
    mentor.mentor_profile.save(update_fields=["capacity"])

    outcomes = run_at_once(
        [lambda r=request_obj: asking.accept(r, mentor) for request_obj in pending]
    )

    started = [o for o in outcomes if isinstance(o, Mentorship)]
    refused = [o for o in outcomes if isinstance(o, asking.RequestProblem)]
    assert len(started) == capacity
    assert len(refused) == ACCEPTERS - capacity
    assert Mentorship.objects.filter(mentor=mentor, status="active").count() == capacity
    mentor.mentor_profile.refresh_from_db()
    assert mentor.mentor_profile.active_mentee_count == capacity
    assert mentor.mentor_profile.pending_request_count == ACCEPTERS - capacity


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_double_submitted_request_creates_one():
    mentor, mentee = make_mentor(), make_mentee()
    outcomes = run_at_once([lambda: asking.ask(mentee, mentor, message="hi")] * 4)
    assert sum(not isinstance(o, Exception) for o in outcomes) == 1
    assert all(isinstance(o, asking.RequestProblem) for o in outcomes if isinstance(o, Exception))
    mentor.mentor_profile.refresh_from_db()
    assert mentor.mentor_profile.pending_request_count == 1
