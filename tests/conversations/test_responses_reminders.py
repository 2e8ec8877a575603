"""A message left unanswered past the agreed time reminds its recipient once."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from mentoring.conversations import responses, tasks
from mentoring.conversations.models import Message
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.notifications.models import CATEGORY_BY_PREFIX, Category, Notification
from tests.concurrency import run_at_once
from tests.conversations.responses_factory import send, send_on_request
from tests.factories import make_mentee, make_mentor, make_mentorship

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)
T = datetime.datetime(2026, 3, 16, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def mentorship(mentor, mentee):
    return make_mentorship(mentor, mentee, response_hours=24)


def reminders():
    return Notification.objects.filter(kind="message.unanswered").order_by("pk")


def test_the_recipient_is_reminded_once_the_agreed_time_has_passed(mentorship, mentor, mentee):
    message = send(mentorship, mentee, T, text="Could we talk about my research poster?")

    assert responses.send_unanswered_reminders(T + 23 * HOUR) == 0
    assert responses.send_unanswered_reminders(T + 25 * HOUR) == 1

    reminder = reminders().get()
    assert reminder.recipient == mentor
    assert reminder.title == "Sam Okafor is waiting for your answer"
    assert "within 24 hours" in reminder.body
    assert reminder.url == f"/mentorships/{mentorship.pk}/messages/"
    assert reminder.dedupe_key == f"message:unanswered:{message.pk}"
    # Filed with the other message notices, whichever category those are in.
    assert reminder.category == CATEGORY_BY_PREFIX["message"] != Category.OTHER
    # The reminder goes out by e-mail: nothing of the message itself is in it.
    assert "poster" not in reminder.title + reminder.body


def test_two_runs_and_two_workers_send_it_once(mentorship):
    send(mentorship, mentorship.mentee, T)
    later = T + 25 * HOUR
    assert responses.send_unanswered_reminders(later) == 1
    assert responses.send_unanswered_reminders(later) == 0  # a second worker, same tick
    assert responses.send_unanswered_reminders(later + 15 * datetime.timedelta(minutes=1)) == 0
    assert reminders().count() == 1


def test_one_reminder_for_a_run_of_messages_keyed_on_its_first(mentorship, mentor, mentee):
    first = send(mentorship, mentee, T)
    send(mentorship, mentee, T + HOUR)
    send(mentorship, mentee, T + 2 * HOUR)

    responses.send_unanswered_reminders(T + 25 * HOUR)
    responses.send_unanswered_reminders(T + 27 * HOUR)  # the later two are past due now too

    assert list(reminders().values_list("recipient", "dedupe_key")) == [
        (mentor.pk, f"message:unanswered:{first.pk}")
    ]


def test_an_answer_in_time_means_no_reminder_and_starts_the_other_side_s_clock(
    mentorship, mentor, mentee
):
    send(mentorship, mentee, T)
    answer = send(mentorship, mentor, T + 20 * HOUR)

    assert responses.send_unanswered_reminders(T + 30 * HOUR) == 0
    responses.send_unanswered_reminders(T + 45 * HOUR)

    assert list(reminders().values_list("recipient", "dedupe_key")) == [
        (mentee.pk, f"message:unanswered:{answer.pk}")
    ]


def test_a_new_run_after_an_answer_is_reminded_again(mentorship, mentor, mentee):
    send(mentorship, mentee, T)
    responses.send_unanswered_reminders(T + 25 * HOUR)
    send(mentorship, mentor, T + 26 * HOUR)
    send(mentorship, mentee, T + 27 * HOUR)
    responses.send_unanswered_reminders(T + 52 * HOUR)

    assert list(reminders().values_list("recipient", flat=True)) == [mentor.pk, mentor.pk]


def test_each_pair_s_own_agreed_time(mentor):
    quick = make_mentorship(mentor, make_mentee(), response_hours=4)
    slow = make_mentorship(mentor, make_mentee(), response_hours=48)
    send(quick, quick.mentee, T)
    send(slow, slow.mentee, T)

    responses.send_unanswered_reminders(T + 5 * HOUR)
    assert reminders().get().dedupe_key.endswith(str(quick.messages.get().pk))
    assert "within 4 hours" in reminders().get().body
    responses.send_unanswered_reminders(T + 49 * HOUR)
    assert reminders().count() == 2


def test_paused_mentorships_are_reminded_closed_ones_are_not(mentor):
    paused = make_mentorship(mentor, make_mentee())
    closed = make_mentorship(mentor, make_mentee())
    Mentorship.objects.filter(pk=paused.pk).update(status="paused")
    Mentorship.objects.filter(pk=closed.pk).update(status="closed")
    send(paused, paused.mentee, T)
    send(closed, closed.mentee, T)

    responses.send_unanswered_reminders(T + 25 * HOUR)

    assert list(reminders().values_list("recipient", flat=True)) == [mentor.pk]
    assert reminders().get().url == f"/mentorships/{paused.pk}/messages/"


def test_a_request_s_thread_is_left_to_the_request_reminders(mentor, mentee):
    request_obj = MentorshipRequest.objects.create(mentor=mentor, mentee=mentee, created_by=mentee)
    send_on_request(request_obj, mentee, T)

    assert responses.send_unanswered_reminders(T + 25 * HOUR) == 0


def test_a_silence_older_than_the_catch_up_window_is_not_reminded(mentorship):
    send(mentorship, mentorship.mentee, T)
    # The sweep was down, or reminders were just switched on: the deadline passed 2 days ago.
    late = T + 24 * HOUR + responses.REMIND_WITHIN + HOUR
    assert responses.send_unanswered_reminders(late) == 0


def test_the_beat_task_runs_the_sweep(mentorship, mentor):
    send(mentorship, mentorship.mentee, T)
    with time_machine.travel(T + 25 * HOUR, tick=False):
        tasks.send_unanswered_message_reminders()
        tasks.send_unanswered_message_reminders()
    assert list(reminders().values_list("recipient", flat=True)) == [mentor.pk]


def test_the_sweep_s_queries_do_not_grow_with_the_mentorships(
    mentor, django_assert_max_num_queries
):
    mentor_profile = mentor.mentor_profile
    mentor_profile.capacity = 40
    mentor_profile.save()
    for n in range(30):
        m = make_mentorship(mentor, make_mentee())
        for k in range(n % 3 + 1):
            send(m, m.mentee, T + k * datetime.timedelta(minutes=10))
    # The longest agreed time, then one batch: ids, runs, existing keys, insert (+ savepoints),
    # and the query that finds no further batch.
    with django_assert_max_num_queries(8):
        assert responses.send_unanswered_reminders(T + 25 * HOUR) == 30
    assert Message.objects.count() == 60


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_four_workers_at_once_send_each_reminder_once():
    mentor = make_mentor(capacity=10)
    threads = [make_mentorship(mentor, make_mentee()) for _ in range(6)]
    for m in threads:
        send(m, m.mentee, T)
        send(m, m.mentee, T + HOUR)

    outcomes = run_at_once([lambda: responses.send_unanswered_reminders(T + 26 * HOUR)] * 4)

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sum(outcomes) == 6
    assert reminders().count() == 6


def test_now_is_the_tasks_clock(mentorship):
    send(mentorship, mentorship.mentee, timezone.now() - 23 * HOUR)
    tasks.send_unanswered_message_reminders()
    assert not reminders().exists()


def test_the_demo_command_runs_the_sweep_as_of_a_chosen_time(mentorship, mentor, capsys):
    send(mentorship, mentorship.mentee, timezone.now())
    call_command("send_reminders", "--days-ahead", "2")
    assert "unanswered messages" in capsys.readouterr().out
    assert list(reminders().values_list("recipient", flat=True)) == [mentor.pk]
