import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from mentoring.notifications import delivery
from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify
from mentoring.notifications.tasks import sweep_undelivered


@pytest.mark.django_db
def test_notify_writes_the_row_and_emails_after_commit(
    mentor, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(
            mentor,
            "request.new",
            "Sam asked you to be their mentor",
            body="Sam would like help with research.",
            url="/home/",
        )
        assert mailoutbox == []  # nothing leaves before the event's transaction commits

    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.SENT
    [email] = mailoutbox
    assert email.to == [mentor.email]
    assert email.subject == "[Mentoring] Sam asked you to be their mentor"
    assert "http://testserver/home/" in email.body
    assert "Sam would like help with research." in email.alternatives[0][0]


@pytest.mark.django_db
def test_same_dedupe_key_notifies_once(mentor, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(mentor, "reminder", "Reply due", dedupe_key="reminder:request:1:day1")
        second = notify(mentor, "reminder", "Reply due", dedupe_key="reminder:request:1:day1")
    assert first is not None and second is None
    assert Notification.objects.filter(recipient=mentor).count() == 1
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_delivering_twice_sends_once(mentor, mailoutbox):
    notification = notify(mentor, "test", "Hello")
    assert delivery.deliver(notification.pk) is True
    assert delivery.deliver(notification.pk) is False
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_failed_email_is_retried_then_given_up_visibly(mentor, settings):
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    notification = notify(mentor, "test", "Hello")

    with pytest.raises(delivery.DeliveryFailed):
        delivery.deliver(notification.pk)
    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.PENDING
    assert "mail server refused" in notification.email_error

    assert delivery.deliver(notification.pk) is False  # second and last attempt
    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.FAILED
    assert notification.email_attempts == 2


@pytest.mark.django_db
def test_sweeper_delivers_rows_whose_task_never_ran(mentor, mailoutbox):
    # The event committed but its task was lost (broker down): only the row remains.
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=30)):
        lost = notify(mentor, "test", "Lost in the broker")
    fresh = notify(mentor, "test", "Just written")

    sweep_undelivered()

    assert [m.subject for m in mailoutbox] == ["[Mentoring] Lost in the broker"]
    lost.refresh_from_db()
    fresh.refresh_from_db()
    assert lost.email_status == Notification.EmailStatus.SENT
    assert fresh.email_status == Notification.EmailStatus.PENDING


@pytest.mark.django_db
def test_sweeper_takes_over_a_send_abandoned_by_a_dead_worker(mentor, mailoutbox):
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=30)):
        notification = notify(mentor, "test", "Claimed, then the worker died")
        assert notification.claim_for_email(timezone.now() - delivery.claim_timeout())
    sweep_undelivered()
    assert len(mailoutbox) == 1
    mail.outbox.clear()
    sweep_undelivered()
    assert mailoutbox == []
