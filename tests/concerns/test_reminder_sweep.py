"""The sweep's rules, run in-process: due moments in working days, each notice once, and a
bounded number of queries however many concerns wait."""

import datetime

from django.utils import timezone

from mentoring.concerns import reminders
from mentoring.concerns.models import Concern
from mentoring.notifications.models import Notification
from tests.concerns.conftest import raise_one
from tests.factories import make_mentee, make_mentor, make_mentorship

LATER = datetime.timedelta(days=30)


def many(cast, count):
    for _ in range(count):
        cast.mentorship = make_mentorship(make_mentor(), make_mentee())
        raise_one(cast, sender=cast.mentorship.mentee)


def test_the_due_moments_are_written_when_it_is_sent(cast, concern):
    # Whatever the weekday, two working days are at least two calendar days, five at least seven.
    assert concern.remind_at - concern.created_at >= datetime.timedelta(days=2)
    assert concern.escalate_at - concern.created_at >= datetime.timedelta(days=7)
    assert concern.escalate_at - concern.created_at <= datetime.timedelta(days=9)


def test_each_notice_goes_once_however_often_the_sweep_runs(cast, concern):
    now = timezone.now() + LATER
    assert reminders.send_reminders(now) == 1
    assert reminders.send_escalations(now) == 1
    assert reminders.send_reminders(now) == 0 and reminders.send_escalations(now) == 0
    # Even with the claim undone (a crashed worker's half), the dedupe keys hold.
    Concern.objects.update(reminded_at=None, escalated_at=None)
    assert reminders.send_reminders(now) == 0 and reminders.send_escalations(now) == 0
    assert Notification.objects.filter(kind="concern.reminder").count() == 1


def test_nothing_is_due_before_its_moment(cast, concern):
    assert reminders.send_reminders(concern.remind_at - datetime.timedelta(minutes=1)) == 0
    assert reminders.send_escalations(concern.escalate_at - datetime.timedelta(minutes=1)) == 0


def test_queries_do_not_grow_with_the_concerns(cast, django_assert_max_num_queries):
    many(cast, 3)
    with django_assert_max_num_queries(16) as few:
        reminders.send_reminders(timezone.now() + LATER)
    many(cast, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert reminders.send_reminders(timezone.now() + LATER) == 30
