"""Report the Celery workers, the queues and the scheduler's heartbeat, for an operator at
a terminal or a monitoring script (exit status 1 when no worker answers or beat is silent)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mentoring.operations import workers as celery_workers
from mentoring.operations.scheduler import last_tick, silent_minutes


class Command(BaseCommand):
    help = "Which Celery workers answer, how many tasks wait, and when beat last ticked."

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout", type=float, default=2.0, help="Seconds to wait for workers (2)."
        )

    def handle(self, *args, timeout=2.0, **options):
        problems = []
        try:
            lengths = celery_workers.queue_lengths()
        except Exception as error:  # the broker is down: say so rather than a traceback
            problems.append(f"broker unavailable ({type(error).__name__})")
        else:
            # Workers answer through the broker: asked only when it is there.
            try:
                answered = celery_workers.workers(timeout=timeout)
            except Exception as error:
                answered = {}
                problems.append(f"workers could not be asked ({type(error).__name__})")
            for name, worker in answered.items():
                queues = ", ".join(worker["queues"]) or "none"
                self.stdout.write(f"worker {name}: {worker['active']} running, queues: {queues}")
            if not answered:
                problems.append(f"no worker answered within {timeout:g} s")
            for name, waiting in lengths.items():
                self.stdout.write(f"queue {name}: {waiting} waiting")

        tick = last_tick()
        minutes = silent_minutes(tick)
        if tick is None:
            self.stdout.write("scheduler: no tick recorded yet")
        else:
            self.stdout.write(
                f"scheduler: last tick {minutes:.1f} minutes ago "
                f"({timezone.localtime(tick):%Y-%m-%d %H:%M:%S %Z})"
            )
        if tick is None:
            problems.append("the scheduler has never ticked")
        elif minutes > settings.SCHEDULER_SILENT_MINUTES:
            problems.append(f"scheduler silent for {int(minutes)} minutes")
        if problems:
            raise CommandError("; ".join(problems), returncode=1)
        self.stdout.write("ok")
