"""Several people booking one slot at the same moment: real transactions in real threads on
PostgreSQL. The unique constraint on (mentor, start) among booked slots lets one through; the
others are told to pick another slot, and nothing of theirs is written."""

import pytest

from mentoring.meetings.bookings import TAKEN, BookingProblem, book, remove
from mentoring.meetings.models import Booking, Meeting, OfficeHours
from mentoring.notifications.models import Notification
from tests.concurrency import run_at_once
from tests.factories import make_mentee, make_mentor, make_mentorship
from tests.meetings.office_hours_data import make_office_hours, slot_at

BOOKERS = 5


def office_hours_of(mentor):
    return OfficeHours.objects.select_related("mentor").get(pk=make_office_hours(mentor).pk)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_of_five_simultaneous_bookings_of_a_slot_wins():
    mentor = make_mentor(capacity=BOOKERS)
    office_hours = office_hours_of(mentor)
    students = [make_mentee() for _ in range(BOOKERS)]
    for student in students:
        make_mentorship(mentor, student)

    outcomes = run_at_once(
        [lambda s=student: book(s, office_hours, slot_at()) for student in students]
    )

    won = [o for o in outcomes if isinstance(o, Booking)]
    lost = [o for o in outcomes if isinstance(o, BookingProblem)]
    assert len(won) == 1 and len(lost) == BOOKERS - 1, outcomes
    assert {str(problem) for problem in lost} == {TAKEN}
    booked = Booking.objects.get()
    assert (booked.status, booked.student_id) == ("booked", won[0].student_id)
    # Only the winner's meeting and the winner's notice exist.
    assert Meeting.objects.get().mentorship.mentee_id == booked.student_id
    assert Notification.objects.filter(kind="meeting.booked").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_student_booking_two_slots_at_once_gets_one():
    """Two tabs, two different slots: the student's row lock makes the second see the first."""
    mentor, student = make_mentor(), make_mentee()
    office_hours = office_hours_of(mentor)
    make_mentorship(mentor, student)

    outcomes = run_at_once(
        [
            lambda: book(student, office_hours, slot_at(hour=17)),
            lambda: book(student, office_hours, slot_at(hour=17, minute=30)),
        ]
    )

    assert sum(isinstance(o, Booking) for o in outcomes) == 1, outcomes
    refused = [str(o) for o in outcomes if isinstance(o, BookingProblem)]
    assert len(refused) == 1 and refused[0].startswith("You already have a slot with")
    assert Booking.objects.count() == Meeting.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_removing_office_hours_while_a_student_books_fails_neither():
    mentor, student = make_mentor(), make_mentee()
    office_hours = office_hours_of(mentor)
    make_mentorship(mentor, student)

    booked, removed = run_at_once(
        [
            lambda: book(student, office_hours, slot_at()),
            lambda: remove(office_hours, mentor, cancel_bookings=True),
        ]
    )

    # Either the booking came first (and was then cancelled with the office hours) or the
    # removal did (and the booking was refused); never a database error.
    assert removed in (0, 1), removed
    assert isinstance(booked, Booking | BookingProblem), booked
    assert OfficeHours.objects.get().removed_at is not None
    assert not Booking.objects.filter(status="booked").exists() or removed == 0
