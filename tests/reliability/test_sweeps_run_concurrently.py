"""Nothing twice: the same sweep on several workers at once sends each reminder once."""

import datetime

import pytest
from django.utils import timezone

from mentoring.feedback import reassessment
from mentoring.feedback.models import Reassessment
from mentoring.meetings import reminders as meeting_reminders
from mentoring.mentorships import asking, reminders
from mentoring.notifications.models import Notification
from tests.concurrency import run_at_once
from tests.factories import make_mentee, make_mentor, make_mentorship
from tests.meetings.factories import make_action_item, make_meeting

WORKERS = 4
DAY = datetime.timedelta(days=1)


@pytest.fixture
def busy_school(db):
    mentor = make_mentor(capacity=20)
    mentorships = [make_mentorship(mentor, make_mentee()) for _ in range(8)]
    for m in mentorships[:3]:
        asking.ask(m.mentee, make_mentor(), message="Could you help?")
        make_action_item(make_meeting(m), due_on=timezone.localdate())
    return mentorships


def sweep_everything(now):
    return [
        reminders.send_request_reminders(now),
        reminders.send_quiet_reminders(now),
        meeting_reminders.send_action_item_reminders(now),
        reassessment.send_periodic_prompts(now),
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_sweeps_send_each_reminder_once(busy_school):
    later = timezone.now() + 40 * DAY
    outcomes = run_at_once([lambda: sweep_everything(later)] * WORKERS)

    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    keys = list(Notification.objects.exclude(dedupe_key=None).values_list("dedupe_key", flat=True))
    assert len(keys) == len(set(keys))
    assert Notification.objects.filter(kind="reminder.quiet").count() == 16
    assert Notification.objects.filter(kind="reminder.action_item").count() == 3
    assert Reassessment.objects.count() == 16
    assert Notification.objects.filter(kind="reassessment.due").count() == 16
    # A retry or a doubled beat tick afterwards adds nothing either.
    sweep_everything(later)
    assert Notification.objects.exclude(dedupe_key=None).count() == len(keys)
