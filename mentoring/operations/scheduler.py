"""The scheduler's heartbeat.

Beat sends `scheduler_tick` every SCHEDULER_TICK_SECONDS (CELERY_BEAT_SCHEDULE), and as it
sends it, the beat process itself writes the time on the "scheduler" Heartbeat row
(Celery's public after_task_publish signal). So the row's age is the scheduler's silence:
a beat that died, hung or cannot reach the broker stops writing, whatever the workers do.
Readiness (`/readyz/`) fails once the silence passes SCHEDULER_SILENT_MINUTES, and
`manage.py celery_status` prints it.
"""

import logging
import time

from celery.signals import after_task_publish
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from mentoring.operations.models import Heartbeat

log = logging.getLogger(__name__)

SCHEDULER = "scheduler"
TICK_TASK = "mentoring.operations.tasks.scheduler_tick"
# Before any tick is on record (a new site), silence counts from this process's start, so
# that a web process does not report a fresh install as broken.
STARTED_AT = time.time()


@after_task_publish.connect
def record_tick(sender=None, **kwargs):
    if sender != TICK_TASK:
        return
    # Beat is a long-running process outside any request: drop a connection that a
    # database restart broke, or the heartbeat would fail until beat restarts.
    close_old_connections()
    try:
        Heartbeat.objects.update_or_create(name=SCHEDULER, defaults={"at": timezone.now()})
    except DatabaseError as error:
        connection.close()
        log.warning("Could not record the scheduler's heartbeat: %s", type(error).__name__)


def last_tick():
    """When beat last sent its tick, or None if it never has."""
    return Heartbeat.objects.filter(name=SCHEDULER).values_list("at", flat=True).first()


def silent_minutes(tick, now=None):
    """Minutes since the tick (since this process started when there is none yet)."""
    now = now or timezone.now()
    since = tick.timestamp() if tick else STARTED_AT
    return max(now.timestamp() - since, 0) / 60
