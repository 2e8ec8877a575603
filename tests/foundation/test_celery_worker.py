"""The Celery plumbing with a real worker: a committed event's e-mail goes through the broker.

Runs against the embedded filesystem broker always, and against Redis when it is up
(CI requires it). Unit tests elsewhere run task bodies in-process.
"""

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import transaction

from mentoring.celery import app as project_app
from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify


def worker_app(broker_url, transport_options):
    """An app like the project's, but on the given broker and not eager."""
    app = Celery("mentoring-test", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.update(
        broker_url=broker_url,
        broker_transport_options=transport_options,
        task_always_eager=False,
    )
    app.autodiscover_tasks(force=True)
    return app


@pytest.fixture
def run_worker():
    started = []

    def run(app):
        app.set_current()
        context = start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10)
        context.__enter__()
        started.append(context)

    yield run
    for context in started:
        context.__exit__(None, None, None)
    project_app.set_current()


def wait_until_sent(notification, seconds=15):
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        notification.refresh_from_db()
        if notification.email_status == Notification.EmailStatus.SENT:
            return True
        time.sleep(0.1)
    return False


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
