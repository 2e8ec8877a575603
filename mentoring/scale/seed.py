"""seed_scale's work: plan a large school in memory from one seeded generator, write it in
one transaction, then reset sequences and refresh statistics."""

import dataclasses
import json
import random

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from mentoring.clerkships.models import Clerkship, Rotation
from mentoring.conversations.models import Message
from mentoring.conversations.responses import refresh_all_medians
from mentoring.feedback.models import Reassessment
from mentoring.goals.models import Goal
from mentoring.meetings.models import ActionItem, Meeting
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.profiles.models import MenteeProfile, MentorProfile
from mentoring.scale import (
    ScaleProblem,
    activity,
    asking,
    conversing,
    copying,
    people,
    relationships,
)
from mentoring.scale import vocabulary as words
from mentoring.scale.copying import Copier
from mentoring.scale.writing import Writer, id_counter

SEED = 2026


@dataclasses.dataclass(frozen=True)
class Sizes:
    faculty: int = 10_000
    students: int = 50_000
    mentorships: int = 30_000
    meetings: int = 1_000_000
    goals: int = 200_000
    messages: int = 300_000

    def scaled(self, factor):
        return Sizes(**{k: round(v * factor) for k, v in dataclasses.asdict(self).items()})


@dataclasses.dataclass
class Outcome:
    sign_ins: dict
    counts: list  # (label, rows)


def check_database():
    if connection.vendor != "postgresql":
        raise ScaleProblem(
            "seed_scale needs PostgreSQL (it writes with COPY): set DATABASE_URL=postgres://..."
        )


def seed(sizes, progress, flush=False, now=None, random_seed=SEED):
    """Create the school; `progress(label, done, total, finished=False)` hears of each table.

    Refuses a database that has users unless flush=True, which first empties every table
    of people and mentoring data (areas, from a migration, stay)."""
    check_database()
    now = now or timezone.now()
    rng = random.Random(random_seed)
    with transaction.atomic():
        if flush:
            copying.delete_everything()
        elif (existing := User.objects.count()) > 0:
            raise ScaleProblem(
                f"The database already has {existing:,} users. Run with --flush to delete all "
                "people and mentoring data first, or use an empty database."
            )
        plan = build_plan(rng, sizes, now)
        write_plan(plan, rng, sizes, now, progress)
        # Messages draw from a generator of their own, so that adding them changed none of
        # the rest of the school a seed makes.
        write_messages(plan, random.Random(random_seed + 1), sizes, now, progress)
        copying.reset_sequences()
    copying.analyze()
    return Outcome(sign_ins(plan), row_counts())


@dataclasses.dataclass
class Plan:
    people: people.People
    mentorships: list
    requests: list
    inbox: object  # the faculty member with a full inbox
    goals: list
    shared_goals: dict


def build_plan(rng, sizes, now):
    school = people.plan_people(rng, sizes, id_counter(User), now.date())
    mentorships = relationships.plan_mentorships(
        rng, school, sizes.mentorships, id_counter(Mentorship), now
    )
    relationships.allocate_meetings(rng, mentorships, sizes.meetings)
    for mentorship in mentorships:
        activity.plan_reassessments(rng, mentorship, now)
    requests, inbox = asking.plan_requests(
        rng, school, mentorships, id_counter(MentorshipRequest), now
    )
    goals, shared = activity.plan_goals(
        rng, school, mentorships, sizes.goals, id_counter(Goal), now
    )
    return Plan(school, mentorships, requests, inbox, goals, shared)


def write_plan(plan, rng, sizes, now, progress):
    with connection.cursor() as cursor:
        # Nothing is lost if the machine stops mid-seed: the run is simply repeated.
        cursor.execute("SET LOCAL synchronous_commit = off")
    writer = Writer(copying.Copier(progress), rng, now)
    writer.reference_rows(plan.people)
    # Hashing is deliberately slow: once for everyone.
    writer.users(plan.people, make_password(words.PASSWORD))
    writer.mentor_profiles(plan.people.faculty)
    writer.mentee_profiles(plan.people.students)
    writer.clerkship_rows(plan.people)
    writer.mentorships(plan.mentorships)
    writer.requests(plan.requests)
    writer.goals(plan.goals)
    writer.meetings(plan.mentorships, plan.shared_goals, sizes.meetings)
    writer.feedback_requests(plan.mentorships, plan.shared_goals)
    writer.reassessments(plan.mentorships)


def write_messages(plan, rng, sizes, now, progress):
    """The threads, then each side's usual answer time written on the mentorships by the
    app's own code (conversations/responses.py), from the rows just written."""
    busiest = benchmarked_mentorship(plan)
    ids = id_counter(Message)
    rows = conversing.message_rows(
        rng, plan.mentorships, sizes.messages, busiest and busiest.id, ids, now
    )
    Copier(progress).copy(Message, conversing.MESSAGE_FIELDS, rows, sizes.messages, "messages")
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(Message._meta.db_table)}")
    progress("usual answer times", 0, len(plan.mentorships))
    written = refresh_all_medians(now)
    progress("usual answer times", written, written, finished=True)


def benchmarked_mentorship(plan):
    """An active mentorship with many meetings: its mentee is the benchmark's student, and
    its thread the long one the benchmark's thread page shows."""
    active = [m for m in plan.mentorships if m.status == Mentorship.Status.ACTIVE]
    return max(active, key=lambda m: (not m.is_quiet, m.meeting_count), default=None)


def sign_ins(plan):
    """Who the benchmark signs in as: a student whose mentorship has many meetings (and a
    thread of conversing.THREAD_LENGTH messages), the faculty member with the fullest
    inbox, the Internal Medicine coordinator, staff."""
    busiest = benchmarked_mentorship(plan)
    coordinator = next(s for s in plan.people.staff if s.clerkship == words.CLERKSHIPS[0])
    staff = next(s for s in plan.people.staff if s.is_staff)
    return {
        "student": busiest.mentee.email if busiest else None,
        "faculty": plan.inbox.email,
        "coordinator": coordinator.email,
        "staff": staff.email,
        "password": words.PASSWORD,
        "mentorship_id": busiest.id if busiest else None,
        "thread_mentorship_id": busiest.id if busiest else None,
        "clerkship_id": Clerkship.objects.get(name=coordinator.clerkship).pk,
    }


def row_counts():
    models = [
        ("users", User),
        ("faculty profiles", MentorProfile),
        ("student profiles", MenteeProfile),
        ("rotations", Rotation),
        ("mentorships", Mentorship),
        ("requests", MentorshipRequest),
        ("meetings", Meeting),
        ("action items", ActionItem),
        ("goals", Goal),
        ("reassessments", Reassessment),
        ("messages", Message),
    ]
    return [(label, model.objects.count()) for label, model in models]


def write_sign_ins(path, sign_ins):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(sign_ins, indent=2) + "\n")
