"""/readyz/ names each part that fails (database, cache, broker, a silent scheduler) with a
503, quickly, and never a host, a port or a driver's error; /healthz/ stays as cheap as it
was."""

import datetime
import time

import pytest
from django.db import connection
from django.utils import timezone

from mentoring.operations import scheduler
from mentoring.operations.models import Heartbeat

pytestmark = pytest.mark.django_db


def ticked(minutes_ago=0):
    Heartbeat.objects.update_or_create(
        name="scheduler",
        defaults={"at": timezone.now() - datetime.timedelta(minutes=minutes_ago)},
    )


def assert_nothing_revealing(response):
    body = response.content.decode()
    for secret in ("127.0.0.1", "localhost", "redis://", "postgres", "Error", "refused"):
        assert secret not in body, secret


@pytest.mark.redis
def test_all_parts_answer(client):
    ticked()
    response = client.get("/readyz/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["problems"] == []
    assert body["database"] == body["cache"] == body["broker"] == body["scheduler"] == "ok"
    assert body["outbox"]["backlog"] == 0


@pytest.mark.redis
def test_redis_stopped_names_the_cache_and_the_broker(client, private_services):
    ticked()
    assert client.get("/readyz/").status_code == 200
    private_services.stop()

    started = time.monotonic()
    response = client.get("/readyz/")
    took = time.monotonic() - started

    assert response.status_code == 503
    assert response.json()["problems"] == ["cache: unavailable", "broker: unavailable"]
    assert response.json()["database"] == "ok"
    assert response.json()["outbox"]["backlog"] == 0  # still reported
    assert str(private_services.port) not in response.content.decode()
    assert_nothing_revealing(response)
    assert took < 2, f"readiness took {took:.1f} s with Redis down"
    # The load balancer's check is not affected: pages still work from the database cache.
    assert client.get("/healthz/").status_code == 200

    private_services.start()
    assert client.get("/readyz/").status_code == 200


def test_a_silent_scheduler_fails_readiness(client, settings):
    settings.SCHEDULER_SILENT_MINUTES = 5
    ticked(minutes_ago=4)
    assert client.get("/readyz/").json()["scheduler"] == "ok"

    ticked(minutes_ago=12)
    response = client.get("/readyz/")

    assert response.status_code == 503
    assert "scheduler: silent for 12 minutes" in response.json()["problems"]


def test_a_new_site_is_not_failed_before_beat_could_have_ticked(client, monkeypatch):
    # A process started just now, however long this test run has taken.
    monkeypatch.setattr(scheduler, "STARTED_AT", time.time())
    response = client.get("/readyz/")
    assert response.json()["scheduler"] == "no tick recorded yet"
    assert "scheduler" not in " ".join(response.json()["problems"])


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_database_unreachable_is_named_without_its_address(client):
    ticked()
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        response = client.get("/readyz/")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port

    assert response.status_code == 503
    assert response.json()["problems"][0] == "database: unavailable"
    assert "outbox" not in response.json() and "scheduler" not in response.json()
    assert_nothing_revealing(response)


def test_healthz_stays_cheap(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content.decode().startswith("ok\n")


def test_readiness_stays_within_its_queries(client, django_assert_max_num_queries):
    ticked()
    with django_assert_max_num_queries(6):
        assert client.get("/readyz/").status_code in (200, 503)
