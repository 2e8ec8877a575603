"""`make run` end to end: one command serves the demo school with a worker and beat, and
Ctrl-C stops all of them. Runs the real command in embedded mode in a scratch folder."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                return response.status, response.read().decode()
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture
def running(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(VAR_DIR=str(tmp_path), DEBUG="true", PORT=str(port))
    env.pop("SECRET_KEY", None)
    log = open(tmp_path / "run.log", "w+")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_all"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    yield process, port, tmp_path / "run.log"
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    log.close()


def test_make_run_serves_the_demo_and_ctrl_c_stops_everything(running):
    process, port, log_path = running

    status, landing = wait_for(f"http://127.0.0.1:{port}/")
    assert status == 200 and "Find a mentor who shares your interests" in landing
    status, _ = wait_for(f"http://127.0.0.1:{port}/accounts/login/")
    assert status == 200
    deadline = time.monotonic() + 60
    while "ready." not in log_path.read_text() and time.monotonic() < deadline:
        time.sleep(0.5)
    output = log_path.read_text()
    assert "ready." in output  # the Celery worker connected to the embedded broker
    assert "beat: Starting" in output
    assert "student@med.example.edu" in output  # the demo sign-ins are printed

    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C does in a terminal
    assert process.wait(timeout=20) == 0
    assert "Stopped the web server, the worker and the scheduler." in log_path.read_text()
    assert nothing_left(log_path.parent)


def test_a_worker_that_dies_is_started_again_and_the_site_stays_up(running):
    process, port, log_path = running
    wait_for(f"http://127.0.0.1:{port}/")
    assert wait_until(lambda: log_path.read_text().count("ready.") == 1)
    [worker] = children_running(process.pid, "celery")

    os.kill(worker, signal.SIGKILL)  # as the worker died after a Redis outage (issue 23)

    assert wait_until(lambda: "starting it again in 1 s." in log_path.read_text())
    assert wait_until(lambda: log_path.read_text().count("ready.") == 2)
    assert "The worker and the scheduler stopped (exit code -9)" in log_path.read_text()
    status, _ = wait_for(f"http://127.0.0.1:{port}/accounts/login/")
    assert status == 200 and process.poll() is None
    [again] = children_running(process.pid, "celery")
    assert again != worker

    os.kill(process.pid, signal.SIGINT)
    assert process.wait(timeout=20) == 0
    assert nothing_left(log_path.parent)


def children_running(parent, word):
    found = subprocess.run(["pgrep", "-P", str(parent), "-f", word], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


def wait_until(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def nothing_left(var_dir, seconds=15):
    """True once no process started for this run is left (the embedded beat exits last)."""
    return wait_until(lambda: not running_with(str(var_dir)), seconds)


def running_with(text):
    found = subprocess.run(["pgrep", "-f", text], capture_output=True, text=True)
    return found.stdout.split()
