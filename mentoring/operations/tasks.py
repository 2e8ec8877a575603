from celery import shared_task

from mentoring.operations.scheduler import TICK_TASK


@shared_task(name=TICK_TASK, ignore_result=True)
def scheduler_tick():
    """Nothing to do here: the beat process records its heartbeat as it sends this task
    (operations/scheduler.py), so that a silent beat shows even while workers run."""
