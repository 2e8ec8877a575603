"""`make run`: migrate, seed the demo on first start, then run web, worker and beat together."""

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
        processes = [
            self.spawn(["manage.py", "runserver", f"{host}:{port}", "--noreload"]),
            self.spawn(
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
                ]
            ),
        ]
        try:
            # If either child dies, stop the other: half a product is worse than none.
            while all(p.poll() is None for p in processes):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop(processes)

    def spawn(self, arguments):
        return subprocess.Popen([sys.executable, *arguments], cwd=settings.BASE_DIR)

    def stop(self, processes):
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
        deadline = time.monotonic() + 10
        for process in processes:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.kill()
        self.stdout.write("Stopped the web server, the worker and the scheduler.")

    def print_welcome(self, host, port):
        from mentoring.demo_data import DEMO_PASSWORD, DEMO_SIGN_INS

        self.stdout.write(self.style.SUCCESS(f"\nMentoring is starting at http://{host}:{port}/\n"))
        self.stdout.write(f"Demo sign-ins (password: {DEMO_PASSWORD}):")
        for persona, email in DEMO_SIGN_INS:
            self.stdout.write(f"  {persona:<12} {email}")
        self.stdout.write("E-mail is printed below instead of sent. Ctrl-C stops everything.\n")
