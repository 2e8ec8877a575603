"""Reminders of an unacknowledged concern through the real plumbing: beat's task on Redis,
a worker runs the sweep, the notices' e-mails go out. Two working days after sending the
designated person is reminded, after five staff are told (without the content); each once,
however many ticks."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from mentoring.concerns import tasks
from mentoring.concerns.models import Concern
from mentoring.notifications.models import Notification
from tests.celery_helpers import wait_for, worker_app
from tests.concerns.conftest import CANARY, raise_one

FRIDAY = 4


def next_friday_at_three():
    today = timezone.localdate()
    friday = today + datetime.timedelta(days=(FRIDAY - today.weekday()) % 7 or 7)
    return timezone.make_aware(datetime.datetime.combine(friday, datetime.time(15)))


def worker(run_worker):
    """A worker on Redis whose tasks keep their results, so that a tick can wait for its
    sweep to finish (the project ignores results)."""
    app = worker_app(settings.REDIS_URL, {"visibility_timeout": 3600})
    app.conf.update(result_backend=settings.REDIS_URL, task_ignore_result=False)
    run_worker(app)
    return app


def tick(app, moment, times=2):
    """Beat's ticks at this moment, doubled as a duplicate beat would send them."""
    task = app.tasks[tasks.send_concern_reminders.name]
    with time_machine.travel(moment, tick=True):
        for _ in range(times):
            task.apply_async().get(timeout=20)


def sent(kind):
    return Notification.objects.filter(kind=kind)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_reminded_after_two_working_days_escalated_after_five_once(run_worker, cast, mailoutbox):
    friday = next_friday_at_three()
    with time_machine.travel(friday, tick=False):
        concern = raise_one(cast)
    app = worker(run_worker)
    day = datetime.timedelta(days=1)

    # Monday afternoon: one working day. Nothing yet, whatever the weekend's hours.
    tick(app, friday + 3 * day + datetime.timedelta(hours=1))
    assert not sent("concern.reminder").exists()

    # Tuesday 15:01: two working days. The designated person alone, once.
    tick(app, friday + 4 * day + datetime.timedelta(minutes=1))
    reminders = sent("concern.reminder")
    assert list(reminders.values_list("recipient", flat=True)) == [cast.ombudsperson.pk]
    assert not sent("concern.escalated").exists()
    assert wait_for(lambda: reminders.filter(email_status="sent").exists())

    # Thursday 15:01 and the next Friday 14:59: still short of five working days.
    tick(app, friday + 6 * day + datetime.timedelta(minutes=1))
    tick(app, friday + 7 * day - datetime.timedelta(minutes=1))
    assert not sent("concern.escalated").exists()

    # The next Friday 15:01: five working days. Staff, once each, without the content.
    tick(app, friday + 7 * day + datetime.timedelta(minutes=1))
    tick(app, friday + 8 * day)
    escalations = sent("concern.escalated")
    assert list(escalations.values_list("recipient", flat=True)) == [cast.staff.pk]
    assert reminders.count() == 1
    [escalation] = escalations
    assert "MD programme is unacknowledged after five working days" in escalation.title
    for words in (CANARY, concern.get_category_display(), "Student Sam", "Mentor Mia"):
        assert words not in escalation.title + escalation.body
    assert wait_for(lambda: escalations.filter(email_status="sent").exists())
    mails = [(m.to[0], m.subject) for m in mailoutbox]
    assert mails.count((cast.ombudsperson.email, f"[Mentoring] {reminders.get().title}")) == 1
    assert mails.count((cast.staff.email, f"[Mentoring] {escalation.title}")) == 1
    assert all(CANARY not in m.body and CANARY not in m.subject for m in mailoutbox)
    concern.refresh_from_db()
    assert concern.reminded_at is not None and concern.escalated_at is not None


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_an_acknowledged_concern_is_neither_reminded_nor_escalated(run_worker, cast):
    friday = next_friday_at_three()
    with time_machine.travel(friday, tick=False):
        concern = raise_one(cast)
    with time_machine.travel(friday + datetime.timedelta(days=3), tick=False):
        Concern.objects.filter(pk=concern.pk).update(
            status="acknowledged", acknowledged_at=timezone.now()
        )
    app = worker(run_worker)
    tick(app, friday + datetime.timedelta(days=10))
    assert not Notification.objects.filter(kind__in=["concern.reminder", "concern.escalated"])
