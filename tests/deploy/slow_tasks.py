"""A task that takes a few seconds and says when it started and finished, for stopping a
real worker in the middle of it (--include=tests.deploy.slow_tasks)."""

import time
from pathlib import Path

from celery import shared_task


@shared_task
def sleep_then_write(path, seconds):
    Path(path).write_text("started")
    time.sleep(seconds)
    Path(path).write_text("finished")
