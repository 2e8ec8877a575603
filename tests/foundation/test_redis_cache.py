"""The default cache: Redis through Django's own backend, the database's cache table while
Redis is down (tests/reliability/test_redis_down.py stops a real Redis)."""

import logging

import pytest
from django.conf import settings
from django.core.cache import cache, caches

from mentoring.lib.cache import CircuitBreaker


@pytest.mark.redis
@pytest.mark.django_db
def test_values_round_trip_through_redis():
    cache.set("card", {"name": "Dr. Okafor"}, 30)
    cache.set_many({"a": 1, "b": [2, 3]}, 30)
    assert cache.get("card") == {"name": "Dr. Okafor"}
    assert cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": [2, 3]}
    assert cache.incr("a") == 2
    assert cache.add("a", 5) is False
    assert caches["redis"].get("card") == {"name": "Dr. Okafor"}  # Redis holds them
    assert caches["database"].get("card") is None
    cache.delete_many(["card", "a", "b"])
    assert cache.get_many(["card", "a", "b"]) == {}


def test_settings_use_it_when_redis_is_configured():
    if settings.REDIS_URL:
        assert settings.CACHES["default"]["BACKEND"] == "mentoring.lib.cache.ResilientCache"
        assert settings.CACHES["redis"]["LOCATION"] == settings.REDIS_URL
        assert settings.CACHES["redis"]["OPTIONS"]["socket_timeout"] <= 1
        assert settings.CACHES["database"]["BACKEND"].endswith("DatabaseCache")
    else:
        assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_the_breaker_waits_then_lets_one_caller_probe(caplog):
    clock = Clock()
    breaker = CircuitBreaker("redis", open_for=30, clock=clock)
    assert breaker.up and breaker.claim_probe()

    with caplog.at_level(logging.WARNING, logger="mentoring.lib.cache"):
        breaker.failed(ConnectionError("refused"))
        breaker.failed(ConnectionError("refused"))  # another thread, same outage
        assert not breaker.up
        clock.now += 29
        assert not breaker.claim_probe()
        clock.now += 1
        assert breaker.claim_probe()  # this caller tries Redis
        assert not breaker.claim_probe()  # the others keep to the fallback meanwhile
        breaker.failed(ConnectionError("refused"))  # still down: wait again
        clock.now += 29
        assert not breaker.claim_probe()
        clock.now += 1
        assert breaker.claim_probe()
        breaker.recovered()

    assert breaker.up and breaker.claim_probe()
    assert [r.getMessage() for r in caplog.records] == [
        "Redis cache unavailable: falling back to the database cache for 30 s "
        "(ConnectionError: refused)",
        "Redis cache is back after 60 s: using it again",
    ]


def test_the_breaker_remembers_a_bounded_number_of_keys(caplog, monkeypatch):
    monkeypatch.setattr("mentoring.lib.cache.MAX_REPLAYED", 2)
    breaker = CircuitBreaker("redis", open_for=30, clock=Clock())
    breaker.failed(ConnectionError("refused"))
    breaker.record(["a", "b"], None, 60)
    breaker.record(["a", "c"], None, 90)  # "a" again: kept, with its latest timeout

    assert breaker.take_written() == {("a", None): 90, ("b", None): 60}
    assert breaker.take_written() == {}
    with caplog.at_level(logging.WARNING, logger="mentoring.lib.cache"):
        breaker.recovered()
    assert "1 keys written during the outage were not copied" in caplog.text
