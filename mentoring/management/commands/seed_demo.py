"""Seed a believable demo medical school: faculty, students, residents, clerkships, mentorships.

The command first builds a plan in memory from mentoring/demo/ and one seeded random
generator, without reading the database, so every run plans exactly the same school. It then
writes only what is missing, keyed on e-mail addresses and names: a second run adds nothing.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from mentoring.demo import school
from mentoring.demo.between import add_conversations, add_office_hours
from mentoring.demo.outcomes import add_outcomes
from mentoring.demo.plan import build_plan
from mentoring.demo.portfolio import add_portfolio_consents
from mentoring.demo.tracking import add_tracking
from mentoring.demo.writing import totals, write_plan


class Command(BaseCommand):
    help = "Create a demo medical school with faculty, students, clerkships and mentorships."

    def handle(self, *args, **options):
        began = time.monotonic()
        before = totals()
        plan = build_plan(timezone.localdate(), timezone.now())
        with transaction.atomic():
            write_plan(plan)
            add_tracking()
            add_conversations()
            add_office_hours()
            add_outcomes()
            add_portfolio_consents()
        self.print_summary(before, totals(), time.monotonic() - began)

    def print_summary(self, before, after, seconds):
        write = self.stdout.write
        write(f"Demo school ready in {seconds:.1f} s. It holds:")
        for (one, many, was), (_, _, now) in zip(before, after, strict=True):
            write(f"  {counted(now, one, many)}, {new_of(now - was, now)}")
        write(f"Sign in as any of these people, with the password {school.DEMO_PASSWORD}:")
        width = max(len(role) for role, _ in school.DEMO_SIGN_INS) + 2
        for role, email in school.DEMO_SIGN_INS:
            write(f"  {role:<{width}}{email}")


def counted(count, one, many):
    return f"{count} {one if count == 1 else many}"


def new_of(new, count):
    """How many of count this run added, in words: "all new", "none new", "3 new"."""
    if new == 0:
        return "none new"
    return "all new" if new == count else f"{new} new"
