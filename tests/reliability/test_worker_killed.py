"""A worker killed in the middle of sending leaves the work to be redone (acks_late):
the broker hands the message to the next worker, which finds the dead worker's claim
stale and sends the e-mail. Real worker processes, a private Redis, SIGKILL."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from mentoring.notifications.models import Notification
from mentoring.notifications.tasks import deliver_email
from tests.celery_helpers import wait_for, worker_app

ROOT = Path(__file__).resolve().parents[2]


def database_url():
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        return (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    return f"sqlite:///{Path(db['NAME']).resolve()}"


def start_worker_process(broker, email_backend, log):
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": database_url(),
        "REDIS_URL": broker,
        "EMAIL_BACKEND": email_backend,
        "CELERY_VISIBILITY_TIMEOUT": "3",
        "CELERY_RESTORE_CHECK_SECONDS": "1",
        "NOTIFICATION_CLAIM_TIMEOUT_MINUTES": "0",
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "NOTIFICATION_QUIET_HOURS": "off",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "mentoring",
            "worker",
            "--pool",
            "solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "info",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_killed_worker_leaves_the_email_to_the_next(mentor, private_redis, tmp_path):
    broker = f"redis://127.0.0.1:{private_redis.port}/0"
    # The row as notify() writes it, without the in-process delivery the unit tests use.
    notification = Notification.objects.create(
        recipient=mentor, kind="test", title="Survives a killed worker"
    )
    app = worker_app(broker, {"visibility_timeout": 3})
    app.set_current()
    try:
        deliver_email.apply_async((notification.pk,))
    finally:
        from mentoring.celery import app as project_app

        project_app.set_current()

    def status():
        notification.refresh_from_db()
        return notification.email_status

    with open(tmp_path / "first.log", "w") as log:
        first = start_worker_process(broker, "tests.reliability.slow_backend.SlowBackend", log)
        try:
            assert wait_for(lambda: status() == Notification.EmailStatus.SENDING, 30), (
                tmp_path / "first.log"
            ).read_text()[-3000:]
        finally:
            os.killpg(first.pid, signal.SIGKILL)  # mid-send: the message was never acked
            first.wait(10)
    assert status() == Notification.EmailStatus.SENDING

    with open(tmp_path / "second.log", "w") as log:
        second = start_worker_process(broker, "django.core.mail.backends.locmem.EmailBackend", log)
        try:
            assert wait_for(lambda: status() == Notification.EmailStatus.SENT, 45), (
                tmp_path / "second.log"
            ).read_text()[-2000:]
        finally:
            os.killpg(second.pid, signal.SIGTERM)
            second.wait(20)
    assert notification.email_attempts == 2  # claimed twice, sent once
