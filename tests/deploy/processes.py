"""gunicorn with deploy/gunicorn.conf.py, as the systemd unit runs it, for the tests here."""

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

from drills.services import socket_activated

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "gunicorn.conf.py"


def web_env(port, runtime_dir, **extra):
    return {
        **os.environ,
        "GUNICORN_PORT": str(port),
        "GUNICORN_RUNTIME_DIR": str(runtime_dir),
        "GUNICORN_WORKERS": "1",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def start_gunicorn(env, log_path, app=None, held=None):
    """gunicorn on its configured port, or on `held` (a socket systemd would hold)."""
    command, options = [sys.executable, "-m", "gunicorn", f"--config={CONFIG}"], {}
    if app:
        command.append(app)
    if held is not None:
        command, options = socket_activated(command, held)
    with open(log_path, "a") as log:
        return subprocess.Popen(  # noqa: S603 - fixed arguments
            command,
            **options,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def get(port, path, timeout=10):
    """(status, body), or (0, error name) when nothing answered."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode()
    except OSError as error:
        return 0, type(error).__name__
    finally:
        connection.close()


def wait_until_serving(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited with {process.returncode}")
        if get(port, "/healthz/", timeout=2)[0] == 200:
            return
        time.sleep(0.2)
    raise AssertionError(f"gunicorn on {port} did not answer within {seconds} s")


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
