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
