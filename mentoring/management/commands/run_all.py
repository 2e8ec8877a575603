"""`make run`: migrate, seed the demo on first start, then run web, worker and beat together."""

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from accounts.models import User


class Command(BaseCommand):
    help = "Start the web server, a Celery worker and the beat scheduler; Ctrl-C stops all three."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))

    def handle(self, *args, port, host, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if not User.objects.exists():
            self.stdout.write("First start: loading the demo school...")
            call_command("seed_demo")
        self.print_welcome(host, port)
        web = Child("The web server", ["manage.py", "runserver", f"{host}:{port}", "--noreload"])
        worker = Child(
            "The worker and the scheduler",
            [
                "-m",
                "celery",
                "-A",
                "mentoring",
                "worker",
                "--beat",
                "--pool",
                "solo",
                "--loglevel",
                "info",
                "--schedule",
                str(settings.VAR_DIR / "celerybeat-schedule"),
            ],
        )
        children = [web, worker]
        try:
            for child in children:
                child.start()
            self.supervise(children)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop(children)

    def supervise(self, children):
        """Start again whichever child exits, so that a worker that died when its broker went
        away comes back instead of e-mail stopping silently (before, the whole site went down
        with it). A child that keeps dying is given up on, and everything stops."""
        while True:
            time.sleep(0.5)
            for child in children:
                if child.process.poll() is None:
                    continue
                if not child.may_restart():
                    self.stderr.write(f"{child.name} keeps stopping; giving up.")
                    return
                child.clean_up()  # a worker killed outright leaves its beat process behind
                wait = child.backoff()
                self.stderr.write(
                    f"{child.name} stopped (exit code {child.process.returncode}); "
                    f"starting it again in {wait} s."
                )
                time.sleep(wait)
                child.start()

    def stop(self, children):
        for child in children:
            child.signal(signal.SIGINT)
        deadline = time.monotonic() + 10
        for child in children:
            child.wait(max(deadline - time.monotonic(), 0.1))
            child.clean_up()
        self.stdout.write("Stopped the web server, the worker and the scheduler.")

    def print_welcome(self, host, port):
        from mentoring.demo.school import DEMO_PASSWORD, DEMO_SIGN_INS

        self.stdout.write(self.style.SUCCESS(f"\nMentoring is starting at http://{host}:{port}/\n"))
        self.stdout.write(f"Demo sign-ins (password: {DEMO_PASSWORD}):")
        for persona, email in DEMO_SIGN_INS:
            self.stdout.write(f"  {persona:<12} {email}")
        self.stdout.write("E-mail is printed below instead of sent. Ctrl-C stops everything.\n")


class Child:
    """One process `make run` keeps going: started again when it exits, at most RESTARTS
    times in WINDOW seconds, waiting 1, 2, 4... seconds (at most 30) between starts."""

    RESTARTS = 5
    WINDOW = 120

    def __init__(self, name, arguments):
        self.name, self.arguments, self.process, self.starts = name, arguments, None, []

    def start(self):
        # A process group of its own, so that stopping it stops what it started too.
        self.process = subprocess.Popen(
            [sys.executable, *self.arguments], cwd=settings.BASE_DIR, start_new_session=True
        )
        self.starts.append(time.monotonic())

    def signal(self, number):
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, number)

    def wait(self, seconds):
        if self.process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=seconds)

    def clean_up(self):
        """Kill whatever is left of this child's process group."""
        self.signal(signal.SIGKILL)
        self.wait(10)

    def recent_starts(self):
        return [t for t in self.starts if time.monotonic() - t < self.WINDOW]

    def may_restart(self):
        return len(self.recent_starts()) <= self.RESTARTS

    def backoff(self):
        return min(2 ** (len(self.recent_starts()) - 1), 30)
