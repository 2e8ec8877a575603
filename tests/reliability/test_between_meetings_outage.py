"""Nothing lost between meetings: with Redis (broker and cache) down, a student writes to
their mentor with a document attached and books office hours; both go through quickly, the
mentor's pages answer, and the e-mails leave once Redis is back.

Runs its own redis-server on a spare loopback port, so the shared one stays up."""

import time

import pytest
from django.core import mail

from mentoring.conversations.models import Attachment, Message
from mentoring.meetings.models import Meeting
from mentoring.notifications.models import Notification
from mentoring.notifications.tasks import sweep_undelivered
from tests.celery_helpers import wait_for, worker_app
from tests.conversations.helpers import PDF, thread_url, upload
from tests.factories import make_mentorship
from tests.meetings.office_hours_data import book_url, make_office_hours, slot_at, slot_value


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_message_and_a_booking_during_an_outage_arrive_after(
    client, mentee, mentor, private_redis, run_worker, settings, tmp_path
):
    settings.NOTIFICATION_SWEEP_AFTER_MINUTES = 0
    settings.MEDIA_ROOT = tmp_path
    mentorship = make_mentorship(mentor, mentee)
    hours = make_office_hours(mentor)
    app = worker_app(
        f"redis://127.0.0.1:{private_redis.port}/0",
        {"socket_connect_timeout": 2, "socket_timeout": 5, "visibility_timeout": 3600},
    )
    app.set_current()
    private_redis.stop()

    client.force_login(mentee)
    started = time.monotonic()
    wrote = client.post(
        thread_url(mentorship),
        {
            "text": "My draft personal statement, for Thursday.",
            "document": upload("draft.pdf", PDF),
        },
    )
    booked = client.post(book_url(mentor), {"slot": slot_value(hours, slot_at())})
    elapsed = time.monotonic() - started

    assert (wrote.status_code, booked.status_code) == (302, 302)
    assert elapsed < 2, f"two requests took {elapsed:.1f} s on the dead broker"
    assert Attachment.objects.get(message__mentorship=mentorship).name == "draft.pdf"
    assert Meeting.objects.filter(mentorship=mentorship, starts_at=slot_at()).exists()
    waiting = Notification.objects.filter(recipient=mentor)
    assert {n.email_status for n in waiting} == {Notification.EmailStatus.PENDING}
    assert mail.outbox == []

    client.force_login(mentor)  # the mentor reads it while Redis is still down
    page = client.get(thread_url(mentorship))
    assert page.status_code == 200 and "My draft personal statement" in page.content.decode()
    assert Message.objects.get(mentorship=mentorship).read_at is not None

    private_redis.start()
    run_worker(app)
    sweep_undelivered.apply_async()  # what beat sends every minute

    def all_sent():
        return not waiting.exclude(email_status=Notification.EmailStatus.SENT).exists()

    assert wait_for(all_sent, 30)
    assert {tuple(m.to) for m in mail.outbox} == {(mentor.email,)}
