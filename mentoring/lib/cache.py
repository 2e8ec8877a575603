"""Django's Redis cache, holding on to its Redis client.

Django's RedisCacheClient builds a new redis.Redis for every cache call, and each one
copies redis-py's table of some 170 reply handlers: with three to five cache calls a page
that was about 0.4 ms of every request's Python (PERFORMANCE.md). The client only wraps
the connection pool Django already keeps, so one per pool does the same work.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = super().get_client(key, write=write)
        return self._clients[index]


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
