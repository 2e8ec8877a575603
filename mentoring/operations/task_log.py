"""The request id carried into Celery tasks, and one JSON log line per task run.

A task enqueued while a web request (or another task) runs takes that request's id in a
message header (before_task_publish, in the sending process); the worker reads it back
(task_prerun) and logs it with the task's name, id, duration and outcome (task_postrun).
Never the task's arguments: ids today, but nothing guarantees it of every future task.
"""

import logging
import time

from celery.signals import before_task_publish, task_postrun, task_prerun

from mentoring.operations.request_log import current_request_id

log = logging.getLogger("mentoring.tasks")

HEADER = "mentoring_request_id"
running = {}  # task id -> (started, the context token), for the task_postrun that follows


@before_task_publish.connect
def carry_request_id(headers=None, **kwargs):
    request_id = current_request_id.get()
    if request_id and headers is not None:
        headers.setdefault(HEADER, request_id)


@task_prerun.connect
def start_task(task_id=None, task=None, **kwargs):
    # Run eagerly (tests, `make run` without a worker), a task has no message headers: it
    # keeps the id of the request it runs in.
    request_id = getattr(task.request, HEADER, None) or current_request_id.get()
    running[task_id] = (time.perf_counter(), current_request_id.set(request_id))


@task_postrun.connect
def end_task(task_id=None, task=None, state=None, **kwargs):
    started, token = running.pop(task_id, (None, None))
    fields = {
        "task": task.name,
        "task_id": task_id,
        "request_id": current_request_id.get(),
        "outcome": state,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
    }
    if token is not None:
        current_request_id.reset(token)
    log.info("task", extra={"fields": fields})
