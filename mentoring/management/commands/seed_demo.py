"""Seed a believable demo medical school: faculty, students, residents, clerkships, mentorships.

The command first builds a plan in memory from mentoring/demo/ and one seeded random
generator, without reading the database, so every run plans exactly the same school. It then
writes only what is missing, keyed on e-mail addresses and names: a second run adds nothing.
"""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from mentoring.conversations.models import Message
from mentoring.demo import school
from mentoring.demo.between import add_conversations, add_office_hours
from mentoring.demo.plan import build_plan
from mentoring.demo.tracking import add_tracking
from mentoring.demo.writing import totals, write_plan


class Command(BaseCommand):
    help = "Create a demo medical school with faculty, students, clerkships and mentorships."

    def handle(self, *args, **options):
        began = time.monotonic()
        plan = build_plan(timezone.localdate(), timezone.now())
        with transaction.atomic():
            created = write_plan(plan)
            tracking = add_tracking()
            messages, office_hours = add_conversations(), add_office_hours()
        self.print_summary(created, time.monotonic() - began)
        self.stdout.write(
            f"  {'Meetings':<22}{tracking['meetings']:>5}  ({tracking['goals']} new goals)"
        )
        self.stdout.write(
            f"  {'Messages':<22}{Message.objects.count():>5}  ({messages} new; "
            f"{office_hours} new office hours)"
        )

    def print_summary(self, created, seconds):
        write = self.stdout.write
        write(f"Demo school ready in {seconds:.1f} s. In the database now (created this run):")
        for label, count, key in totals():
            write(f"  {label:<22}{count:>5}  ({created[key]} new)")
        write(f"Demo sign-ins, password {school.DEMO_PASSWORD!r}:")
        for role, email in school.DEMO_SIGN_INS:
            write(f"  {role:<12} {email}")
