"""`make drill-scaleout`: the production shape on one host, failing under load.

    .venv/bin/python -m drills.scaleout [--users 30] [--seconds 180] [--quiet-pairs 2500]

nginx with deploy/nginx/mentoring.conf (TLS with a throwaway certificate, on a loopback
port) in front of two gunicorn instances run with deploy/gunicorn.conf.py, two Celery
workers, one beat (mentoring/single_beat.py), a fresh PostgreSQL database with the demo
school, a private Redis and an SMTP server on loopback. Simulated users (drills/users.py)
sign in through nginx and read and write. At fixed shares of the run:

- 10 %: a reminder sweep is sent, and the worker running it is killed with SIGKILL (its
  whole process group, pool included) once the sweep has written some of its reminders and
  not all; it is started again 2 s later (systemd's Restart=always, RestartSec=2). The
  sweep's message comes back to a worker once Redis's visibility timeout (20 s here) has
  passed; the e-mails of the reminders it had written but not yet handed over are sent by
  the sweeper (after a minute here);
- 30 %: one gunicorn instance's master is killed with SIGKILL, and started again 2 s later;
- 50 %: the other instance is stopped with SIGTERM and started again (a rolling restart);
- 65 %: Redis is restarted as `systemctl restart redis-server` does it: stopped with
  SIGTERM (it saves its snapshot), down for --outage-seconds, started again. (The soak,
  `make drill-soak`, covers a Redis that comes back empty.)

A process that dies on its own is started again 2 s later, as systemd would, and counted.

Then every notification must be settled, and at the end each process is stopped with
SIGTERM, as systemd does, and must exit by itself. Figures in var/drill/scaleout.json;
exit status 0 when every promise held, 1 when one failed, 2 when the drill could not run.
"""

import argparse
import dataclasses
import json
import logging
import os
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

from bench import data, server
from bench.config import ROOT, Config, SetupError
from drills import demo_database, nginx, scaleout_verdict, services
from drills.soak import drill_env, log

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mentoring_scaleout"
RESTART_SECONDS = 2  # RestartSec= in deploy/systemd


def parse_args(argv):
    env = os.environ
    parser = argparse.ArgumentParser(
        prog="python -m drills.scaleout", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--users", type=int, default=int(env.get("DRILL_USERS", 30)))
    parser.add_argument("--seconds", type=float, default=float(env.get("DRILL_SECONDS", 180)))
    parser.add_argument(
        "--outage-seconds", type=float, default=float(env.get("DRILL_OUTAGE_SECONDS", 10))
    )
    parser.add_argument(
        "--quiet-pairs",
        type=int,
        default=int(env.get("DRILL_QUIET_PAIRS", 2500)),
        help="quiet mentorships the reminder sweep works through (over 1,000: two batches)",
    )
    parser.add_argument(
        "--drain-seconds", type=float, default=float(env.get("DRILL_DRAIN_SECONDS", 240))
    )
    parser.add_argument("--sweep-seconds", type=int, default=10)
    parser.add_argument("--think-seconds", type=float, default=3.0)
    parser.add_argument("--web-workers", type=int, default=2, help="sync workers per instance")
    parser.add_argument(
        "--database-url", default=env.get("DRILL_SCALEOUT_DATABASE_URL", DATABASE_URL)
    )
    parser.add_argument("--output-dir", default=env.get("DRILL_OUTPUT_DIR", "var/drill"))
    args = parser.parse_args(argv)
    if 0.65 * args.seconds + args.outage_seconds > args.seconds:
        parser.error("the outage must end before the run does: raise --seconds")
    return args


class ScaleOut:
    def __init__(self, args):
        self.args = args
        self.output_dir = ROOT / args.output_dir
        self.output_dir.mkdir(parents=True, exist_ok=True)
        self.state_dir = Path(tempfile.mkdtemp(prefix="drill-scaleout-"))
        self.redis = services.PrivateRedis(
            server.free_port(), self.output_dir / "redis.log", persist_dir=self.state_dir
        )
        self.sink = services.MailSink(server.free_port())
        self.proxy_port = server.free_port()
        self.webs, self.workers, self.beat, self.nginx = [], [], None, None
        self.groups = []  # every process group the drill started, to check none is left
        self.events, self.marks, self.figures = [], {}, {}
        self.began = None

    def event(self, what):
        at = time.monotonic() - self.began
        self.events.append({"at_s": round(at, 1), "what": what})
        log(f"{at:6.1f} s  {what}")
        return at

    def run(self):
        args = self.args
        config = Config(
            database_url=args.database_url,
            redis_url=self.redis.url,
            users="demo",
            seed="demo",
            output_dir=args.output_dir,
        )
        self.redis.start()
        env = drill_env(config, self.redis, self.sink.port, self.proxy_port, args)
        origin = f"https://127.0.0.1:{self.proxy_port}"
        env.update(
            BEHIND_TLS_PROXY="true",
            SESSION_COOKIE_SECURE="true",
            CSRF_COOKIE_SECURE="true",
            CSRF_TRUSTED_ORIGINS=origin,
            SITE_URL=origin,
            GUNICORN_WORKERS=str(args.web_workers),
            # A killed worker's sweep comes back to the queue after 20 s, not an hour.
            CELERY_VISIBILITY_TIMEOUT="20",
            CELERY_RESTORE_CHECK_SECONDS="5",
        )
        self.env = env
        # Static files meanwhile: collectstatic needs no database, and takes a while.
        static = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
        )
        demo_database.fresh_database(config, env)
        data.setup_django(env)
        from drills import school

        people, known = school.make_people(args.users)
        known.reassessments = school.make_due_reassessments(people)
        self.figures["reassessments_waiting"] = known.reassessments
        self.figures["quiet_reminders_owed"] = school.make_quiet_pairs(args.quiet_pairs)
        if static.wait() != 0:
            raise SetupError("collectstatic failed")
        # aiosmtpd logs every SMTP command at INFO; the drill's output is its own.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        self.sink.start()

        cert, key = nginx.self_signed_certificate(self.state_dir)
        ports = [server.free_port(), server.free_port()]
        static_root = ROOT / args.output_dir / "staticfiles"
        site = nginx.loopback_site(self.proxy_port, ports, cert, key, static_root)
        conf = nginx.write_conf(self.state_dir, site)
        checked = nginx.check(conf)
        if checked.returncode != 0:
            raise SetupError(f"nginx -t failed: {checked.stderr}")
        log(f"nginx on {origin} in front of gunicorn on {ports}, two workers and beat")
        self.nginx = nginx.start(conf, self.output_dir / "nginx.log")
        self.groups.append(self.nginx.pid)
        for n in (1, 2):
            self.start_worker(n)
        for port in ports:
            web = services.WebInstance(
                port, env, self.state_dir / f"web-{port}", self.output_dir / f"web-{port}.log"
            )
            web.launch()
            self.groups.append(web.process.pid)
            self.webs.append(web)
        for web in self.webs:
            web.wait()
        self.beat = services.start_beat(env, self.output_dir / "scaleout-beat.log", self.state_dir)
        self.groups.append(self.beat.pid)
        if not services.wait_for(self.both_workers_answer, 90, every=1):
            raise SetupError("the Celery workers did not answer")

        from drills.users import Recorder, SimulatedUser

        recorder, go = Recorder(), threading.Event()
        tls = ssl.create_default_context(cafile=str(cert))
        users = [
            SimulatedUser(
                person,
                self.proxy_port,
                known,
                recorder,
                go,
                args.think_seconds,
                seed=n,
                tls=tls,
                accepts=True,
            )
            for n, person in enumerate(people)
        ]
        signing_in = time.monotonic()
        for user in users:
            user.start()
            time.sleep(5 / len(users))
        for user in users:
            user.ready.wait(timeout=max(signing_in + 300 - time.monotonic(), 0))
        self.began, self.began_wall = time.monotonic(), time.time()
        for user in users:
            user.stop_at = self.began + args.seconds
        go.set()
        self.event(f"{sum(u.signed_in for u in users)} signed in through nginx; load begins")
        self.inject_faults()
        for user in users:
            user.join(timeout=60)
        self.event("load over")
        self.drain()
        self.figures["graceful_stops"] = self.stop_gracefully()

        expected, by_status = school.expected_emails()
        received = Counter((to, carried) for to, carried, _ in self.sink.messages())
        self.figures["sent_twice_in_flight_at_the_kill"] = self.in_flight_duplicates(expected)
        hits = [dataclasses.replace(h, started=h.started - self.began) for h in recorder.hits]
        result = scaleout_verdict.figures(
            hits,
            self.marks,
            recorder.writes,
            school.missing_writes(recorder.writes),
            expected,
            received,
            by_status,
            {**self.figures, "quiet_reminders_written": school.quiet_reminders()},
        )
        result["settings"] = {
            "users": args.users,
            "seconds": args.seconds,
            "outage_seconds": args.outage_seconds,
            "quiet_pairs": args.quiet_pairs,
            "web_instances": len(self.webs),
            "web_workers_per_instance": args.web_workers,
            "celery_workers": 2,
            "database": args.database_url.rsplit("/", 1)[-1],
            "ports": {
                "nginx": self.proxy_port,
                "web": ports,
                "redis": self.redis.port,
                "smtp": self.sink.port,
            },
            "process_groups": self.groups,
        }
        result["faults"] = self.events
        result["drill_problems"] = recorder.problems[:20]
        result["signed_in"] = sum(user.signed_in for user in users)
        result["machine"] = {"cores": os.cpu_count(), "load_average": os.getloadavg()}
        return result

    def start_worker(self, n):
        worker = services.celery_process(
            ["worker", "--loglevel=info", "--concurrency=2", f"--hostname=worker{n}@%h"],
            self.env,
            self.output_dir / f"scaleout-worker{n}.log",
        )
        self.groups.append(worker.pid)
        if len(self.workers) < n:
            self.workers.append(worker)
        else:
            self.workers[n - 1] = worker

    def wait_until(self, share):
        while time.monotonic() < self.began + share * self.args.seconds:
            self.supervise()
            time.sleep(0.2)

    def supervise(self):
        """Note when the killed sweep's reminders are all written. Start again, 2 s later, a
        worker or beat that exited without the drill killing it (systemd's Restart=always):
        kombu's Redis transport has been seen to raise AttributeError while reconnecting
        after an outage. Each such death is counted."""
        from drills import school

        owed = self.figures.get("quiet_reminders_owed")
        pending = "worker_kill" in self.marks and "sweep_done" not in self.marks
        if pending and school.quiet_reminders() >= owed:
            # The moment the last one was written, not when this loop noticed.
            self.marks["sweep_done"] = school.last_quiet_reminder_at() - self.began_wall
            self.event(f"every quiet reminder written (at {self.marks['sweep_done']:.1f} s)")
        back = "redis_start" in self.marks and "workers_answer" not in self.marks
        if back and self.both_workers_answer():
            self.marks["workers_answer"] = self.event("both workers answer through Redis again")
        for n, worker in enumerate(self.workers, 1):
            if worker.poll() is not None:
                self.figures.setdefault("died_unprompted", []).append(f"worker{n}")
                self.event(f"worker{n} exited by itself ({worker.returncode}): starting it again")
                services.stop_group(worker)
                time.sleep(RESTART_SECONDS)
                self.start_worker(n)
        if self.beat.poll() is not None:
            self.figures.setdefault("died_unprompted", []).append("beat")
            self.event(f"beat exited by itself ({self.beat.returncode}): starting it again")
            time.sleep(RESTART_SECONDS)
            self.beat = services.start_beat(
                self.env, self.output_dir / "scaleout-beat.log", self.state_dir
            )
            self.groups.append(self.beat.pid)

    def inject_faults(self):
        self.wait_until(0.1)
        self.kill_worker_mid_sweep()
        self.wait_until(0.3)
        self.kill_web(self.webs[0])
        self.wait_until(0.5)
        self.restart_web_gracefully(self.webs[1])
        self.wait_until(0.65)
        self.restart_redis()
        self.wait_until(1.0)

    def kill_web(self, web):
        os.kill(web.process.pid, signal.SIGKILL)
        self.marks["web_kill"] = self.event(f"killed gunicorn master {web.process.pid} (SIGKILL)")
        web.process.wait()
        time.sleep(RESTART_SECONDS)
        web.start()
        self.groups.append(web.process.pid)
        self.marks["web_back"] = self.event(f"gunicorn on {web.port} answers again")

    def restart_web_gracefully(self, web):
        stopped = services.stop_gracefully(web.process)
        self.marks["web_restart"] = self.event(
            f"gunicorn on {web.port} stopped with SIGTERM: exit {stopped['exit']} after"
            f" {stopped['seconds']} s"
        )
        self.figures["rolling_restart_stop"] = stopped
        web.start()
        self.groups.append(web.process.pid)
        self.marks["web_restart_back"] = self.event(f"gunicorn on {web.port} answers again")

    def kill_worker_mid_sweep(self):
        from drills import school
        from mentoring.celery import app

        owed = self.figures["quiet_reminders_owed"]
        logs = [self.output_dir / f"scaleout-worker{n}.log" for n in (1, 2)]
        marks = [path.stat().st_size for path in logs]
        app.send_task("mentoring.mentorships.tasks.send_quiet_reminders")
        self.event(f"sent a reminder sweep ({owed:,} reminders owed)")
        deadline, victim, written = time.monotonic() + 120, None, 0
        while time.monotonic() < deadline:
            if victim is None:
                for n, path in enumerate(logs):
                    with open(path) as text:
                        text.seek(marks[n])
                        if "send_quiet_reminders" in text.read():
                            victim = n
            written = school.quiet_reminders()
            if victim is not None and 0 < written < owed:
                break
            if written >= owed:
                break
            time.sleep(0.02)
        worker = self.workers[victim if victim is not None else 0]
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
        self.marks["worker_kill"] = self.event(
            f"killed worker{(victim or 0) + 1} (group {worker.pid}, SIGKILL) with"
            f" {written:,} of {owed:,} reminders written"
        )
        self.figures["reminders_at_kill"] = written
        self.figures["killed_mid_sweep"] = 0 < written < owed
        time.sleep(RESTART_SECONDS)
        self.start_worker((victim or 0) + 1)
        self.event(f"worker{(victim or 0) + 1} started again")

    def restart_redis(self):
        self.redis.stop()
        self.marks["redis_stop"] = self.event("stopped Redis")
        stop_at = time.monotonic() + self.args.outage_seconds
        while time.monotonic() < stop_at:
            self.supervise()
            time.sleep(0.2)
        self.redis.start()
        self.marks["redis_start"] = self.event("started Redis again")

    def both_workers_answer(self):
        from mentoring.celery import app

        try:
            return len(app.control.ping(timeout=1.0)) >= 2
        except Exception:  # noqa: BLE001 - Redis still down: not yet
            return False

    def drain(self):
        from drills import school

        deadline = time.monotonic() + self.args.drain_seconds
        while time.monotonic() < deadline:
            expected, _ = school.expected_emails()
            received = Counter((to, carried) for to, carried, _ in self.sink.messages())
            settled = school.unsettled_notifications() == 0 and all(
                received[key] >= n for key, n in expected.items()
            )
            if settled and "sweep_done" in self.marks:
                self.marks["settled"] = self.event("every notification settled and e-mailed")
                time.sleep(5)  # room for a late duplicate to show
                return
            self.supervise()
            time.sleep(2)
        self.event(f"drain gave up after {self.args.drain_seconds:.0f} s")

    def in_flight_duplicates(self, expected):
        """E-mails sent twice whose first copy reached the SMTP server in the 2 s before the
        worker was killed: the server had accepted them, the row was not yet marked sent, so
        they were sent again once the claim went stale. SMTP cannot close that window; any
        other copy is a broken promise."""
        copies = {}
        for to, carried, at in self.sink.messages():
            copies.setdefault((to, carried), []).append(at - self.began)
        kill = self.marks.get("worker_kill")
        self.figures["sent_twice"] = [
            {"notification": key[1], "copies_at_s": [round(t, 1) for t in times]}
            for key, times in copies.items()
            if len(times) > expected[key]
        ][:20]
        return sum(
            len(times) - expected[key]
            for key, times in copies.items()
            if kill is not None and len(times) > expected[key] and kill - 2 <= min(times) <= kill
        )

    def stop_gracefully(self):
        """SIGTERM to each process, as systemd stops it; each must exit by itself, 0."""
        stops = {}
        for web in self.webs:
            stops[f"web {web.port}"] = services.stop_gracefully(web.process)
        for n, worker in enumerate(self.workers, 1):
            stops[f"worker{n}"] = services.stop_gracefully(worker)
        stops["beat"] = services.stop_gracefully(self.beat)
        self.event(f"stopped with SIGTERM: {stops}")
        return stops

    def stop(self):
        for web in self.webs:
            services.stop_group(web.process)
            web.socket.close()
        for process in (*self.workers, self.beat, self.nginx):
            services.stop_group(process)
        self.sink.stop()
        self.redis.stop()
        shutil.rmtree(self.state_dir, ignore_errors=True)


def main(argv=None):
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(3))
    drill = ScaleOut(args)
    try:
        result = drill.run()
    except (SetupError, subprocess.CalledProcessError) as error:
        log(f"cannot run: {error}")
        return 2
    except Exception:
        log("the drill failed:\n" + traceback.format_exc())
        return 2
    finally:
        drill.stop()
    text = scaleout_verdict.format_table(result)
    print(text)
    (drill.output_dir / "scaleout.json").write_text(json.dumps(result, indent=2) + "\n")
    (drill.output_dir / "scaleout.txt").write_text(text + "\n")
    log(f"wrote {drill.output_dir / 'scaleout.json'}")
    return 0 if all(result["promises"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
