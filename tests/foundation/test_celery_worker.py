"""The Celery plumbing with a real worker: a committed event's e-mail goes through the broker.

Runs against the embedded filesystem broker always, and against Redis when it is up
(CI requires it). Unit tests elsewhere run task bodies in-process.
"""

import pytest
from django.conf import settings
from django.db import transaction

from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify
from tests.celery_helpers import wait_for, worker_app


def wait_until_sent(notification):
    def sent():
        notification.refresh_from_db()
        return notification.email_status == Notification.EmailStatus.SENT

    return wait_for(sent)


def event_with_notification(recipient):
    with transaction.atomic():
        return notify(recipient, "test", "Delivered by a real worker", url="/home/")


@pytest.mark.django_db(transaction=True)
def test_worker_delivers_through_the_filesystem_broker(run_worker, mentor, tmp_path, mailoutbox):
    folder = tmp_path / "broker"
    (folder / "queue").mkdir(parents=True)
    (folder / "control").mkdir()
    options = {
        "data_folder_in": str(folder / "queue"),
        "data_folder_out": str(folder / "queue"),
        "control_folder": str(folder / "control"),
    }
    app = worker_app("filesystem://", options)
    run_worker(app)

    notification = event_with_notification(mentor)

    assert wait_until_sent(notification)
    assert [m.subject for m in mailoutbox] == ["[Mentoring] Delivered by a real worker"]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_worker_delivers_through_redis(run_worker, mentor, mailoutbox):
    run_worker(worker_app(settings.REDIS_URL, {"visibility_timeout": 3600}))

    notification = event_with_notification(mentor)

    assert wait_until_sent(notification)
    assert [m.to for m in mailoutbox] == [[mentor.email]]
