"""A real Celery worker in the test process, on a broker of the test's choosing."""

import time

from celery import Celery


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


def wait_for(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False
