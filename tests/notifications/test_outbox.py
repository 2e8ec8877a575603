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
    assert delivery.deliver([notification.pk]) == 1
    assert delivery.deliver([notification.pk]) == 0
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_temporary_failure_is_retried_later_until_the_deadline_then_given_up_visibly(
    mentor, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    start = timezone.now()
    with time_machine.travel(start, tick=False), django_capture_on_commit_callbacks(execute=True):
        notification = notify(mentor, "test", "Hello")
    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.PENDING
    assert "mail server refused" in notification.email_error
    assert notification.email_not_before == start + datetime.timedelta(minutes=1)
    assert notification.email_deadline == start + datetime.timedelta(hours=72)

    # Two days of failures: still waiting, an hour at most between attempts.
    with time_machine.travel(start + datetime.timedelta(days=2), tick=False):
        sweep_undelivered()
    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.PENDING
    assert notification.email_attempts == 2

    with time_machine.travel(start + datetime.timedelta(hours=72, minutes=1), tick=False):
        sweep_undelivered()
    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.FAILED
    assert notification.email_attempts == 3


@pytest.mark.django_db
def test_waits_between_attempts_grow_to_an_hour():
    waits = [delivery.next_wait(n).total_seconds() / 60 for n in (1, 2, 3, 6, 7, 30)]
    assert waits == [1, 2, 4, 32, 60, 60]


@pytest.mark.django_db
def test_a_permanent_rejection_is_failed_at_once(
    mentor, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.RejectingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(mentor, "test", "Hello")
    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.FAILED
    assert "550" in notification.email_error and notification.email_attempts == 1


@pytest.mark.django_db
def test_a_title_with_a_line_break_still_leaves_on_one_line(mentor, mailoutbox):
    # Written before names were validated; Django refuses such a header outright.
    notification = notify(mentor, "test", "Sam\nOkafor asked you")
    delivery.deliver([notification.pk])
    notification.refresh_from_db()
    assert notification.email_status == Notification.EmailStatus.SENT
    assert mailoutbox[0].subject == "[Mentoring] Sam Okafor asked you"


@pytest.mark.django_db
def test_message_id_names_the_site_not_localhost(mentor, mailoutbox, settings):
    settings.SITE_URL = "https://mentoring.med.example.edu"
    delivery.deliver([notify(mentor, "test", "Hello").pk])
    message = mailoutbox[0].message()
    assert message["Message-ID"].endswith("@mentoring.med.example.edu>")


@pytest.mark.django_db
def test_rows_of_one_person_due_together_leave_as_one_email(mentor, mentee, mailoutbox):
    # The broker was down when these were written (their after-commit hand-off never ran):
    # the sweeper finds them all at once.
    with time_machine.travel(timezone.now() - datetime.timedelta(minutes=30)):
        rows = [notify(mentor, "request.new", f"Request {n}") for n in range(3)]
        other = notify(mentee, "meeting.planned", "Meeting on Friday")
    sweep_undelivered()

    by_person = {m.to[0]: m for m in mailoutbox}
    assert len(mailoutbox) == 2
    combined = by_person[mentor.email]
    assert combined.subject == "[Mentoring] 3 updates while you were away"
    assert all(f"Request {n}" in combined.body for n in range(3))
    assert combined.extra_headers["X-Mentoring-Notifications"] == ",".join(str(r.pk) for r in rows)
    assert by_person[mentee.email].subject == "[Mentoring] Meeting on Friday"
    assert by_person[mentee.email].extra_headers["X-Mentoring-Notifications"] == str(other.pk)
    statuses = set(Notification.objects.values_list("email_status", flat=True))
    assert statuses == {Notification.EmailStatus.SENT}


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
