"""The API the faculty portfolio reads: only outcomes a mentor confirmed, per mentorship."""

import datetime

import pytest

from mentoring.mentorships import lifecycle
from mentoring.outcomes.models import Outcome, confirmed_by_mentorship
from tests.factories import make_mentee, make_mentorship, make_outcome, make_user


@pytest.mark.django_db
def test_confirmed_outcomes_per_mentorship(
    mentee, mentor, mentorship, second_mentor, second_mentorship, django_assert_num_queries
):
    early = make_outcome(
        mentee,
        "Early",
        achieved_on=datetime.date(2024, 5, 1),
        tied_to=[mentorship],
        confirmed=[mentorship],
    )
    late = make_outcome(
        mentee,
        "Late",
        achieved_on=datetime.date(2025, 5, 1),
        tied_to=[mentorship, second_mentorship],
        confirmed=[mentorship, second_mentorship],
    )
    make_outcome(mentee, "Unconfirmed", tied_to=[mentorship])
    make_outcome(
        mentee, "Other mentor only", tied_to=[second_mentorship], confirmed=[second_mentorship]
    )
    make_outcome(mentee, "Private")
    other_student = make_mentee(make_user())
    closed = make_mentorship(mentor, other_student)
    after_the_end = make_outcome(
        other_student, "After the end", tied_to=[closed], confirmed=[closed]
    )
    lifecycle.close(closed, by=mentor, reason="graduated")

    with django_assert_num_queries(1):
        found = confirmed_by_mentorship(mentor)
    assert found == {mentorship.pk: [early, late], closed.pk: [after_the_end]}
    assert confirmed_by_mentorship(
        mentor, since=datetime.date(2025, 1, 1), until=datetime.date(2025, 12, 31)
    ) == {mentorship.pk: [late]}
    assert set(Outcome.objects.confirmed_for_mentor(mentor)) == {early, late, after_the_end}
    assert set(
        Outcome.objects.confirmed_for_mentor(second_mentor).values_list("title", flat=True)
    ) == {
        "Late",
        "Other mentor only",
    }
