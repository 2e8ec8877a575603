import shutil
import socket

import pytest

from drills.services import PrivateRedis


def spare_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def private_redis(tmp_path):
    """A redis-server of the test's own on a spare loopback port, to stop and start while
    the shared one stays up (the drill's, from drills/services.py)."""
    if not shutil.which("redis-server"):
        pytest.skip("needs the redis-server program")
    server = PrivateRedis(spare_port(), tmp_path / "redis.log")
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()
