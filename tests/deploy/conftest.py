import shutil

import pytest

from drills.services import PrivateRedis
from tests.conftest import service_missing
from tests.reliability.conftest import spare_port


def program(name):
    """The program's path, or a skip (a failure under REQUIRE_SERVICES=1)."""
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    if path is None:
        service_missing(f"the {name} program")
    return path


@pytest.fixture
def private_redis(tmp_path):
    """A redis-server of the test's own: the broker the test's processes share."""
    program("redis-server")
    server = PrivateRedis(spare_port(), tmp_path / "redis.log")
    server.start()
    yield server
    server.stop()
