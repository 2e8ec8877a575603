"""A Celery worker asked to stop (SIGTERM, as systemd does) finishes the task in hand
before it exits: Celery's warm shutdown, which deploy/systemd/mentoring-worker@.service
relies on. (A worker killed outright returns its task instead:
tests/reliability/test_worker_killed.py.)"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from tests.celery_helpers import wait_for, worker_app

ROOT = Path(__file__).resolve().parents[2]


def test_a_worker_told_to_stop_finishes_its_task_first(tmp_path, private_redis):
    env = {
        **os.environ,
        "REDIS_URL": private_redis.url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "VAR_DIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    with open(tmp_path / "worker.log", "w") as log:
        worker = subprocess.Popen(  # noqa: S603 - our own app, fixed arguments
            [
                sys.executable,
                "-m",
                "celery",
                "--app=mentoring",
                "worker",
                "--loglevel=info",
                "--concurrency=1",
                "--include=tests.deploy.slow_tasks",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    marker = tmp_path / "task"
    try:
        app = worker_app(private_redis.url, {})
        app.send_task("tests.deploy.slow_tasks.sleep_then_write", args=[str(marker), 4])
        assert wait_for(lambda: marker.exists(), 30), (tmp_path / "worker.log").read_text()
        worker.send_signal(signal.SIGTERM)
        stopped = time.monotonic()
        assert worker.wait(30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
    assert marker.read_text() == "finished"
    assert time.monotonic() - stopped < 15
    # The task was acknowledged, not left for another worker to run again.
    broker = redis.Redis.from_url(private_redis.url)
    assert broker.llen("celery") == 0
    assert broker.hlen("unacked") == 0
