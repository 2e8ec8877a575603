"""A real `celery beat` records its heartbeat; `manage.py celery_status` names the workers
that answer, the queue and the heartbeat's age, and fails when no worker answers or beat
has gone silent. A private Redis as the broker, beat as a process of its own."""

import datetime
import os
import subprocess
import sys

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.utils import timezone

from mentoring.operations.scheduler import last_tick
from tests.celery_helpers import wait_for, worker_app
from tests.reliability.test_worker_killed import ROOT, database_url

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def start_beat(broker, tmp_path, log):
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": database_url(),
        "REDIS_URL": broker,
        "SCHEDULER_TICK_SECONDS": "1",
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "mentoring", "beat", "-l", "info",
         "--schedule", str(tmp_path / "beat-schedule")],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip


def status(capsys):
    try:
        call_command("celery_status", "--timeout", "1")
    except CommandError as error:
        return capsys.readouterr().out, str(error)
    return capsys.readouterr().out, None


def test_beat_records_its_heartbeat_and_celery_status_reports_it(
    private_services, tmp_path, run_worker, capsys, client
):
    broker = f"redis://127.0.0.1:{private_services.port}/0"
    assert last_tick() is None
    with open(tmp_path / "beat.log", "w") as log:
        beat = start_beat(broker, tmp_path, log)
        try:
            assert wait_for(lambda: last_tick() is not None, 30), (
                tmp_path / "beat.log"
            ).read_text()[-3000:]
            first = last_tick()
            assert wait_for(lambda: last_tick() > first, 10), "beat ticks every second"
        finally:
            beat.terminate()
            beat.wait(20)

    # No worker yet: the ticks beat sent wait in the queue, and the command says so.
    output, problem = status(capsys)
    assert "queue celery: " in output and "queue celery: 0 waiting" not in output
    assert "scheduler: last tick 0.0 minutes ago" in output
    assert problem == "no worker answered within 1 s"

    run_worker(worker_app(broker, {}))
    output, problem = status(capsys)
    assert problem is None, output
    assert "worker " in output and "queues: celery" in output

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
        output, problem = status(capsys)
        ready = client.get("/readyz/")
    assert problem == "scheduler silent for 6 minutes"
    assert ready.status_code == 503
    assert "scheduler: silent for 6 minutes" in ready.json()["problems"]


def test_celery_status_with_the_broker_down(private_services, capsys):
    private_services.stop()
    output, problem = status(capsys)
    assert problem.startswith("broker unavailable")
    assert str(private_services.port) not in output + problem
