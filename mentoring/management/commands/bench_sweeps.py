"""Time the reminder sweeps over many active mentorships (with a few messages each), then
roll everything back.

    python manage.py bench_sweeps --mentorships 100000

Meaningful on PostgreSQL (DATABASE_URL). Prints, per sweep, what it produced, its queries
and its seconds. Nothing it writes is kept, and on PostgreSQL the database is vacuumed
afterwards: a rolled-back row stays in its table and its indexes until VACUUM removes it.
Without that, where autovacuum is off or behind, every run left some 1.1 million dead
users, mentorships and notifications behind, and the bloated indexes slowed the pages
`make bench` measured next (PERFORMANCE.md).
"""

import datetime
import random
import time

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX as NO_PASSWORD
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from mentoring.conversations import responses
from mentoring.conversations.models import Message
from mentoring.feedback import reassessment
from mentoring.mentorships import reminders
from mentoring.mentorships.models import Mentorship
from mentoring.profiles.models import MentorProfile

MENTEES_PER_MENTOR = 10


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time every reminder sweep over N active mentorships (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--mentorships", type=int, default=100_000)

    def handle(self, *args, mentorships, **options):
        try:
            with transaction.atomic():
                self.build(mentorships)
                self.stdout.write("First pass: everything due is sent.")
                self.run_sweeps()
                self.stdout.write("Second pass, as the next beat tick: nothing new to send.")
                self.run_sweeps()
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: nothing kept.")
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            started = time.monotonic()
            with connection.cursor() as cursor:
                cursor.execute("VACUUM")
            self.stdout.write(
                f"Vacuumed what the rollback left in {time.monotonic() - started:.1f} s."
            )

    def build(self, count):
        started = time.monotonic()
        rng = random.Random(9)
        mentors = count // MENTEES_PER_MENTOR
        users = User.objects.bulk_create(
            User(
                email=f"bench{n}@bench.example.edu", display_name=f"Bench {n}", password=NO_PASSWORD
            )
            for n in range(count + mentors)
        )
        mentor_users, mentee_users = users[:mentors], users[mentors:]
        MentorProfile.objects.bulk_create(
            MentorProfile(
                user=u,
                display_name=u.display_name,
                capacity=MENTEES_PER_MENTOR,
                active_mentee_count=MENTEES_PER_MENTOR,
            )
            for u in mentor_users
        )
        today, now = timezone.localdate(), timezone.now()
        rows = []
        for n, mentee in enumerate(mentee_users):
            started_on = today - datetime.timedelta(days=rng.randint(1, 400))
            # Most met recently; about one in ten has gone quiet.
            quiet = rng.random() < 0.1
            last = now - datetime.timedelta(
                days=rng.randint(40, 90) if quiet else rng.randint(0, 15)
            )
            rows.append(
                Mentorship(
                    mentor=mentor_users[n // MENTEES_PER_MENTOR],
                    mentee=mentee,
                    started_on=started_on,
                    reassess_on=started_on + datetime.timedelta(days=rng.choice([30, 120, 400])),
                    last_contact_at=last,
                )
            )
        mentorships = Mentorship.objects.bulk_create(rows, batch_size=5000)
        messages = Message.objects.bulk_create(
            (m for mentorship in mentorships for m in thread(rng, mentorship, now)),
            batch_size=5000,
        )
        self.stdout.write(
            f"Built {count:,} active mentorships and {len(messages):,} messages "
            f"in {time.monotonic() - started:.1f} s"
        )

    def run_sweeps(self):
        now = timezone.now()
        sweeps = [
            ("quiet relationships", reminders.send_quiet_reminders),
            ("periodic reassessments", reassessment.send_periodic_prompts),
            ("first-meeting fit checks", reassessment.send_fit_checks),
            # One beat task (conversations.tasks) runs these two every 15 minutes.
            ("unanswered messages", responses.send_unanswered_reminders),
            ("usual answer times", responses.refresh_recent_medians),
        ]
        self.stdout.write(f"{'sweep':<26} {'sent':>9} {'queries':>8} {'seconds':>8}")
        total = 0.0
        for label, sweep in sweeps:
            with CaptureQueriesContext(connection) as queries:
                started = time.monotonic()
                produced = sweep(now)
                seconds = time.monotonic() - started
            total += seconds
            self.stdout.write(f"{label:<26} {produced:>9,} {len(queries):>8,} {seconds:>8.1f}")
        self.stdout.write(f"{'all sweeps':<26} {'':>9} {'':>8} {total:>8.1f}")


def thread(rng, mentorship, now):
    """Four messages or five, answered in turn, the last run waiting, as the send path
    writes them. The last was written an hour to 30 days ago, so that about one thread in
    fifteen has just passed its agreed time (24 hours here) and is reminded. (Not within
    the last minutes: the usual answer times read such threads once more at the next tick,
    responses.COMMIT_SLACK, and the second pass is to find nothing new.)"""
    last = now - datetime.timedelta(hours=rng.uniform(1, 30 * 24))
    gap = datetime.timedelta(hours=rng.uniform(1, 20))
    people = [mentorship.mentee, mentorship.mentor]
    if rng.random() < 0.5:
        people.reverse()
    turns = [0, 1, 0, 1] + ([1] if rng.random() < 0.25 else [])  # some last runs of two
    times = [last - (len(turns) - 1 - n) * gap for n in range(len(turns))]
    messages = []
    for n, (side, at) in enumerate(zip(turns, times, strict=True)):
        answer = next((t for s, t in zip(turns[n:], times[n:], strict=True) if s != side), None)
        messages.append(
            Message(
                mentorship=mentorship,
                sender=people[side],
                recipient=people[1 - side],
                text="Bench message",
                created_at=at,
                answered_at=answer,
            )
        )
    return messages
