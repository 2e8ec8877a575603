"""`make drill-soak`: a bounded soak with faults, and whether the product kept its promises.

    .venv/bin/python -m drills.soak [--users 50] [--seconds 300] [--outage-seconds 60]

Simulated users (threads, each signing in through the real form) read pages and make
writes that notify someone, against gunicorn (3 sync workers), a fresh PostgreSQL database
with the demo school, a private Redis, a real Celery worker and beat, and an SMTP server on
loopback. Meanwhile, at fixed shares of the run (60 s, 120 s and 180 s at full size):

- one gunicorn worker is killed with SIGKILL (gunicorn starts another);
- the Celery worker's main process is killed with SIGKILL; if it is still dead a little
  later (20 s at full size) the drill starts a new one and says so;
- Redis is stopped for --outage-seconds, then started again on the same port.

Then it waits (up to --drain-seconds) for every notification row to be e-mailed, and
judges: zero 5xx; no request over 2 s during the outage; every acknowledged write in the
database; every notification e-mailed exactly once; the worker alive or restarted.
Prints a table, writes var/drill/soak.json; exit status 0 when every promise held, 1 when
one failed, 2 when the drill could not run. Every process it starts is stopped at the end.
"""

import argparse
import dataclasses
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

from bench import data, server
from bench.config import ROOT, Config, SetupError, app_env, manage
from drills import demo_database, services, verdict

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mentoring_drill"


def log(message):
    print(f"[drill] {message}", file=sys.stderr, flush=True)


def parse_args(argv):
    env = os.environ
    parser = argparse.ArgumentParser(
        prog="python -m drills.soak", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--users", type=int, default=int(env.get("DRILL_USERS", 50)))
    parser.add_argument("--seconds", type=float, default=float(env.get("DRILL_SECONDS", 300)))
    parser.add_argument(
        "--outage-seconds", type=float, default=float(env.get("DRILL_OUTAGE_SECONDS", 60))
    )
    parser.add_argument(
        "--drain-seconds", type=float, default=float(env.get("DRILL_DRAIN_SECONDS", 180))
    )
    parser.add_argument(
        "--sweep-seconds",
        type=int,
        default=int(env.get("DRILL_SWEEP_SECONDS", 20)),
        help="how often beat runs the notification sweeper (NOTIFICATION_SWEEP_SECONDS)",
    )
    parser.add_argument(
        "--database-url",
        default=env.get("DRILL_DATABASE_URL", DATABASE_URL),
        help="dropped and created again at the start",
    )
    parser.add_argument(
        "--think-seconds",
        type=float,
        default=float(env.get("DRILL_THINK_SECONDS", 5)),
        help="each user's mean pause between steps",
    )
    parser.add_argument("--output-dir", default=env.get("DRILL_OUTPUT_DIR", "var/drill"))
    args = parser.parse_args(argv)
    schedule = fault_schedule(args.seconds, args.outage_seconds)
    if schedule["redis_start"] > args.seconds:
        parser.error("the outage must end before the run does: raise --seconds")
    return args, schedule


def fault_schedule(seconds, outage_seconds):
    """When each fault happens, in seconds from the start of the load: 60, 120 (restart
    check at 140), 180-240 of a 300-second run, and the same shares of a shorter one."""
    return {
        "web_kill": 0.2 * seconds,
        "worker_kill": 0.4 * seconds,
        "worker_check": 0.4 * seconds + min(20.0, 0.1 * seconds),
        "redis_stop": 0.6 * seconds,
        "redis_start": 0.6 * seconds + outage_seconds,
    }


def drill_env(config, redis, smtp_port, web_port, args):
    env = app_env(config)
    env.update(
        REDIS_URL=redis.url,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        NOTIFICATION_QUIET_HOURS="off",
        # The sweeper takes rows a minute old, every few seconds: it catches up within the drill.
        NOTIFICATION_SWEEP_AFTER_MINUTES="1",
        NOTIFICATION_SWEEP_SECONDS=str(args.sweep_seconds),
        # A row a killed worker had claimed is taken over after a minute, not ten.
        NOTIFICATION_CLAIM_TIMEOUT_MINUTES="1",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{web_port}",
    )
    return env


class Drill:
    def __init__(self, args, schedule):
        self.args, self.schedule = args, schedule
        self.output_dir = ROOT / args.output_dir
        self.output_dir.mkdir(parents=True, exist_ok=True)
        self.state_dir = Path(tempfile.mkdtemp(prefix="drill-"))
        self.redis = services.PrivateRedis(server.free_port(), self.output_dir / "redis.log")
        self.sink = services.MailSink(server.free_port())
        self.web_port = server.free_port()
        self.gunicorn = self.worker = self.beat = None
        self.events = []
        self.celery_groups = []
        self.machine, self.sign_in_seconds = {}, None
        self.expected_deaths = set()  # pids the drill killed, or whose death is noted
        self.processes = {
            "web": {},
            "worker": {"restarted_by": None, "old_processes_left": 0},
            "beat": {},
        }

    def event(self, began, what):
        at = time.monotonic() - began
        self.events.append({"at_s": round(at, 1), "what": what})
        log(f"{at:6.1f} s  {what}")

    def run(self):
        args = self.args
        config = Config(
            database_url=args.database_url,
            redis_url=self.redis.url,
            users="demo",
            seed="demo",
            worker_class="sync",
            workers=3,
            output_dir=args.output_dir,
        )
        self.redis.start()
        env = drill_env(config, self.redis, self.sink.port, self.web_port, args)
        demo_database.fresh_database(config, env)
        data.setup_django(env)
        from drills import school

        people, known = school.make_people(args.users)
        log("collecting static files")
        manage(env, "collectstatic", "--noinput", "-v0")
        # aiosmtpd logs every SMTP command at INFO; the drill's output is its own.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        self.sink.start()
        log(f"starting gunicorn on 127.0.0.1:{self.web_port}, a Celery worker and beat")
        self.gunicorn = server.start_server(config, env, self.web_port)
        self.processes["web"]["workers_at_start"] = len(services.children_of(self.gunicorn.pid))
        self.env = env  # for restarting a worker that dies on its own (watch)
        self.worker = services.start_worker(env, self.output_dir / "worker.log", 2)
        self.beat = services.start_beat(env, self.output_dir / "beat.log", self.state_dir)
        self.celery_groups += [self.worker.pid, self.beat.pid]

        from drills.users import Recorder, SimulatedUser

        recorder, go = Recorder(), threading.Event()
        users = [
            SimulatedUser(person, self.web_port, known, recorder, go, args.think_seconds, seed=n)
            for n, person in enumerate(people)
        ]
        log(
            f"{len(users)} users for {args.seconds:.0f} s: "
            + ", ".join(f"{n} {role}s" for role, n in Counter(p.role for p in people).items())
        )
        # Everyone signs in first (each costs a slow password hash), then the clock starts:
        # the figures are of people using the site, not of fifty sign-ins at once.
        signing_in = time.monotonic()
        for user in users:
            user.start()
            time.sleep(10 / len(users))
        for user in users:
            user.ready.wait(timeout=max(signing_in + 300 - time.monotonic(), 0))
        began = time.monotonic()
        self.sign_in_seconds = round(began - signing_in, 1)
        for user in users:
            user.stop_at = began + args.seconds
        go.set()
        self.event(began, f"{sum(u.signed_in for u in users)} signed in; load begins")
        self.machine["load_average_at_start"] = os.getloadavg()
        outage = self.inject_faults(began, env)
        for user in users:
            user.join(timeout=60)
        self.event(began, "load over")
        self.machine["load_average_at_end"] = os.getloadavg()
        self.drain(began)

        self.processes["web"]["alive_at_end"] = self.gunicorn.poll() is None
        self.processes["web"]["workers_at_end"] = len(services.children_of(self.gunicorn.pid))
        worker = self.processes["worker"]
        worker["alive_at_end"] = self.worker.poll() is None and services.worker_answers_ping(env)
        self.processes["beat"]["alive_at_end"] = self.beat.poll() is None

        expected, by_status = school.expected_emails()
        received = Counter((to, carried) for to, carried, _ in self.sink.messages())
        missing = school.missing_writes(recorder.writes)
        hits = [dataclasses.replace(hit, started=hit.started - began) for hit in recorder.hits]
        result = verdict.figures(
            hits,
            outage,
            recorder.writes,
            missing,
            expected,
            received,
            by_status,
            self.processes,
        )
        result["settings"] = {
            "users": args.users,
            "seconds": args.seconds,
            "outage_seconds": args.outage_seconds,
            "sweep_seconds": args.sweep_seconds,
            "think_seconds": args.think_seconds,
            "sign_in_phase_seconds": self.sign_in_seconds,
            "gunicorn": " ".join(server.gunicorn_arguments(config)),
            "database": args.database_url.rsplit("/", 1)[-1],
            "ports": {"web": self.web_port, "redis": self.redis.port, "smtp": self.sink.port},
            # Each Celery process the drill started leads a process group of its own.
            "celery_process_groups": self.celery_groups,
        }
        result["machine"] = {"cores": os.cpu_count(), **self.machine}
        result["faults"] = self.events
        result["drill_problems"] = recorder.problems[:20]
        result["signed_in"] = sum(user.signed_in for user in users)
        return result

    def inject_faults(self, began, env):
        """Run the fault schedule until the load ends; the outage window in load seconds."""
        schedule, outage = self.schedule, None

        def wait_until(at):
            while time.monotonic() < began + at:
                self.watch(began)
                time.sleep(min(0.5, max(began + at - time.monotonic(), 0)))

        wait_until(schedule["web_kill"])
        web_workers = services.children_of(self.gunicorn.pid)
        if web_workers:
            os.kill(web_workers[0], signal.SIGKILL)
            self.event(began, f"killed gunicorn worker {web_workers[0]} (SIGKILL)")
            self.processes["web"]["killed"] = web_workers[0]

        wait_until(schedule["worker_kill"])
        os.kill(self.worker.pid, signal.SIGKILL)
        self.expected_deaths.add(self.worker.pid)
        self.event(began, f"killed the Celery worker {self.worker.pid} (SIGKILL)")

        wait_until(schedule["worker_check"])
        self.processes["web"]["workers_after_kill"] = len(services.children_of(self.gunicorn.pid))
        if self.worker.poll() is not None:
            # Nothing here supervises it: the pool's orphans go, a new worker comes.
            left = services.group_members(self.worker.pid)
            self.processes["worker"]["old_processes_left"] = len(left)
            services.stop_group(self.worker)
            self.worker = services.start_worker(env, self.output_dir / "worker.log", 2)
            self.celery_groups.append(self.worker.pid)
            self.processes["worker"]["restarted_by"] = "drill"
            self.event(
                began, f"worker dead ({len(left)} pool processes left): restarted by the drill"
            )

        wait_until(schedule["redis_stop"])
        self.redis.stop()
        stopped = time.monotonic() - began
        self.event(began, "stopped Redis")
        wait_until(schedule["redis_start"])
        self.redis.start()
        outage = (stopped, time.monotonic() - began)
        self.event(began, "started Redis again")
        wait_until(self.args.seconds)
        return outage

    def watch(self, began):
        """Note the first time a process dies that the drill did not kill."""
        for name, process in (("worker", self.worker), ("beat", self.beat), ("web", self.gunicorn)):
            if process.pid not in self.expected_deaths and process.poll() is not None:
                self.expected_deaths.add(process.pid)  # noted once
                self.processes[name].setdefault("died_unprompted_at_s", []).append(
                    round(time.monotonic() - began, 1)
                )
                self.event(began, f"the {name} process {process.pid} exited on its own")
                if name == "worker":
                    self.supervise_worker(began)

    def supervise_worker(self, began):
        """Start a new worker, as systemd's Restart=always and `make run` do in real use: a
        worker can die of a broker outage (kombu's Redis transport has been seen to raise
        AttributeError mid-reconnect), and the promise is that nothing is lost, not that no
        process ever exits. The death stays in the report (died_unprompted_at_s)."""
        services.stop_group(self.worker)
        self.worker = services.start_worker(self.env, self.output_dir / "worker.log", 2)
        self.celery_groups.append(self.worker.pid)
        self.processes["worker"]["restarted_after_dying"] = (
            self.processes["worker"].get("restarted_after_dying", 0) + 1
        )
        self.event(began, f"worker restarted as a supervisor would ({self.worker.pid})")

    def drain(self, began):
        """Wait until every notification row is settled and every e-mail it implies arrived."""
        from drills import school

        deadline = time.monotonic() + self.args.drain_seconds
        while time.monotonic() < deadline:
            expected, _ = school.expected_emails()
            received = Counter((to, carried) for to, carried, _ in self.sink.messages())
            if school.unsettled_notifications() == 0 and all(
                received[key] >= n for key, n in expected.items()
            ):
                self.event(began, "every notification settled and e-mailed")
                time.sleep(5)  # room for a late duplicate to show
                return
            self.watch(began)
            time.sleep(2)
        self.event(began, f"drain gave up after {self.args.drain_seconds:.0f} s")

    def stop(self):
        for process in (self.beat, self.worker):
            services.stop_group(process)
        if self.gunicorn is not None:
            server.stop_server(self.gunicorn)
        self.sink.stop()
        self.redis.stop()
        shutil.rmtree(self.state_dir, ignore_errors=True)


def main(argv=None):
    args, schedule = parse_args(argv)
    # SIGTERM (a CI timeout) stops the processes too, through the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(3))
    drill = Drill(args, schedule)
    try:
        result = drill.run()
    except (SetupError, subprocess.CalledProcessError) as error:
        log(f"cannot run: {error}")
        return 2
    except Exception:  # the drill's own failure is not a verdict on the product
        log("the drill failed:\n" + traceback.format_exc())
        return 2
    finally:
        drill.stop()
    text = verdict.format_table(result)
    print(text)
    (drill.output_dir / "soak.json").write_text(json.dumps(result, indent=2) + "\n")
    (drill.output_dir / "soak.txt").write_text(text + "\n")
    log(f"wrote {drill.output_dir / 'soak.json'}")
    return 0 if all(result["promises"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
