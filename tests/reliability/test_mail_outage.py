"""Nothing lost when the mail server goes away: a real SMTP server on loopback (aiosmtpd) is
stopped for a day and a half and started again, hangs without answering, or rejects an
address; the outbox keeps trying, gives up only on a permanent rejection, and sends once."""

import datetime
import socket
import threading
import time

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.utils import timezone

from mentoring.notifications import delivery
from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify
from mentoring.notifications.tasks import sweep_undelivered
from tests.reliability.conftest import spare_port

Status = Notification.EmailStatus


class Recorder:
    """The mail server's side: every message it accepted, and recipients it refuses."""

    def __init__(self, refuse=()):
        self.received, self.refuse = [], set(refuse)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope.content.decode())
        return "250 Message accepted for delivery"


class MailServer:
    def __init__(self, port, handler):
        self.port, self.handler, self.controller = port, handler, None

    def start(self):
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()


@pytest.fixture
def mail_server(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", spare_port()
    settings.EMAIL_TIMEOUT = 2
    server = MailServer(settings.EMAIL_PORT, Recorder())
    server.start()
    yield server
    if server.controller.loop.is_running():
        server.stop()


def at(moment):
    return time_machine.travel(moment, tick=False)


@pytest.mark.django_db
def test_a_day_and_a_half_without_a_mail_server_loses_nothing(
    mail_server, mentor, django_capture_on_commit_callbacks
):
    mail_server.stop()
    start = timezone.now()
    with at(start), django_capture_on_commit_callbacks(execute=True):
        notification = notify(mentor, "request.new", "Sam asked you to be their mentor")

    # The sweeper keeps trying through the outage (it used to give up after five attempts).
    for hours in (0.1, 0.5, 1, 2, 6, 12, 24, 36):
        with at(start + datetime.timedelta(hours=hours)):
            sweep_undelivered()
    notification.refresh_from_db()
    assert notification.email_status == Status.PENDING
    assert notification.email_attempts == 9
    assert "Connection refused" in notification.email_error
    assert mail_server.handler.received == []

    mail_server.start()
    with at(start + datetime.timedelta(hours=37)):
        sweep_undelivered()
        sweep_undelivered()
    notification.refresh_from_db()
    assert notification.email_status == Status.SENT
    [message] = mail_server.handler.received
    assert "Subject: [Mentoring] Sam asked you to be their mentor" in message
    assert f"X-Mentoring-Notifications: {notification.pk}" in message


@pytest.mark.django_db
def test_an_address_the_server_rejects_fails_at_once_and_can_be_sent_again(
    mail_server, mentor, django_capture_on_commit_callbacks
):
    mail_server.handler.refuse.add(mentor.email)
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(mentor, "request.new", "Hello")
    notification.refresh_from_db()
    assert notification.email_status == Status.FAILED
    assert "550" in notification.email_error and notification.email_attempts == 1

    # The address is mended at the mail server; staff send it again (the admin's action).
    mail_server.handler.refuse.clear()
    assert Notification.objects.filter(pk=notification.pk).send_again() == 1
    assert delivery.deliver([notification.pk]) == 1
    notification.refresh_from_db()
    assert notification.email_status == Status.SENT
    assert len(mail_server.handler.received) == 1


@pytest.mark.django_db(transaction=True)  # the sending thread must see the committed row
def test_a_server_that_never_answers_does_not_hold_the_worker(mentor, settings):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # the kernel accepts connections; nothing ever says hello
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent.getsockname()[1]
    settings.EMAIL_TIMEOUT = 1
    notification = notify(mentor, "request.new", "Hello")
    try:
        started = time.monotonic()
        sender = threading.Thread(target=delivery.deliver, args=([notification.pk],), daemon=True)
        sender.start()
        sender.join(10)
        assert not sender.is_alive(), "the worker is still waiting for the mail server"
        assert time.monotonic() - started < 5
    finally:
        silent.close()
    notification.refresh_from_db()
    assert notification.email_status == Status.PENDING
    assert "timed out" in notification.email_error
