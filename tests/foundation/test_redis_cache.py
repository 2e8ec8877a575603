"""The Redis cache backend: Django's, with one Redis client per connection pool."""

import uuid

import pytest
from django.conf import settings

from mentoring.lib.cache import RedisCache


@pytest.mark.redis
def test_values_round_trip_through_one_client():
    backend = RedisCache(settings.REDIS_URL, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    backend.set("card", {"name": "Dr. Okafor"}, 30)
    backend.set_many({"a": 1, "b": [2, 3]}, 30)
    assert backend.get("card") == {"name": "Dr. Okafor"}
    assert backend.get_many(["a", "b", "missing"]) == {"a": 1, "b": [2, 3]}
    assert backend.incr("a") == 2
    assert backend.add("a", 5) is False
    backend.delete_many(["card", "a", "b"])
    assert backend.get_many(["card", "a", "b"]) == {}
    client = backend._cache.get_client()
    assert backend._cache.get_client(write=True) is client


def test_settings_use_it_when_redis_is_configured():
    if settings.REDIS_URL:
        assert settings.CACHES["default"]["BACKEND"] == "mentoring.lib.cache.RedisCache"
    else:
        assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
