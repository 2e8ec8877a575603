"""With Redis down, pages answer from the database instead of 500, sign-in is still
rate-limited, and the cache goes back to Redis once it returns.

Runs its own redis-server on a spare loopback port, stopped halfway through a signed-in
session, so the shared one stays up."""

import os
import signal
import threading
import time

import pytest
import redis
from allauth.account.models import EmailAddress
from django.core.cache import cache, caches
from django.core.management import call_command
from django.urls import reverse

from mentoring.profiles.models import Department
from tests.celery_helpers import wait_for
from tests.factories import make_mentor, make_user

PASSWORD = "a-long-test-password"
RETRY_AFTER = 2  # seconds; 30 in settings

pytestmark = [pytest.mark.redis, pytest.mark.django_db]


@pytest.fixture
def redis_cache(private_redis, settings):
    """The project's cache settings, with the private redis-server for the shared one (a
    new port each test, so a new circuit breaker) and a shorter wait before retrying."""
    configured = {}
    for alias, entry in settings.CACHES.items():
        entry = {**entry, "OPTIONS": {**entry.get("OPTIONS", {})}}
        if entry.get("LOCATION") == settings.REDIS_URL:
            entry["LOCATION"] = f"redis://127.0.0.1:{private_redis.port}/0"
        if "RETRY_AFTER" in entry["OPTIONS"]:
            entry["OPTIONS"]["RETRY_AFTER"] = RETRY_AFTER
        configured[alias] = entry
    settings.CACHES = configured
    call_command("createcachetable", verbosity=0)  # made by migrate; here in case
    cache.clear()
    return private_redis


def in_redis(server):
    return redis.Redis(port=server.port, socket_timeout=1).keys("*")


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def timed(request):
    started = time.monotonic()
    response = request()
    return response, time.monotonic() - started


def test_a_signed_in_session_carries_on_while_redis_is_down(client, redis_cache, mentee, mentor):
    staff = verified(make_user(is_staff=True, is_superuser=True))
    make_mentor(department="Cardiology")
    verified(mentee)
    assert sign_in(client, mentee.email).status_code == 302
    assert client.get("/mentors/").status_code == 200
    assert in_redis(redis_cache), "the directory's cards went to Redis while it was up"

    redis_cache.stop()

    cardiology = Department.objects.get(name="Cardiology").pk
    pages = {
        "home": lambda: client.get("/home/"),
        "directory": lambda: client.get("/mentors/"),
        "filtered directory": lambda: client.get(f"/mentors/?department={cardiology}"),
        "recommendations": lambda: client.get("/mentors/recommended/"),
        "mentor": lambda: client.get(f"/mentors/{mentor.mentor_profile.pk}/"),
    }
    for name, request in pages.items():
        response, seconds = timed(request)
        assert response.status_code == 200, name
        assert seconds < 1, f"{name} took {seconds:.1f} s"
    response = client.get(f"/mentors/?department={cardiology}")
    assert "Cardiology" in response.content.decode()

    # Signing out and in again, and a staff member's dashboards.
    client.post(reverse("account_logout"))
    response, seconds = timed(lambda: client.get(reverse("account_login")))
    assert response.status_code == 200 and seconds < 1
    response, seconds = timed(lambda: sign_in(client, staff.email))
    assert response.status_code == 302 and seconds < 1
    assert client.session["_auth_user_id"] == str(staff.pk)
    for url in ["/dashboards/", "/dashboards/school/", "/home/"]:
        response, seconds = timed(lambda url=url: client.get(url))
        assert response.status_code in (200, 302), url
        assert seconds < 1, f"{url} took {seconds:.1f} s"
    response = client.get("/healthz/")
    assert response.content.decode() == "ok\ncache: database (Redis unavailable)\n"


def test_a_hung_redis_holds_up_one_request_about_a_second(client, redis_cache, mentee):
    client.force_login(mentee)
    assert client.get("/mentors/").status_code == 200  # a connection to Redis is open
    os.kill(redis_cache.process.pid, signal.SIGSTOP)  # it accepts but does not answer
    # Woken after 5 s in any case, so that a request that would wait forever fails.
    wake = threading.Timer(5, os.kill, (redis_cache.process.pid, signal.SIGCONT))
    wake.start()
    try:
        first, first_took = timed(lambda: client.get("/mentors/"))
        then, then_took = timed(lambda: client.get("/mentors/?area=research"))
    finally:
        wake.cancel()
        os.kill(redis_cache.process.pid, signal.SIGCONT)

    assert first.status_code == then.status_code == 200
    assert first_took < 2.5, f"the first request waited {first_took:.1f} s"
    assert then_took < 0.5, f"the next one waited {then_took:.1f} s: Redis was asked again"


def test_wrong_passwords_still_lock_the_address_while_redis_is_down(client, redis_cache):
    user = verified(make_user(email="target@med.example.edu"))
    redis_cache.stop()

    for _ in range(5):
        response = sign_in(client, user.email, "wrong-password")
        assert response.status_code == 200
        assert "not correct" in response.content.decode()
    response = sign_in(client, user.email)

    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_outlives_the_outage(client, redis_cache):
    """Counted in the database while Redis was down, the attempts are copied into Redis
    when it comes back: the right password is still refused."""
    user = verified(make_user(email="target@med.example.edu"))
    redis_cache.stop()
    for _ in range(5):
        sign_in(client, user.email, "wrong-password")

    redis_cache.start()
    time.sleep(RETRY_AFTER)
    response = sign_in(client, user.email)

    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert any(b"login_failed" in key for key in in_redis(redis_cache))


def test_the_cache_goes_back_to_redis_when_it_returns(client, redis_cache, caplog):
    redis_cache.stop()
    with caplog.at_level("WARNING", logger="mentoring.lib.cache"):
        cache.set("during", "the outage")
        cache.set("again", "the outage")  # the outage is logged once
        assert cache.get("during") == "the outage"
        assert caches["database"].get("during") == "the outage"

        redis_cache.start()
        assert wait_for(lambda: cache.get("during") and in_redis(redis_cache), RETRY_AFTER + 5)
        cache.set("after", "the outage")

    primary = caches["redis"]
    assert primary.get("after") == "the outage"
    assert primary.get("during") == "the outage"  # copied over on the way back
    assert caches["database"].get("during") is None
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2, messages
    assert messages[0].startswith("Redis cache unavailable: falling back to the database cache")
    assert messages[1].startswith("Redis cache is back")
    assert client.get("/healthz/").content.decode() == "ok\ncache: redis\n"


def test_redis_is_not_asked_again_before_the_retry_time(redis_cache):
    redis_cache.stop()
    cache.get("anything")  # finds Redis gone
    redis_cache.start()

    cache.set("soon-after", "the outage")

    assert in_redis(redis_cache) == []
    assert caches["database"].get("soon-after") == "the outage"
