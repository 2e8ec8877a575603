"""Fill PostgreSQL with a large, coherent school for load tests.

    python manage.py seed_scale                 # 10,000 faculty, 50,000 students, ...
    python manage.py seed_scale --scale 0.01    # a hundredth of everything
    python manage.py seed_scale --flush --meetings 200000

The work lives in mentoring/scale/; this command reads options and draws the progress.
"""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mentoring.profiles import listing_version
from mentoring.scale import ScaleProblem
from mentoring.scale.seed import SEED, Sizes, seed, write_sign_ins

BAR_WIDTH = 30


class Progress:
    """One line per table: `meetings  [#####.....] 500,000/1,000,000  12.3 s`, redrawn in
    place on a terminal and printed at each tenth otherwise (logs stay short)."""

    def __init__(self, stream):
        self.stream, self.began = stream, time.monotonic()
        self.is_tty = getattr(stream, "isatty", lambda: False)()
        self.last_tenth = {}

    def __call__(self, label, done, total, finished=False):
        tenth = 10 * done // total if total else 10
        if not self.is_tty and not finished and self.last_tenth.get(label) == tenth:
            return
        self.last_tenth[label] = tenth
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        line = (
            f"{label:<20} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
            f"{done:>9,}/{total:<9,} {time.monotonic() - self.began:7.1f} s"
        )
        if self.is_tty:
            self.stream.write("\r" + line + ("\n" if finished else ""), ending="")
            self.stream.flush()
        elif finished or tenth in (0, 5):
            self.stream.write(line)


class Command(BaseCommand):
    help = (
        "Fill PostgreSQL with a large school for load tests (default: 10,000 faculty, 50,000 "
        "students, 30,000 mentorships, 1,000,000 meetings, 200,000 goals, 300,000 "
        "messages). Refuses a database that already has users unless --flush is given."
    )

    def add_arguments(self, parser):
        defaults = Sizes()
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Multiply every default size, e.g. 0.01."
        )
        for name in ("faculty", "students", "mentorships", "meetings", "goals", "messages"):
            parser.add_argument(
                f"--{name}",
                type=int,
                help=f"How many {name} (default {getattr(defaults, name):,} times --scale).",
            )
        parser.add_argument(
            "--flush",
            action="store_true",
            help="First DELETE every user and all mentoring data (areas stay).",
        )
        parser.add_argument("--seed", type=int, default=SEED, help="Random seed (reproducible).")
        parser.add_argument(
            "--sign-ins",
            type=Path,
            default=Path(settings.VAR_DIR) / "scale_users.json",
            help="Where to write the sign-ins for the benchmark (JSON).",
        )

    def handle(self, *args, **options):
        sizes = self.sizes(options)
        began = time.monotonic()
        self.stdout.write(f"Seeding {sizes} ...")
        self.stderr.style_func = None  # a progress bar, not an error: no red
        try:
            outcome = seed(
                sizes, Progress(self.stderr), flush=options["flush"], random_seed=options["seed"]
            )
        except ScaleProblem as problem:
            raise CommandError(str(problem)) from None
        # Written by COPY, without a signal: results kept from the rows before are dropped.
        listing_version.changed()
        write_sign_ins(options["sign_ins"], outcome.sign_ins)
        self.stdout.write(f"Done in {time.monotonic() - began:.1f} s. Rows now:")
        for label, rows in outcome.counts:
            self.stdout.write(f"  {label:<20}{rows:>12,}")
        sign_ins = outcome.sign_ins
        self.stdout.write(f"Sign-ins, password {sign_ins['password']!r}:")
        for role in ("student", "faculty", "coordinator", "staff"):
            self.stdout.write(f"  {role:<12} {sign_ins[role]}")
        self.stdout.write(f"Written to {options['sign_ins']}")

    def sizes(self, options):
        if options["scale"] <= 0:
            raise CommandError("--scale must be more than 0.")
        sizes = Sizes().scaled(options["scale"])
        explicit = {
            name: options[name]
            for name in ("faculty", "students", "mentorships", "meetings", "goals", "messages")
            if options[name] is not None
        }
        if any(n < 0 for n in explicit.values()):
            raise CommandError("Sizes can't be negative.")
        return Sizes(**{**vars(sizes), **explicit})
