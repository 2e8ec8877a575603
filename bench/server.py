"""gunicorn on a free loopback port, and bench.loadgen driving it in its own process."""

import http.client
import json
import signal
import socket
import subprocess
import sys
import time

from bench import loadgen
from bench.config import ROOT, SetupError
from bench.pages import TRIVIAL


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn_command(config, port):
    return [
        sys.executable,
        "-m",
        "gunicorn",
        *gunicorn_arguments(config),
        f"--bind=127.0.0.1:{port}",
        "--log-level=warning",
    ]


def gunicorn_arguments(config):
    """What the server runs, as PERFORMANCE.md and the JSON report name it."""
    arguments = [
        "mentoring.wsgi:application",
        f"--worker-class={config.worker_class}",
        f"--workers={config.workers}",
    ]
    # A sync worker answers one request at a time and closes the connection after it.
    if config.worker_class != "sync":
        arguments += [f"--threads={config.threads}", "--keep-alive=5"]
    return arguments


def start_server(config, env, port):
    command = gunicorn_command(config, port)
    log_path = ROOT / config.output_dir / "gunicorn.log"
    log_file = log_path.open("w")
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log_file, stderr=log_file)  # noqa: S603
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SetupError(f"gunicorn exited ({process.returncode}); see {log_path}")
        try:
            if http_get(port, TRIVIAL.path)[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(process)
    raise SetupError(f"gunicorn did not answer {TRIVIAL.path} within 30 s; see {log_path}")


def stop_server(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def http_get(port, path, cookie=""):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"Cookie": cookie} if cookie else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.getheader("Location"), response.read()
    finally:
        connection.close()


def drive(config, port, path, cookie, server_pid):
    command = [
        sys.executable,
        "-m",
        "bench.loadgen",
        f"--port={port}",
        f"--path={path}",
        f"--concurrency={config.concurrency}",
        f"--warmup={config.warmup}",
        f"--duration={config.duration}",
        f"--server-pid={server_pid}",
    ]
    if cookie:
        command.append(f"--cookie={cookie}")
    done = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        command,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=config.warmup + config.duration + 2 * loadgen.REQUEST_TIMEOUT + 30,
    )
    return json.loads(done.stdout)
