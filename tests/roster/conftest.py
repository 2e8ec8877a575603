# The reliability tests' own redis-server, for the campaign's outage test.
from tests.reliability.conftest import private_redis  # noqa: F401
