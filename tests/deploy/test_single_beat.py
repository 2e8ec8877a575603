"""Two `celery beat` processes against one PostgreSQL and one Redis: the periodic tasks go
out once per interval, from the beat that holds the lock; the other takes over when the
first is killed (mentoring/single_beat.py)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.db import connection

from mentoring.single_beat import SchedulerLock
from tests.test_bench_harness import database_url

ROOT = Path(__file__).resolve().parents[2]
INTERVAL = 2  # NOTIFICATION_SWEEP_SECONDS: the sweeper's entry comes due every 2 s
SWEEP = "mentoring.notifications.tasks.sweep_undelivered"


def start_beat(env, folder, name):
    log = open(folder / f"{name}.log", "w")  # noqa: SIM115 - closed with the test's tmp_path
    return subprocess.Popen(  # noqa: S603 - our own app, fixed arguments
        [
            sys.executable,
            "-m",
            "celery",
            "--app=mentoring",
            "beat",
            "--loglevel=info",
            f"--schedule={folder / name}-schedule",
            f"--pidfile={folder / name}.pid",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


class Sends:
    """The sweeper's messages as they arrive in the broker's queue: (time, sender pid)."""

    def __init__(self, url):
        self.redis = redis.Redis.from_url(url)
        self.seen, self.arrivals = 0, []

    def watch(self, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            # kombu LPUSHes: the newest messages are at the head of the list.
            fresh = self.redis.llen("celery") - self.seen
            for raw in reversed(self.redis.lrange("celery", 0, fresh - 1) if fresh else []):
                self.seen += 1
                headers = json.loads(raw)["headers"]
                if headers["task"] == SWEEP:
                    # Celery's `origin` header: gen<pid>@<host> of the process that sent it.
                    sender = int(headers["origin"].split("@")[0].removeprefix("gen"))
                    self.arrivals.append((time.monotonic(), sender))
            time.sleep(0.05)

    def senders(self, since=0.0):
        return {pid for at, pid in self.arrivals if at >= since}

    def gaps(self, sender):
        """Between one beat's sends. Across a takeover the gap may be shorter: each beat's
        schedule runs from its own start, so the standby's next due entry can come at any
        moment of the interval after the first died."""
        times = [at for at, pid in self.arrivals if pid == sender]
        return [later - earlier for earlier, later in zip(times, times[1:], strict=False)]


@pytest.mark.postgres
def test_two_beats_send_each_periodic_task_once_and_the_second_takes_over(
    db, tmp_path, private_redis
):
    env = {
        **os.environ,
        "DATABASE_URL": database_url(connection.settings_dict["NAME"]),
        "REDIS_URL": private_redis.url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "NOTIFICATION_SWEEP_SECONDS": str(INTERVAL),
        "VAR_DIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    sends = Sends(private_redis.url)
    first = start_beat(env, tmp_path, "first")
    second = None
    try:
        sends.watch(3)  # the first beat up and holding the lock before the second starts
        second = start_beat(env, tmp_path, "second")
        sends.watch(8)
        both_running = len(sends.arrivals)
        assert sends.senders() == {first.pid}
        # One sweep per interval: 11 s minus start-up, not twice that.
        assert 3 <= both_running <= 6, sends.arrivals
        assert min(sends.gaps(first.pid)) > INTERVAL * 0.6, sends.arrivals
        assert "standing by" in (tmp_path / "second.log").read_text()

        first.send_signal(signal.SIGKILL)
        killed_at = time.monotonic()
        first.wait(10)
        sends.watch(7)
        # The first's last message may be read just after the kill; none is sent later.
        assert {pid for at, pid in sends.arrivals if at > killed_at + 0.5} == {second.pid}
        assert sends.senders() == {first.pid, second.pid}
        taken_over = [at for at, pid in sends.arrivals if pid == second.pid]
        assert taken_over[0] > killed_at
        # The standby sends the next sweep due after the first died, and then one per interval.
        assert taken_over[0] - killed_at <= INTERVAL + 1.5
        assert 3 <= len(taken_over) <= 4, taken_over
        assert min(sends.gaps(second.pid)) > INTERVAL * 0.6, sends.arrivals
        assert "holding the scheduler lock" in (tmp_path / "second.log").read_text()

        # beat stops on SIGTERM, saving its schedule and letting the lock go.
        second.send_signal(signal.SIGTERM)
        assert second.wait(15) == 0
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()


@pytest.mark.postgres
def test_the_lock_is_held_by_one_at_a_time_and_passes_on_when_released(db):
    first, second = SchedulerLock(), SchedulerLock()
    try:
        assert first.hold()
        assert not second.hold()
        assert first.hold()  # checked, still held
        first.release()
        assert second.hold()
        assert not first.hold()
    finally:
        first.release()
        second.release()


def test_without_postgresql_there_is_nothing_to_lock(settings):
    lock = SchedulerLock()
    if lock.needed:
        pytest.skip("runs where the database is SQLite (make run)")
    assert lock.hold() and SchedulerLock().hold()
