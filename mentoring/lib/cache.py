"""The default cache: Redis, and the database's cache table while Redis is down.

Everything the application caches (mentor cards, the directory's filters, dashboard
figures) can be recomputed, but allauth keeps its rate limits in the default cache too,
so a cache that fails open would let anyone guess passwords while Redis is down, and one
that raises turns every page that caches into a 500. ResilientCache sends each call to
the primary cache (settings.CACHES["redis"], lib/redis_cache.py) and, on a Redis error,
to the fallback (settings.CACHES["database"], Django's DatabaseCache) for RETRY_AFTER
seconds, without trying Redis at all meanwhile: a dead Redis then costs nothing per
request. Then one request tries Redis again; if it answers, the keys written to the
fallback during the outage are copied into Redis (or deleted there), so that neither a
rate limit nor an invalidation is lost on the way back.

The outage is logged once when it starts ("Redis cache unavailable") and once when it
ends ("Redis cache is back"), per process.
"""

import functools
import logging
import threading
import time

import redis
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.management import call_command

logger = logging.getLogger(__name__)

# Keys written to the fallback during one outage that are copied back to Redis after it;
# beyond this many, the rest are left to expire (the count is logged).
MAX_REPLAYED = 1000


class CircuitBreaker:
    """Whether the primary cache may be tried now, shared by every thread of a process.

    Closed (Redis up): every call tries Redis. A failure opens it for `open_for` seconds,
    during which nobody tries; after that one caller at a time gets to probe, and the
    others keep using the fallback until the probe has succeeded."""

    def __init__(self, name, open_for, clock=time.monotonic):
        self.name, self.open_for, self.clock = name, open_for, clock
        self.lock = threading.Lock()
        self.down_since = None  # the clock's time of the first failure, None while up
        self.retry_at = 0.0
        self.written = {}  # (key, version) -> timeout, for keys the fallback took
        self.unrecorded = 0

    @property
    def up(self):
        return self.down_since is None

    def claim_probe(self):
        """True for the one caller that should try the primary again now."""
        with self.lock:
            if self.up:
                return True
            if self.clock() < self.retry_at:
                return False
            self.retry_at = self.clock() + self.open_for  # the others wait for this probe
            return True

    def failed(self, error):
        with self.lock:
            self.retry_at = self.clock() + self.open_for
            if not self.up:
                return
            self.down_since = self.clock()
            # Only this outage's keys: one written just after the last outage ended (by a
            # thread that had not noticed yet) is not copied over newer values later.
            self.written, self.unrecorded = {}, 0
        logger.warning(
            "Redis cache unavailable: falling back to the database cache for %s s (%s: %s)",
            self.open_for,
            type(error).__name__,
            error,
        )

    def recovered(self):
        with self.lock:
            if self.up:
                return
            seconds = self.clock() - self.down_since
            self.down_since = None
            unrecorded, self.unrecorded = self.unrecorded, 0
        logger.warning("Redis cache is back after %.0f s: using it again", seconds)
        if unrecorded:
            logger.warning(
                "%s keys written during the outage were not copied to Redis; "
                "they expire there on their own",
                unrecorded,
            )

    def record(self, keys, version, timeout):
        with self.lock:
            for key in keys:
                if (key, version) in self.written or len(self.written) < MAX_REPLAYED:
                    self.written[key, version] = timeout
                else:
                    self.unrecorded += 1

    def take_written(self):
        with self.lock:
            written, self.written = self.written, {}
        return written


breakers = {}
breakers_lock = threading.Lock()


def breaker_for(name, open_for):
    """One breaker per primary cache and server, shared by the threads of the process
    (Django makes a cache object per thread)."""
    with breakers_lock:
        if name not in breakers:
            breakers[name] = CircuitBreaker(name, open_for)
        return breakers[name]


class ResilientCache(BaseCache):
    """settings.CACHES entry: {"BACKEND": "mentoring.lib.cache.ResilientCache",
    "OPTIONS": {"PRIMARY": "redis", "FALLBACK": "database", "RETRY_AFTER": 30}}.
    Keys, versions, prefixes and default timeouts are those of the two caches named."""

    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.primary_alias = options.get("PRIMARY", "redis")
        self.fallback_alias = options.get("FALLBACK", "database")
        primary_location = caches.settings[self.primary_alias].get("LOCATION")
        self.breaker = breaker_for(
            f"{self.primary_alias} at {primary_location}", options.get("RETRY_AFTER", 30)
        )

    # Django makes each cache once per thread, this one included: the two it sends calls to
    # are looked up once, not on every call.
    @functools.cached_property
    def primary(self):
        return caches[self.primary_alias]

    @functools.cached_property
    def fallback(self):
        return caches[self.fallback_alias]

    @property
    def state(self):
        """For the health check: which cache answers, as this process last found it."""
        if self.breaker.up:
            return "redis"
        return "database (Redis unavailable)"

    def use_primary(self):
        if self.breaker.up:
            return True
        if not self.breaker.claim_probe():
            return False
        try:
            self.primary.has_key("resilient-cache:probe")
            while written := self.breaker.take_written():
                self.replay(written)
        except redis.RedisError as error:
            self.breaker.failed(error)
            return False
        self.breaker.recovered()
        return True

    def replay(self, written):
        """Bring Redis up to date with what the fallback took during the outage."""
        groups = {}
        for (key, version), timeout in written.items():
            groups.setdefault((version, timeout), []).append(key)
        for (version, timeout), keys in groups.items():
            values = self.fallback.get_many(keys, version=version)
            if values:
                self.primary.set_many(values, timeout, version=version)
            if gone := [key for key in keys if key not in values]:
                self.primary.delete_many(gone, version=version)
            self.fallback.delete_many(keys, version=version)

    def call(self, operation, *args, written=(), timeout=DEFAULT_TIMEOUT, **kwargs):
        """The operation on Redis, or on the fallback if Redis is (or just went) down.
        `written`: the keys it changes, to copy back once Redis returns."""
        if self.use_primary():
            try:
                return self.run(self.primary, operation, args, kwargs, timeout)
            except redis.RedisError as error:
                self.breaker.failed(error)
        if written:
            self.breaker.record(written, kwargs.get("version"), timeout)
        return self.run(self.fallback, operation, args, kwargs, timeout)

    @staticmethod
    def run(backend, operation, args, kwargs, timeout):
        if timeout is not DEFAULT_TIMEOUT:
            kwargs = {**kwargs, "timeout": timeout}
        return getattr(backend, operation)(*args, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self.call("add", key, value, timeout=timeout, version=version, written=[key])

    def get(self, key, default=None, version=None):
        return self.call("get", key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.call("set", key, value, timeout=timeout, version=version, written=[key])

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.call("touch", key, timeout=timeout, version=version, written=[key])

    def delete(self, key, version=None):
        return self.call("delete", key, version=version, written=[key])

    def get_many(self, keys, version=None):
        return self.call("get_many", list(keys), version=version)  # twice if Redis fails

    def has_key(self, key, version=None):
        return self.call("has_key", key, version=version)

    def incr(self, key, delta=1, version=None):
        return self.call("incr", key, delta, version=version, written=[key])

    def decr(self, key, delta=1, version=None):
        return self.call("decr", key, delta, version=version, written=[key])

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self.call("set_many", data, timeout=timeout, version=version, written=list(data))

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self.call("delete_many", keys, version=version, written=keys)

    def clear(self):
        """Whichever answers now: as each outage ends, the keys the fallback took are
        moved to Redis, so the fallback holds next to nothing to clear."""
        self.call("clear")

    def close(self, **kwargs):
        pass  # Django closes the two caches themselves at the end of each request


def cache_state(cache):
    """What the health check reports about a cache: see ResilientCache.state."""
    return getattr(cache, "state", type(cache).__name__)


def create_cache_tables(sender, using, verbosity=1, **kwargs):
    """post_migrate: the table of each DatabaseCache in settings.CACHES (Django's
    createcachetable, which leaves existing tables alone), so that `migrate` is all a
    deployment runs."""
    call_command("createcachetable", database=using, verbosity=verbosity)
