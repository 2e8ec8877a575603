"""Each side's usual answer time: worked out from the messages, written on the mentorship,
shown on the agreement."""

import datetime

import pytest
import time_machine

from mentoring.conversations import responses
from mentoring.mentorships.models import Mentorship, answer_time_words
from tests.conversations.responses_factory import send
from tests.factories import make_mentee, make_mentor, make_mentorship

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
NOW = datetime.datetime(2026, 3, 16, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def thread(mentor, mentee):
    return make_mentorship(mentor, mentee)


def talk(thread, start, steps):
    """Messages written in turn: steps are (side, hours after start), side "mentor" or
    "mentee"."""
    for side, hours in steps:
        send(thread, getattr(thread, side), start + hours * HOUR)


def medians(thread):
    thread.refresh_from_db()
    return thread.mentor_response_minutes, thread.mentee_response_minutes


def test_medians_of_each_side_count_from_the_first_message_of_a_run(thread):
    talk(
        thread,
        NOW - 60 * DAY,
        [
            ("mentee", 0), ("mentee", 0.5), ("mentee", 1),  # answered 2 hours after the first
            ("mentor", 2),
            ("mentee", 3),
            ("mentor", 8),
            ("mentee", 38),
            ("mentor", 41), ("mentor", 41.5),
            ("mentee", 61),
            ("mentor", 65),  # not answered yet: not a response time
        ],
    )  # fmt: skip

    responses.refresh_response_medians([thread.pk], now=NOW)

    # The mentor answered after 2, 5, 3 and 4 hours; the mentee after 1, 30 and 20.
    assert medians(thread) == (210, 20 * 60)
    assert thread.response_medians_at == NOW


def test_an_even_count_takes_the_middle_two(thread):
    steps = [("mentee", 0), ("mentor", 1), ("mentee", 100), ("mentor", 102), ("mentee", 200)]
    steps += [("mentor", 204), ("mentee", 300), ("mentor", 310), ("mentee", 400)]
    talk(thread, NOW - 30 * DAY, steps)
    responses.refresh_response_medians([thread.pk], now=NOW)
    # Mentor: 1, 2, 4, 10 hours; mentee: 99, 98, 96, 90.
    assert medians(thread) == (180, 97 * 60)


def test_fewer_than_three_answers_are_not_enough(thread):
    talk(thread, NOW - 10 * DAY, [("mentee", 0), ("mentor", 2), ("mentee", 30), ("mentor", 32)])
    responses.refresh_response_medians([thread.pk], now=NOW)
    assert medians(thread) == (None, None)


def replies(asker, answerer, wait, pause, times=3):
    """`asker` writes, `answerer` answers after `wait` hours, `pause` hours later again..."""
    steps, at = [], 0
    for _ in range(times):
        steps += [(asker, at), (answerer, at + wait)]
        at += wait + pause
    return steps


def test_only_answers_of_the_last_90_days_count(thread):
    talk(thread, NOW - 200 * DAY, replies("mentee", "mentor", 50, 50))  # long ago
    talk(thread, NOW - 20 * DAY, replies("mentee", "mentor", 2, 48))
    responses.refresh_response_medians([thread.pk], now=NOW)
    # Mentor: 2 hours three times. Mentee: 48 hours twice, and the mentor's last old message
    # answered 20 days ago, after half a year: answered in the window, so it counts.
    assert medians(thread) == (120, 48 * 60)
    # Four months on, every answer has left the window: the medians are cleared.
    responses.refresh_response_medians([thread.pk], now=NOW + 120 * DAY)
    assert medians(thread) == (None, None)


def test_mentorships_are_worked_out_apart_in_two_queries(mentor, django_assert_num_queries):
    mentor.mentor_profile.capacity = 10
    mentor.mentor_profile.save()
    threads = [make_mentorship(mentor, make_mentee()) for _ in range(4)]
    for hours, thread in zip([1, 2, 3, 4], threads, strict=True):
        talk(thread, NOW - 30 * DAY, replies("mentee", "mentor", hours, 10))

    with django_assert_num_queries(2):
        responses.refresh_response_medians([t.pk for t in threads], now=NOW)

    assert [medians(t) for t in threads] == [(60, None), (120, None), (180, None), (240, None)]


def test_the_frequent_refresh_reads_only_threads_written_to_since_their_last(mentor, mentee):
    busy, idle = make_mentorship(mentor, mentee), make_mentorship(mentor, make_mentee())
    talk(busy, NOW - 10 * DAY, replies("mentee", "mentor", 1, 4, times=2))
    talk(idle, NOW - 10 * DAY, replies("mentee", "mentor", 4, 6))
    responses.refresh_all_medians(NOW - 3 * DAY)
    assert medians(busy) == (None, None) and medians(idle) == (240, None)

    send(busy, mentee, NOW - 2 * HOUR)
    send(busy, mentor, NOW - HOUR)  # the third answer

    assert responses.refresh_recent_medians(NOW) == 1
    assert medians(busy) == (60, None)
    assert Mentorship.objects.get(pk=idle.pk).response_medians_at == NOW - 3 * DAY
    assert responses.refresh_recent_medians(NOW + 15 * 60 * datetime.timedelta(seconds=1)) == 0


def test_the_daily_refresh_moves_the_window_without_new_messages(thread):
    talk(thread, NOW - 85 * DAY, replies("mentee", "mentor", 6, 4))
    responses.refresh_all_medians(NOW)
    assert medians(thread) == (360, None)
    assert responses.refresh_all_medians(NOW + 10 * DAY) == 1
    assert medians(thread) == (None, None)
    # Nothing written and nothing in the window: the mentorship is not read again.
    assert responses.refresh_all_medians(NOW + 11 * DAY) == 0


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (None, ""),
        (5, "within the hour"),
        (70, "within about an hour"),
        (180, "within about 3 hours"),
        (19 * 60, "within about 19 hours"),
        (22 * 60, "within about a day"),
        (30 * 60, "within about a day"),
        (3 * 24 * 60, "within about 3 days"),
    ],
)
def test_answer_times_in_words(minutes, words):
    assert answer_time_words(minutes) == words


def page(client, thread):
    return client.get(f"/mentorships/{thread.pk}/").content.decode()


def test_the_agreement_shows_both_sides_in_words(
    client, thread, mentor, mentee, django_assert_max_num_queries
):
    # The mentor answers after 3 hours, the mentee the mentor after 24 (a day).
    talk(thread, NOW - 40 * DAY, replies("mentee", "mentor", 3, 24) + [("mentee", 81)])
    with time_machine.travel(NOW, tick=False):
        responses.refresh_all_medians(NOW)

    client.force_login(mentor)
    with django_assert_max_num_queries(12):
        as_mentor = page(client, thread)
    client.force_login(mentee)
    as_mentee = page(client, thread)

    assert (
        "Over the last 90 days: you usually answer within about 3 hours; "
        "Sam Okafor within about a day." in as_mentor
    )
    assert (
        "Over the last 90 days: you usually answer within about a day; "
        "Dr. Ines Alvarez within about 3 hours." in as_mentee
    )


def test_the_agreement_says_when_there_are_not_enough_messages(client, thread, mentor, mentee):
    client.force_login(mentee)
    assert "Not enough messages yet to tell how fast each of you answers." in page(client, thread)
    talk(thread, NOW - 10 * DAY, replies("mentee", "mentor", 1, 1))
    responses.refresh_all_medians(NOW)
    client.force_login(mentor)
    assert (
        "you usually answer within about an hour; not enough messages yet from Sam Okafor."
        in page(client, thread)
    )


def test_nobody_else_sees_the_agreement(client, thread, outsider):
    client.force_login(outsider)
    assert client.get(f"/mentorships/{thread.pk}/").status_code == 404


def test_each_mentorship_of_a_mentee_keeps_its_own_medians(other_faculty, mentee):
    # The medians belong to the pair: a second mentorship of the mentee keeps its own.
    first = make_mentorship(make_mentor(), mentee)
    second = make_mentorship(other_faculty, mentee)
    talk(first, NOW - 10 * DAY, replies("mentee", "mentor", 1, 5))
    responses.refresh_all_medians(NOW)
    assert medians(first) == (60, None) and medians(second) == (None, None)
