import os

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connection

from mentoring.celery import app as project_app
from tests.factories import make_clerkship, make_mentee, make_mentor, make_rotation, make_user

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


def redis_available():
    if not django_settings.REDIS_URL:
        return False
    import redis

    try:
        return redis.Redis.from_url(django_settings.REDIS_URL, socket_timeout=1).ping()
    except redis.RedisError:
        return False


def service_missing(what):
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} is required (REQUIRE_SERVICES=1) but is not available.")
    pytest.skip(f"needs {what}")


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres") and connection.vendor != "postgresql":
        service_missing("PostgreSQL: set DATABASE_URL=postgres://...")
    if item.get_closest_marker("redis") and not redis_available():
        service_missing("Redis: set REDIS_URL=redis://...")


@pytest.fixture(autouse=True)
def _fast_and_plain(settings):
    # Hashed static names need collectstatic; tests check pages, not the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Whether an e-mail leaves must not depend on the hour the suite runs at;
    # tests/notifications/test_quiet_hours.py switches quiet hours back on.
    settings.NOTIFICATION_QUIET_HOURS = None
    # Rate-limit counters live in the cache (Redis in CI); each test starts with none.
    cache.clear()


@pytest.fixture
def mentor(db):
    return make_mentor(
        make_user(display_name="Dr. Ines Alvarez"),
        interests=["Addiction psychiatry", "Pharmacology"],
        areas=["research", "residency-applications"],
        department="Psychiatry",
    )


@pytest.fixture
def mentee(db):
    return make_mentee(
        make_user(display_name="Sam Okafor"),
        interests=["addiction psychiatry"],
        areas=["research"],
    )


@pytest.fixture
def outsider(db):
    """A student with no relationship to anyone in the test."""
    return make_mentee(make_user(display_name="Unrelated Student"))


@pytest.fixture
def other_faculty(db):
    return make_mentor(make_user(display_name="Dr. Other Faculty"))


@pytest.fixture
def clerkship(db):
    return make_clerkship("Internal Medicine")


@pytest.fixture
def coordinator(db, clerkship, mentee):
    """Coordinates the clerkship the mentee is rotating in now."""
    user = make_user(display_name="Coordinator In Scope")
    clerkship.coordinators.add(user)
    make_rotation(mentee, clerkship)
    return user


@pytest.fixture
def staff(db):
    return make_user(display_name="Staff Person", is_staff=True, is_superuser=True)


@pytest.fixture
def run_worker():
    """run_worker(app) starts a worker thread; all stop when the test ends."""
    started = []

    def run(app):
        app.set_current()
        context = start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10)
        context.__enter__()
        started.append(context)

    yield run
    for context in started:
        context.__exit__(None, None, None)
    project_app.set_current()
