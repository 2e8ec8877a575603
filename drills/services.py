"""The processes a drill starts, breaks and stops: a private Redis, a Celery worker and beat,
and a real SMTP server on loopback that records every message it receives.

Each child runs in a session of its own, so that stopping it kills its whole process group
(a prefork worker's children too) and nothing outlives the drill."""

import email.parser
import email.policy
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.config import ROOT, SetupError
from bench.server import http_get


def wait_for(check, seconds, every=0.2):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(every)
    return check()


def stop_group(process, timeout=10):
    """SIGTERM the process's group, then SIGKILL whatever is left of it."""
    if process is None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            continue
        # The leader is gone; its children (a prefork pool) may not be.
        if not group_members(process.pid):
            break
    if process.poll() is None:
        process.wait(timeout=timeout)


def group_members(pgid):
    """Pids of live (not zombie) processes in process group `pgid`, from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":
            members.append(int(entry.name))
    return members


def children_of(pid):
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


class PrivateRedis:
    """redis-server on its own port, stopped and started by the drill: no persistence (a
    restart loses what it held), or, given a folder, Debian's default of a snapshot saved
    on SIGTERM and loaded at start (what `systemctl restart redis-server` keeps)."""

    def __init__(self, port, log_path, persist_dir=None):
        self.port, self.log_path, self.process = port, log_path, None
        self.persist_dir = persist_dir

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        command = [
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--appendonly",
            "no",
        ]
        if self.persist_dir is None:
            command += ["--save", ""]
        else:
            command += ["--save", "3600 1", "--dir", str(self.persist_dir)]
        with open(self.log_path, "a") as log:
            self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
                command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        if not wait_for(self.answers, 10):
            raise SetupError(f"the private redis-server did not start; see {self.log_path}")

    def stop(self):
        stop_group(self.process)

    def answers(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False


class MailSink:
    """aiosmtpd on a loopback port, in a thread of the drill: each notification a message
    carries (its X-Mentoring-Notifications header; one e-mail may list several) is kept as
    (recipient, notification id, time received)."""

    def __init__(self, port):
        self.port = port
        self.received = []
        self.lock = threading.Lock()
        self.controller = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.parser.BytesParser(policy=email.policy.default).parsebytes(envelope.content)
        carried = str(message["X-Mentoring-Notifications"] or "").split(",")
        with self.lock:
            for recipient in envelope.rcpt_tos:
                for notification_id in carried:
                    self.received.append((recipient.lower(), notification_id, time.monotonic()))
        return "250 Message accepted for delivery"

    def start(self):
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()

    def messages(self):
        with self.lock:
            return list(self.received)


def celery_process(arguments, env, log_path):
    command = [sys.executable, "-m", "celery", "-A", "mentoring", *arguments]
    with open(log_path, "a") as log:
        return subprocess.Popen(  # noqa: S603 - our own app, fixed arguments
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def start_worker(env, log_path, concurrency):
    # The production command: a prefork pool, the worker's defaults otherwise.
    return celery_process(
        ["worker", "--loglevel=info", f"--concurrency={concurrency}"], env, log_path
    )


def start_beat(env, log_path, state_dir):
    return celery_process(
        [
            "beat",
            "--loglevel=info",
            f"--schedule={state_dir / 'celerybeat-schedule'}",
            f"--pidfile={state_dir / 'celerybeat.pid'}",
        ],
        env,
        log_path,
    )


def worker_answers_ping(env, timeout=10):
    """Whether a worker answers `celery inspect ping` through the broker."""
    command = [sys.executable, "-m", "celery", "-A", "mentoring", "inspect", "ping", "-t", "5"]
    try:
        done = subprocess.run(  # noqa: S603 - our own app, fixed arguments
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return False
    return done.returncode == 0 and "pong" in done.stdout


# What systemd does for a socket-activated service, in a few lines: the socket it holds as
# fd 3, LISTEN_FDS=1 and LISTEN_PID=the service's own pid, then the service's program.
ACTIVATE = (
    "import os, sys; os.dup2(int(sys.argv[1]), 3); "
    "os.environ.update(LISTEN_FDS='1', LISTEN_PID=str(os.getpid())); "
    "os.execv(sys.argv[2], sys.argv[2:])"
)


def held_socket(port):
    """A listening socket on 127.0.0.1:port that outlives the processes serving it, as
    systemd holds mentoring-web@PORT.socket (deploy/systemd)."""
    held = socket.socket()
    held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    held.bind(("127.0.0.1", port))
    held.listen(2048)
    return held


def socket_activated(command, held):
    """Popen arguments that start `command` (its program an absolute path) on `held`."""
    return [sys.executable, "-c", ACTIVATE, str(held.fileno()), *command], {
        "pass_fds": (held.fileno(),)
    }


class WebInstance:
    """One gunicorn instance as mentoring-web@PORT runs it: deploy/gunicorn.conf.py, its
    port in GUNICORN_PORT, its own runtime folder for the control socket, and its listening
    socket held by the drill across restarts, as systemd holds mentoring-web@PORT.socket."""

    def __init__(self, port, env, runtime_dir, log_path):
        self.port, self.log_path, self.process = port, log_path, None
        self.socket = held_socket(port)
        runtime_dir.mkdir(exist_ok=True)
        self.env = {**env, "GUNICORN_PORT": str(port), "GUNICORN_RUNTIME_DIR": str(runtime_dir)}

    def start(self):
        self.launch()
        self.wait()

    def launch(self):
        command, options = socket_activated(
            [sys.executable, "-m", "gunicorn", f"--config={ROOT}/deploy/gunicorn.conf.py"],
            self.socket,
        )
        with open(self.log_path, "a") as log_file:
            self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
                command,
                **options,
                cwd=ROOT,
                env=self.env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait(self):
        if not wait_for(self.answers, 60):
            raise SetupError(f"gunicorn on {self.port} did not answer; see {self.log_path}")

    def answers(self):
        try:
            return http_get(self.port, "/healthz/")[0] == 200
        except OSError:
            return False


def stop_gracefully(process, timeout=60):
    """SIGTERM to the main process only (systemd's KillMode=mixed): (exit status, seconds)."""
    began = time.monotonic()
    try:
        os.kill(process.pid, signal.SIGTERM)
        code = process.wait(timeout=timeout)
    except ProcessLookupError:
        code = process.poll()
    except subprocess.TimeoutExpired:
        code = None  # did not stop by itself: stop_group below kills it
    return {"exit": code, "seconds": round(time.monotonic() - began, 1)}
