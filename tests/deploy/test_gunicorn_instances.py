"""Several gunicorn instances on one host, started by the same user with
deploy/gunicorn.conf.py: each keeps a control socket of its own, and stopping one leaves the
others serving, their sockets in place. Stopped with SIGTERM, an instance finishes the
request in hand; on a socket systemd holds (mentoring-web@.socket), a request that arrives
while it restarts waits for the new one instead of being refused."""

import subprocess
import sys
import threading
import time
from pathlib import Path

from drills.services import held_socket
from tests.deploy.processes import get, start_gunicorn, stop, wait_until_serving, web_env
from tests.reliability.conftest import spare_port

GUNICORNC = Path(sys.executable).parent / "gunicornc"


def ask_control_socket(socket_path):
    return subprocess.run(  # noqa: S603 - fixed arguments
        [str(GUNICORNC), "-s", str(socket_path), "-c", "show workers", "-j"],
        capture_output=True,
        text=True,
        timeout=10,
    )


def test_two_instances_each_keep_their_control_socket_and_survive_the_other(tmp_path):
    runtime = tmp_path / "run"  # one folder, as $XDG_RUNTIME_DIR is one per user
    runtime.mkdir()
    ports = spare_port(), spare_port()
    first, second = (
        start_gunicorn(web_env(port, runtime), tmp_path / f"web-{port}.log") for port in ports
    )
    try:
        for port, process in zip(ports, (first, second), strict=True):
            wait_until_serving(port, process)
        sockets = [runtime / f"gunicorn-{port}.ctl" for port in ports]
        assert all(path.is_socket() for path in sockets)
        assert all(ask_control_socket(path).returncode == 0 for path in sockets)

        stop(first)
        assert first.returncode == 0
        assert not sockets[0].exists()
        # The second instance still serves, and can still be managed.
        assert get(ports[1], "/healthz/")[0] == 200
        assert sockets[1].is_socket()
        assert ask_control_socket(sockets[1]).returncode == 0
    finally:
        stop(first)
        stop(second)


def test_gunicorn_finishes_the_request_in_hand_when_stopped(tmp_path):
    port = spare_port()
    server = start_gunicorn(
        web_env(port, tmp_path), tmp_path / "web.log", app="tests.deploy.slow_wsgi:application"
    )
    answers = []
    try:
        wait_until_serving(port, server)
        slow = threading.Thread(target=lambda: answers.append(get(port, "/slow/")))
        slow.start()
        time.sleep(1)  # the request is being served
        stopping = time.monotonic()
        server.terminate()  # SIGTERM, systemd's KillSignal
        time.sleep(0.5)
        refused = get(port, "/healthz/", timeout=2)
        slow.join(10)
        assert server.wait(10) == 0
    finally:
        stop(server)
    assert answers == [(200, "finished")]
    # It took no new request meanwhile, and exited once the one in hand was answered.
    assert refused[0] == 0
    assert time.monotonic() - stopping < 8


def test_a_restart_on_the_socket_systemd_holds_refuses_no_request(tmp_path):
    port = spare_port()
    held = held_socket(port)  # mentoring-web@PORT.socket
    env = web_env(port, tmp_path)
    app = "tests.deploy.slow_wsgi:application"
    first = start_gunicorn(env, tmp_path / "first.log", app=app, held=held)
    second, answers = None, {}

    def ask(name, path):
        answers[name] = get(port, path, timeout=30)

    try:
        wait_until_serving(port, first)
        slow = threading.Thread(target=ask, args=("in hand", "/slow/"))
        slow.start()
        time.sleep(1)
        first.terminate()
        time.sleep(0.5)  # the first instance has stopped taking connections
        waiting = threading.Thread(target=ask, args=("while restarting", "/healthz/"))
        waiting.start()
        assert first.wait(10) == 0
        second = start_gunicorn(env, tmp_path / "second.log", app=app, held=held)
        slow.join(30)
        waiting.join(30)
    finally:
        stop(first)
        if second is not None:
            stop(second)
        held.close()
    assert answers["in hand"] == (200, "finished")
    assert answers["while restarting"][0] == 200
