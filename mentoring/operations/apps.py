from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """What an operator watches: readiness, the scheduler's heartbeat, request and task logs,
    metrics. It observes every app and no app imports it (the wiring layer)."""

    name = "mentoring.operations"
    verbose_name = "Operations"

    def ready(self):
        # Celery's public signals: the scheduler's heartbeat, and the request id and a log
        # line for each task, in whichever process (web, worker, beat) sends or runs it.
        from mentoring.operations import scheduler, task_log  # noqa: F401
