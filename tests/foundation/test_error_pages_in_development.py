"""`make run` shows the site's own 404 page on a wrong URL, as production does, while keeping
a laptop's conveniences (no SECRET_KEY, static files straight from static/); Django's
technical page, with its list of URLs, only when asked for with DEBUG=true.

The web server is started with exactly the variables the Makefile's run target sets."""

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_target_variables(**given):
    """The NAME=value words `make run` puts before its command, expanded by the shell as make
    would run them, with `given` set in the environment first."""
    planned = subprocess.run(
        ["make", "-n", "run", f"PY={sys.executable}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    [line] = [line for line in planned.splitlines() if "manage.py run_all" in line]
    words = line.split(sys.executable)[0]
    echoed = subprocess.run(
        ["sh", "-c", f"{words} env"],
        env={"PATH": os.environ["PATH"], **given},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    names = [word.split("=", 1)[0] for word in shlex.split(words)]
    return dict(line.split("=", 1) for line in echoed.splitlines() if line.split("=")[0] in names)


@pytest.fixture
def serve(tmp_path):
    """serve(**variables) starts `manage.py runserver` the way `make run` starts its web
    server and returns a function that fetches a path: (status, body)."""
    processes = []

    def start(**variables):
        port = free_port()
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "DEVELOPMENT")
        }
        env.update(variables, VAR_DIR=str(tmp_path))
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        processes.append(process)
        return lambda path: fetch(f"http://127.0.0.1:{port}{path}")

    yield start
    for process in processes:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def fetch(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def test_make_run_shows_the_sites_404_page_and_djangos_only_when_asked(serve):
    variables = run_target_variables()
    assert variables["DEBUG"] == "false" and variables["DEVELOPMENT"] == "true"
    get = serve(**variables)

    status, page = get("/no-such-page/")
    assert status == 404
    assert "There is nothing here, or it is not yours to see." in page
    assert "Using the URLconf" not in page
    status, css = get("/static/css/site.css")
    assert status == 200 and "--accent" in css

    # DEBUG=true make run: Django's technical page, with the URLs it tried.
    variables = run_target_variables(DEBUG="true")
    assert variables["DEBUG"] == "true"
    status, page = serve(**variables)("/no-such-page/")
    assert status == 404
    assert "Using the URLconf defined in" in page
