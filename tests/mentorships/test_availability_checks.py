"""Availability check-ins: at each term's start, and after two missed requests in a row,
each sent once per term or per run of misses (mentorships/availability.py)."""

import datetime

import pytest
import time_machine

from mentoring.mentorships import asking, availability, tasks
from mentoring.mentorships.models import MentorshipRequest
from mentoring.notifications.models import Notification
from mentoring.profiles.models import MentorProfile
from tests.factories import make_mentee, make_mentor, make_user

UTC = datetime.UTC
TERM_BEGAN = datetime.datetime(2027, 5, 1, tzinfo=UTC)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
PER_BATCH = 11


@pytest.fixture(autouse=True)
def terms(settings):
    settings.AVAILABILITY_TERM_STARTS = [(1, 1), (5, 1), (9, 1)]
    settings.AVAILABILITY_CONFIRM_DAYS = 14


def checks(person):
    return list(
        Notification.objects.filter(recipient=person, kind="reminder.availability")
        .order_by("pk")
        .values_list("dedupe_key", flat=True)
    )


def profile_of(user):
    return MentorProfile.objects.get(user=user)


@pytest.mark.parametrize(
    ("today", "began"),
    [
        ("2027-05-01", "2027-05-01"),
        ("2027-08-31", "2027-05-01"),
        ("2027-12-31", "2027-09-01"),
        ("2027-01-01", "2027-01-01"),
    ],
)
def test_the_term_is_the_latest_start_on_or_before_today(today, began):
    day = datetime.date.fromisoformat(today)
    assert availability.term_start(day) == datetime.date.fromisoformat(began)


def test_a_year_whose_first_term_starts_later_begins_in_last_years_last_term(settings):
    settings.AVAILABILITY_TERM_STARTS = [(2, 15), (9, 1)]
    assert availability.term_start(datetime.date(2027, 1, 10)) == datetime.date(2026, 9, 1)


@pytest.mark.django_db
def test_each_mentor_taking_mentees_is_asked_once_a_term(mentor, other_faculty):
    closed = make_mentor(make_user(display_name="Dr. Closed"), is_accepting=False)
    gone = make_mentor(make_user(display_name="Dr. Gone", is_active=False))
    now = TERM_BEGAN + 2 * DAY
    assert availability.send_term_checks(now) == 2
    assert availability.send_term_checks(now + HOUR) == 0  # the next tick: nothing new
    profile = profile_of(mentor)
    assert checks(mentor) == [f"availability:{profile.pk}:term:2027-05-01"]
    assert len(checks(other_faculty)) == 1
    assert checks(closed) == checks(gone) == []
    assert profile.availability_asked_at == profile.availability_awaited_since == now
    note = Notification.objects.get(recipient=mentor, kind="reminder.availability")
    assert note.title == "A new term: are you still taking mentees?"
    assert note.url == "/profile/availability/"
    assert "within 14 days" in note.body
    # The next term asks again.
    availability.send_term_checks(datetime.datetime(2027, 9, 2, 9, tzinfo=UTC))
    assert checks(mentor)[1] == f"availability:{profile.pk}:term:2027-09-01"


@pytest.mark.django_db
def test_a_mentor_who_confirmed_this_term_is_not_asked(mentor, other_faculty):
    MentorProfile.objects.filter(user=mentor).update(availability_confirmed_at=TERM_BEGAN + HOUR)
    availability.send_term_checks(TERM_BEGAN + DAY)
    assert checks(mentor) == []
    assert len(checks(other_faculty)) == 1


@pytest.mark.django_db
def test_late_in_the_term_no_term_check_goes_out(mentor):
    assert availability.send_term_checks(TERM_BEGAN + availability.TERM_CHECK_WITHIN + DAY) == 0
    assert availability.send_term_checks(TERM_BEGAN + 29 * DAY) == 1


@pytest.mark.django_db
def test_asking_again_at_a_new_term_keeps_the_count_of_days_unanswered(mentor):
    first = datetime.datetime(2027, 4, 10, tzinfo=UTC)
    MentorProfile.objects.filter(user=mentor).update(
        availability_asked_at=first, availability_awaited_since=first
    )
    availability.send_term_checks(TERM_BEGAN + DAY)
    profile = profile_of(mentor)
    assert profile.availability_asked_at == TERM_BEGAN + DAY
    assert profile.availability_awaited_since == first


def ask_at(mentee, mentor, moment):
    with time_machine.travel(moment, tick=False):
        return asking.ask(mentee, mentor, message="Could you help?")


def answer_at(request_obj, mentor, moment):
    with time_machine.travel(moment, tick=False):
        asking.decline(request_obj, mentor, "Not this term, sorry.")


@pytest.fixture
def students(db):
    return [make_mentee(make_user(display_name=f"Student {n}")) for n in range(4)]


@pytest.fixture
def start():
    # Mid-term, long after the term's check-in window: only the missed-request rule acts.
    return datetime.datetime(2027, 7, 1, 9, tzinfo=UTC)


@pytest.mark.django_db
def test_two_requests_in_a_row_unanswered_past_the_commitment_ask_once(mentor, students, start):
    first = ask_at(students[0], mentor, start)
    second = ask_at(students[1], mentor, start + 2 * HOUR)
    # The first is 25 hours old, the second not yet due: one miss so far.
    assert availability.send_missed_request_checks(start + 25 * HOUR) == 0
    assert availability.send_missed_request_checks(start + 27 * HOUR) == 1
    assert availability.send_missed_request_checks(start + 30 * HOUR) == 0
    assert checks(mentor) == [f"availability:{profile_of(mentor).pk}:missed:{second.pk}"]
    note = Notification.objects.get(recipient=mentor, kind="reminder.availability")
    assert note.title == "Are you still taking mentees?"
    assert "Two requests in a row waited longer than the 24 hours" in note.body
    assert first.pk != second.pk


@pytest.mark.django_db
def test_an_answer_in_time_between_two_misses_breaks_the_run(mentor, students, start):
    missed = ask_at(students[0], mentor, start)
    on_time = ask_at(students[1], mentor, start + DAY * 2)
    answer_at(on_time, mentor, start + DAY * 2 + 3 * HOUR)
    ask_at(students[2], mentor, start + DAY * 4)
    assert availability.send_missed_request_checks(start + DAY * 6) == 0
    # A late answer is still a miss: the last two are now both late.
    answer_at(missed, mentor, start + DAY * 6)
    ask_at(students[3], mentor, start + DAY * 6)
    assert availability.send_missed_request_checks(start + DAY * 8) == 1


@pytest.mark.django_db
def test_misses_before_the_mentor_last_confirmed_do_not_count(mentor, students, start):
    ask_at(students[0], mentor, start)
    ask_at(students[1], mentor, start + HOUR)
    MentorProfile.objects.filter(user=mentor).update(availability_confirmed_at=start + 2 * DAY)
    ask_at(students[2], mentor, start + 3 * DAY)
    assert availability.send_missed_request_checks(start + 5 * DAY) == 0
    ask_at(students[3], mentor, start + 3 * DAY + HOUR)
    assert availability.send_missed_request_checks(start + 5 * DAY) == 1


@pytest.mark.django_db
def test_a_request_withdrawn_before_it_was_due_is_not_a_miss(mentor, students, start):
    ask_at(students[0], mentor, start)
    withdrawn = ask_at(students[1], mentor, start + HOUR)
    with time_machine.travel(start + 2 * HOUR, tick=False):
        asking.withdraw(withdrawn, students[1])
    assert availability.send_missed_request_checks(start + 3 * DAY) == 0


@pytest.mark.django_db
def test_expired_requests_are_misses_and_a_mentor_not_accepting_is_not_asked(
    mentor, students, start
):
    for n, student in enumerate(students[:2]):
        MentorshipRequest.objects.create(
            mentor=mentor,
            mentee=student,
            created_by=student,
            created_at=start + n * HOUR,
            answered_at=start + 15 * DAY,
            status=MentorshipRequest.Status.EXPIRED,
        )
    MentorProfile.objects.filter(user=mentor).update(is_accepting=False)
    assert availability.send_missed_request_checks(start + 16 * DAY) == 0
    MentorProfile.objects.filter(user=mentor).update(is_accepting=True)
    assert availability.send_missed_request_checks(start + 16 * DAY) == 1


@pytest.mark.django_db
def test_the_task_runs_both_rules(mentor, other_faculty, students):
    now = TERM_BEGAN + DAY
    ask_at(students[0], mentor, now - 3 * DAY)
    ask_at(students[1], mentor, now - 2 * DAY)
    with time_machine.travel(now, tick=False):
        tasks.ask_mentors_about_availability()
    # The term's check-in went first; the mentor is then awaited, so no second one.
    assert checks(mentor) == [f"availability:{profile_of(mentor).pk}:term:2027-05-01"]
    assert len(checks(other_faculty)) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("mentors", [3, 30])
def test_queries_grow_with_batches_not_with_mentors(
    mentors, start, settings, django_assert_max_num_queries
):
    student = make_mentee()
    for n in range(mentors):
        faculty = make_mentor(make_user(display_name=f"Dr. {n:02d}"))
        for hours in (0, 1):
            MentorshipRequest.objects.create(
                mentor=faculty,
                mentee=student,
                created_by=student,
                created_at=start + hours * HOUR,
                answered_at=start + 40 * HOUR,
                status=MentorshipRequest.Status.DECLINED,
            )
    # Batches of 10: each costs the same few queries (ids, rows, the claim under a lock,
    # the notices, and their savepoints), whatever it holds.
    batches = (mentors + 9) // 10
    with django_assert_max_num_queries(1 + PER_BATCH * batches):
        assert availability.send_missed_request_checks(start + 2 * DAY, batch_size=10) == mentors
    next_term = datetime.datetime(2027, 9, 2, tzinfo=UTC)
    with django_assert_max_num_queries(1 + PER_BATCH * batches):
        assert availability.send_term_checks(next_term, batch_size=10) == mentors
