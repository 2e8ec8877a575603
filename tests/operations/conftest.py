import pytest
from django.core.cache import cache

from mentoring.celery import app as project_app
from tests.reliability.conftest import private_redis  # noqa: F401 (a fixture)


@pytest.fixture
def private_services(private_redis, settings):  # noqa: F811
    """The cache's Redis and the broker both on a redis-server of the test's own, to stop
    while the shared one stays up."""
    url = f"redis://127.0.0.1:{private_redis.port}/0"
    settings.CACHES = {
        alias: {**entry, "LOCATION": url} if alias == "redis" else entry
        for alias, entry in settings.CACHES.items()
    }
    cache.clear()
    configured = project_app.conf.broker_url
    project_app.conf.broker_url = url
    yield private_redis
    project_app.conf.broker_url = configured


CANARY_EMAIL = "canary.7f3e-person@med.example.edu"
CANARY_TEXT = "canary-4b1d words only the mentor may read"


@pytest.fixture
def log_lines():
    """The JSON lines the request and task loggers write, parsed, as a collector sees them."""
    import io
    import json
    import logging

    from mentoring.operations.logs import JsonFormatter

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    loggers = [logging.getLogger(name) for name in ("mentoring.requests", "mentoring.tasks")]

    def attach():
        """Again after starting a Celery worker, which configures logging anew."""
        for logger in loggers:
            logger.addHandler(handler)

    def lines():
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    attach()
    lines.text, lines.attach = stream.getvalue, attach
    yield lines
    for logger in loggers:
        logger.removeHandler(handler)
