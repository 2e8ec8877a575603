"""Django's cache API on Redis, through one redis-py client per server and process.

Django's own RedisCache builds a new redis.Redis (copying some 170 reply handlers) for
every call: about 220 µs of CPU a `get` against 85 µs for the same round trip on a client
kept open, and the directory makes five cache calls a page. This is a cache backend as
Django documents them (a BaseCache subclass with the public methods) on redis-py's
public client, which is thread-safe and reconnects after a fork on its own.

Values are stored as Django's RedisCache stores them: whole numbers as they are (so that
INCR works on them), anything else pickled. Only the application reads them.
"""

import functools
import pickle

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache


@functools.cache
def client_for(url, options):
    return redis.Redis.from_url(url, **dict(options))


def dumps(value):
    # bool is an int to Python but not to INCR: pickled like anything else.
    if type(value) is int:
        return value
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def loads(data):
    try:
        return int(data)
    except ValueError:
        return pickle.loads(data)  # noqa: S301 - written by this backend only


class RedisCache(BaseCache):
    """settings.CACHES entry: {"BACKEND": "mentoring.lib.redis_cache.RedisCache",
    "LOCATION": "redis://host:6379/0", "OPTIONS": {redis.Redis keyword arguments}}."""

    def __init__(self, server, params):
        super().__init__(params)
        self.client = client_for(server, tuple(sorted(params.get("OPTIONS", {}).items())))

    def get_backend_timeout(self, timeout=DEFAULT_TIMEOUT):
        """Seconds, or None for no expiry; 0 (or less) means the key is not kept."""
        if timeout == DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        return None if timeout is None else max(0, int(timeout))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key, timeout = self.make_and_validate_key(key, version), self.get_backend_timeout(timeout)
        if timeout == 0:
            return bool(self.client.set(key, dumps(value), nx=True)) and bool(
                self.client.delete(key)
            )
        return bool(self.client.set(key, dumps(value), ex=timeout, nx=True))

    def get(self, key, default=None, version=None):
        value = self.client.get(self.make_and_validate_key(key, version))
        return default if value is None else loads(value)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key, timeout = self.make_and_validate_key(key, version), self.get_backend_timeout(timeout)
        if timeout == 0:
            self.client.delete(key)
        else:
            self.client.set(key, dumps(value), ex=timeout)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key, timeout = self.make_and_validate_key(key, version), self.get_backend_timeout(timeout)
        if timeout is None:
            return bool(self.client.persist(key))
        return bool(self.client.expire(key, timeout))

    def delete(self, key, version=None):
        return bool(self.client.delete(self.make_and_validate_key(key, version)))

    def get_many(self, keys, version=None):
        named = {self.make_and_validate_key(key, version): key for key in keys}
        if not named:
            return {}
        values = self.client.mget(list(named))
        return {
            named[key]: loads(value)
            for key, value in zip(named, values, strict=True)
            if value is not None
        }

    def has_key(self, key, version=None):
        return bool(self.client.exists(self.make_and_validate_key(key, version)))

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version)
        # INCR would make a missing key; Django's caches raise instead.
        if not self.client.exists(key):
            raise ValueError(f"Key '{key}' not found.")
        return self.client.incr(key, delta)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if not data:
            return []
        stored = {self.make_and_validate_key(key, version): dumps(v) for key, v in data.items()}
        timeout = self.get_backend_timeout(timeout)
        if timeout == 0:
            self.client.delete(*stored)
            return []
        pipeline = self.client.pipeline()
        pipeline.mset(stored)
        if timeout is not None:
            for key in stored:
                pipeline.expire(key, timeout)
        pipeline.execute()
        return []

    def delete_many(self, keys, version=None):
        keys = [self.make_and_validate_key(key, version) for key in keys]
        if keys:
            self.client.delete(*keys)

    def clear(self):
        return bool(self.client.flushdb())
