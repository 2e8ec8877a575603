"""The default cache: Redis through lib/redis_cache.py, the database's cache table while
Redis is down (tests/reliability/test_redis_down.py stops a real Redis)."""

import logging
import time

import pytest
from django.conf import settings
from django.core.cache import cache, caches

from mentoring.lib.cache import CircuitBreaker
from mentoring.lib.redis_cache import RedisCache


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


@pytest.fixture
def redis_cache():
    """The backend alone, on its own key prefix, emptied of it afterwards."""
    backend = RedisCache(settings.REDIS_URL, {"KEY_PREFIX": "backend-test", "TIMEOUT": 60})
    yield backend
    keys = list(backend.client.scan_iter("backend-test:*"))
    if keys:
        backend.client.delete(*keys)


@pytest.mark.redis
def test_the_backend_keeps_what_django_caches_promise(redis_cache):
    assert redis_cache.get("absent", "default") == "default"
    redis_cache.set("profile", {"name": "Dr. Okafor", "room": 2})
    assert redis_cache.get("profile") == {"name": "Dr. Okafor", "room": 2}
    assert 55 <= redis_cache.client.ttl(redis_cache.make_key("profile")) <= 60  # TIMEOUT
    redis_cache.set("flag", True)
    assert redis_cache.get("flag") is True  # a bool stays a bool, not 1
    assert redis_cache.add("profile", "other") is False
    assert redis_cache.add("fresh", "new", 30) is True and redis_cache.get("fresh") == "new"
    redis_cache.set("count", 4)
    assert redis_cache.incr("count", 3) == 7 and redis_cache.decr("count") == 6
    with pytest.raises(ValueError, match="not found"):
        redis_cache.incr("never-set")
    assert not redis_cache.has_key("never-set")
    assert redis_cache.get("profile", version=2) is None  # versions are apart
    assert redis_cache.delete("fresh") is True and redis_cache.delete("fresh") is False


@pytest.mark.redis
def test_the_backend_keeps_timeouts_and_many_keys(redis_cache):
    redis_cache.set("gone", "at once", 0)
    assert not redis_cache.has_key("gone")
    redis_cache.set("forever", "kept", None)
    assert redis_cache.client.ttl(redis_cache.make_key("forever")) == -1
    assert redis_cache.touch("forever", 1) is True
    time.sleep(1.2)
    assert redis_cache.get("forever") is None
    assert redis_cache.touch("forever", 5) is False
    assert redis_cache.set_many({"a": 1, "b": [2, 3]}, 30) == []
    assert 25 <= redis_cache.client.ttl(redis_cache.make_key("b")) <= 30
    assert redis_cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": [2, 3]}
    assert redis_cache.get_many([]) == {}
    redis_cache.delete_many(["a", "b"])
    assert redis_cache.get_many(["a", "b"]) == {}


def test_settings_use_it_when_redis_is_configured():
    if settings.REDIS_URL:
        assert settings.CACHES["default"]["BACKEND"] == "mentoring.lib.cache.ResilientCache"
        assert settings.CACHES["redis"]["BACKEND"] == "mentoring.lib.redis_cache.RedisCache"
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
