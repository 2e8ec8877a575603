"""The reminder task through the real plumbing: beat's message on Redis, a worker runs the
sweep, and the reminder's e-mail goes out through the outbox."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from mentoring.conversations import tasks
from mentoring.notifications.models import Notification
from tests.celery_helpers import wait_for, worker_app
from tests.conversations.responses_factory import send
from tests.factories import make_mentorship


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_worker_on_redis_sends_the_reminder_once(run_worker, mentor, mentee, mailoutbox):
    thread = make_mentorship(mentor, mentee, response_hours=24)
    send(thread, mentee, timezone.now() - datetime.timedelta(hours=25))
    app = worker_app(settings.REDIS_URL, {"visibility_timeout": 3600})
    run_worker(app)
    task = app.tasks[tasks.send_unanswered_message_reminders.name]

    # Two ticks, as a doubled beat would send them.
    for _ in range(2):
        task.apply_async().get(timeout=20)

    reminders = Notification.objects.filter(kind="message.unanswered")
    assert wait_for(lambda: reminders.filter(email_status="sent").exists())
    assert list(reminders.values_list("recipient", flat=True)) == [mentor.pk]
    assert [m.to for m in mailoutbox] == [[mentor.email]]
    assert mailoutbox[0].subject == "[Mentoring] Sam Okafor is waiting for your answer"
