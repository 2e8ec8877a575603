"""When the sweeps run late (after downtime), reminders that became due together collapse
into the most advanced one, and the next normal tick adds nothing."""

import datetime

import pytest
import time_machine

from mentoring.feedback import tasks as feedback_tasks
from mentoring.feedback.models import Reassessment
from mentoring.meetings import tasks as meeting_tasks
from mentoring.meetings.models import Meeting
from mentoring.mentorships import asking
from mentoring.mentorships import tasks as mentorship_tasks
from mentoring.notifications.models import Notification
from tests.factories import make_mentorship
from tests.meetings.factories import make_action_item, make_meeting

HOUR, DAY = datetime.timedelta(hours=1), datetime.timedelta(days=1)
SENT_AT = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def sweep(task, at):
    """Run a beat task's body as the worker would, at another time."""
    with time_machine.travel(at, tick=False):
        task()


def notes(person):
    """What the sweeps told this person: (kind, dedupe key), oldest first."""
    return list(
        Notification.objects.filter(recipient=person)
        .exclude(kind="request.new")  # the ask's own notice, not a sweep's
        .order_by("pk")
        .values_list("kind", "dedupe_key")
    )


@pytest.fixture
def pending(mentee, mentor, settings):
    settings.REQUEST_MENTEE_NUDGE_DAYS, settings.REQUEST_EXPIRY_DAYS = 5, 14
    assert mentor.mentor_profile.response_hours == 24  # reminders at 1 and 3 days
    with time_machine.travel(SENT_AT, tick=False):
        return asking.ask(mentee, mentor, message="Could you help with research?")


@pytest.mark.django_db
def test_a_sweep_past_expiry_sends_only_the_expiry_notices(pending, mentee, mentor):
    sweep(mentorship_tasks.send_request_reminders, SENT_AT + 15 * DAY)
    expired = ("request.expired", f"request:{pending.pk}:expired:")
    assert notes(mentor) == [(expired[0], expired[1] + str(mentor.pk))]
    assert notes(mentee) == [(expired[0], expired[1] + str(mentee.pk))]
    sweep(mentorship_tasks.send_request_reminders, SENT_AT + 15 * DAY + HOUR)
    assert len(notes(mentor) + notes(mentee)) == 2


@pytest.mark.django_db
def test_a_sweep_past_the_second_reminder_sends_only_the_second(pending, mentee, mentor):
    sweep(mentorship_tasks.send_request_reminders, SENT_AT + 4 * DAY)
    second = ("reminder.request", f"reminder:request:{pending.pk}:second")
    assert notes(mentor) == [second]
    assert notes(mentee) == []
    # The next ticks never go back to the first reminder.
    sweep(mentorship_tasks.send_request_reminders, SENT_AT + 4 * DAY + HOUR)
    sweep(mentorship_tasks.send_request_reminders, SENT_AT + 6 * DAY)
    assert notes(mentor) == [second]
    nudge = ("reminder.request", f"reminder:request:{pending.pk}:mentee-nudge")
    assert notes(mentee) == [nudge]


@pytest.mark.django_db
def test_sweeps_on_time_send_each_stage_once(pending, mentee, mentor):
    for days in (0.5, 1.1, 2, 3.1, 4, 5.1, 6, 14.1, 15):
        sweep(mentorship_tasks.send_request_reminders, SENT_AT + days * DAY)
    key = f"reminder:request:{pending.pk}"
    assert notes(mentor) == [
        ("reminder.request", f"{key}:first"),
        ("reminder.request", f"{key}:second"),
        ("request.expired", f"request:{pending.pk}:expired:{mentor.pk}"),
    ]
    assert notes(mentee) == [
        ("reminder.request", f"{key}:mentee-nudge"),
        ("request.expired", f"request:{pending.pk}:expired:{mentee.pk}"),
    ]


@pytest.fixture
def item(mentor, mentee):
    meeting = make_meeting(
        make_mentorship(mentor, mentee), SENT_AT - 7 * DAY, status=Meeting.Status.HELD
    )
    return make_action_item(meeting, owner="mentee", due_on=SENT_AT.date())


@pytest.mark.django_db
def test_an_action_item_found_overdue_is_reminded_as_overdue_only(item, mentee):
    sweep(meeting_tasks.send_action_item_reminders, SENT_AT + 5 * DAY)
    sweep(meeting_tasks.send_action_item_reminders, SENT_AT + 6 * DAY)
    assert notes(mentee) == [("reminder.action_item", f"reminder:action:{item.pk}:overdue")]


@pytest.mark.django_db
def test_action_item_sweeps_on_time_send_due_then_overdue(item, mentee):
    for days in (-1, 0, 1, 3, 4):
        sweep(meeting_tasks.send_action_item_reminders, SENT_AT + days * DAY)
    assert notes(mentee) == [
        ("reminder.action_item", f"reminder:action:{item.pk}:due"),
        ("reminder.action_item", f"reminder:action:{item.pk}:overdue"),
    ]


@pytest.mark.django_db
def test_no_reminder_for_a_meeting_that_started_during_the_downtime(mentor, mentee):
    make_meeting(make_mentorship(mentor, mentee), SENT_AT + 10 * HOUR)
    sweep(meeting_tasks.send_meeting_reminders, SENT_AT + 11 * HOUR)
    assert not Notification.objects.filter(kind="reminder.meeting").exists()


@pytest.mark.django_db
def test_a_late_reassessment_prompt_comes_alone_and_its_reminder_a_week_later(mentor, mentee):
    mentorship = make_mentorship(mentor, mentee)
    late = datetime.datetime.combine(
        mentorship.reassess_on + 20 * DAY, datetime.time(9), tzinfo=datetime.UTC
    )
    sweep(feedback_tasks.send_reassessment_prompts, late)
    assert Reassessment.objects.filter(mentorship=mentorship).count() == 2
    assert set(Notification.objects.values_list("kind", flat=True)) == {"reassessment.due"}
    sweep(feedback_tasks.send_reassessment_prompts, late + 7 * DAY)
    assert Notification.objects.filter(kind="reassessment.reminder").count() == 2
