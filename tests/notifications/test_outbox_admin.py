"""What operators see of the outbox: the backlog and its age in the admin and at /readyz/,
and 'send again' for rows that failed."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from mentoring.notifications.delivery import deliver
from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify

Status = Notification.EmailStatus
CHANGELIST = "/admin/notifications/notification/"


def failed(person, title):
    notification = notify(person, "request.new", title)
    Notification.objects.filter(pk=notification.pk).update(
        email_status=Status.FAILED, email_error="SMTPRecipientsRefused: 550", email_attempts=1
    )
    return notification


@pytest.mark.django_db
def test_staff_send_failed_rows_again_and_others_are_left_alone(
    client, staff, mentor, mentee, mailoutbox, django_capture_on_commit_callbacks
):
    broken = failed(mentor, "Sam asked you to be their mentor")
    sent = notify(mentee, "request.accepted", "Accepted")
    Notification.objects.filter(pk=sent.pk).update(email_status=Status.SENT)
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            CHANGELIST,
            {"action": "send_again", "_selected_action": [broken.pk, sent.pk]},
            follow=True,
        )

    page = response.content.decode()
    assert "1 e-mail(s) put back in the outbox." in page
    assert "1 selected row(s) had not failed and were left alone." in page
    broken.refresh_from_db()
    assert broken.email_status == Status.SENT and broken.email_error == ""
    assert [m.to for m in mailoutbox] == [[mentor.email]]


@pytest.mark.django_db
def test_the_admin_says_how_many_emails_wait_and_since_when(client, staff, mentor):
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=42)):
        notify(mentor, "request.new", "Stuck while the worker was down")
    client.force_login(staff)
    page = client.get(CHANGELIST).content.decode()
    assert "1 e-mail(s) due and not sent yet; the oldest has been due for 42 minute(s)." in page
    assert "Stuck while the worker" in client.get(f"{CHANGELIST}?delivery=backlog").content.decode()


@pytest.mark.django_db
def test_readiness_reports_the_outbox_and_delivery_alerts_when_it_stalls(
    client, mentor, django_assert_max_num_queries
):
    assert client.get("/readyz/delivery/").status_code == 200
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=20)):
        notify(mentor, "request.new", "Nobody sent this")

    with django_assert_max_num_queries(6):
        ready = client.get("/readyz/")
    assert ready.status_code == 200  # the site itself can serve
    assert ready.json()["database"] == "ok" and ready.json()["cache"]
    assert ready.json()["outbox"]["backlog"] == 1
    delivery = client.get("/readyz/delivery/")
    assert delivery.status_code == 503
    assert delivery.json()["stalled"] is True
    assert delivery.json()["oldest_due_minutes"] == pytest.approx(20, abs=0.5)
    assert "Nobody sent this" not in delivery.content.decode()  # counts only


@pytest.mark.django_db
def test_a_failing_mail_server_shows_as_stalled_after_a_while(client, mentor, settings):
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        notification = notify(mentor, "request.new", "Hello")
        deliver([notification.pk])
        assert client.get("/readyz/delivery/").json()["retrying"] == 1
        assert client.get("/readyz/delivery/").status_code == 200
    with time_machine.travel(start + datetime.timedelta(minutes=16), tick=False):
        response = client.get("/readyz/delivery/")
    assert response.status_code == 503
    assert response.json()["failing_for_minutes"] == pytest.approx(16, abs=0.1)
