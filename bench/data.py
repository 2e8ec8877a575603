"""The bench database and what the harness reads from it through Django: seeding, the
personas' sessions, the values the page paths name, each page's SQL, machine facts."""

import datetime
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

from bench.config import ROOT, SetupError, log, manage

# The domain of every address seed_scale makes (mentoring/scale/vocabulary.py, which needs
# Django to import; a test holds the two equal): a database whose users all have it holds
# nothing but generated data, and may be emptied and seeded again.
SCALE_EMAIL_DOMAIN = "scale.example.edu"

DEMO_USERS = {
    "student": "student@med.example.edu",
    "faculty": "faculty@med.example.edu",
    "coordinator": "coordinator@med.example.edu",
    "staff": "staff@med.example.edu",
}


def ensure_database(config, env):
    """Create, migrate and (when it has no users) seed the bench database."""
    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(config.database_url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(
        dbname="postgres",
        user=parts.username or "postgres",
        password=parts.password or None,
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            log(f"creating database {name}")
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()

    log("migrating")
    manage(env, "migrate", "--noinput", "-v0")
    users, not_generated = count_users(config.database_url)
    if not users:
        seed(config, env, f"database {name} is empty")
    elif config.seed == "scale" and not users_path(config).exists():
        # Seeded from another checkout, whose var/ this one lacks: only seeding again tells
        # whom to sign in as (the same school and people: the seed is fixed).
        if not_generated:
            raise SetupError(
                f"database {name} has {not_generated:,} users that seed_scale did not make, and "
                f"there are no sign-ins at {users_path(config)}: point BENCH_DATABASE_URL at a "
                "database of the benchmark's own"
            )
        seed(config, env, f"there are no sign-ins for database {name}", "--flush")
    # Rows left dead by anything since (an interrupted bench_sweeps, a rolled-back script)
    # would be read past by every index probe; with nothing to do VACUUM takes seconds.
    log("vacuuming")
    vacuum(config.database_url)


def vacuum(database_url):
    run_statement(database_url, "VACUUM", autocommit=True)


def run_statement(database_url, sql, params=(), autocommit=False):
    """One statement on a connection of its own, before Django is set up; its first row."""
    import psycopg2

    connection = psycopg2.connect(database_url)
    connection.autocommit = autocommit
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone() if cursor.description else None
    finally:
        connection.close()


def seed_command(config):
    """The manage.py command that fills an empty bench database."""
    if config.seed == "demo":
        return ["seed_demo"]
    if config.seed == "scale":
        if config.users == "demo":
            raise SetupError("BENCH_USERS=demo goes with BENCH_SEED=demo")
        # Its sign-ins go where this run will read them.
        return ["seed_scale", f"--sign-ins={users_path(config)}", f"--scale={config.seed_scale}"]
    raise SetupError(f"BENCH_SEED must be scale or demo, not {config.seed!r}")


def seed(config, env, why, *options):
    command = [*seed_command(config), *options]
    log(f"{why}: manage.py {' '.join(command)} (this can take a while)")
    started = time.monotonic()
    manage(env, *command)
    log(f"seeded in {time.monotonic() - started:.0f} s")


def count_users(database_url):
    """How many users the database has, and how many of them seed_scale did not make."""
    return run_statement(
        database_url,
        "SELECT COUNT(*), COUNT(*) FILTER (WHERE email NOT LIKE %s) FROM accounts_user",
        [f"%@{SCALE_EMAIL_DOMAIN}"],
    )


def users_path(config):
    path = Path(config.users)
    return path if path.is_absolute() else ROOT / path


def load_users(config):
    if config.users == "demo":
        return dict(DEMO_USERS)
    path = users_path(config)
    if not path.exists():
        raise SetupError(
            f"no users file at {path}: seed_scale writes it (BENCH_USERS=demo uses the demo "
            "school's sign-ins instead)"
        )
    return json.loads(path.read_text())


# Inside Django: personas, page values, query counts -----------------------------------


def setup_django(env):
    os.environ.update({k: v for k, v in env.items() if k != "PYTHONPATH"})
    os.environ["DJANGO_SETTINGS_MODULE"] = "mentoring.settings"
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def resolve_values(users):
    """The ids and filter values the page paths name, and the user behind each persona."""
    from django.db.models import Count, F

    from accounts.models import User
    from mentoring.clerkships.models import Clerkship
    from mentoring.mentorships.models import Mentorship
    from mentoring.profiles.models import Area, Interest, MentorProfile

    people = {}
    for persona in ("student", "faculty", "coordinator", "staff"):
        email = users.get(persona)
        user = User.objects.filter(email__iexact=email).first() if email else None
        if user is None:
            raise SetupError(f"the {persona} sign-in {email!r} is not in the bench database")
        people[persona] = user

    mentorship_id = users.get("mentorship_id")
    if mentorship_id is None:
        mentorship = (
            Mentorship.objects.active().filter(mentor=people["faculty"]).order_by("pk").first()
            or Mentorship.objects.active().order_by("pk").first()
        )
        if mentorship is None:
            raise SetupError("no active mentorship for the timeline page")
        mentorship_id = mentorship.pk
    mentorship = Mentorship.objects.filter(pk=mentorship_id).select_related("mentor").first()
    if mentorship is None:
        raise SetupError(f"mentorship {mentorship_id} is not in the bench database")
    people["pair"] = mentorship.mentor

    # The long message thread: seed_scale names it; elsewhere (the demo school) the thread
    # of the benchmarked mentorship, whatever its length.
    thread_id = users.get("thread_mentorship_id") or mentorship_id
    thread = Mentorship.objects.filter(pk=thread_id).select_related("mentor").first()
    if thread is None:
        raise SetupError(f"mentorship {thread_id} (the message thread) is not in the database")
    people["thread"] = thread.mentor

    clerkship_id = users.get("clerkship_id")
    if clerkship_id is None:
        clerkship = Clerkship.objects.filter(coordinators=people["coordinator"]).first()
        if clerkship is None:
            raise SetupError("the coordinator coordinates no clerkship")
        clerkship_id = clerkship.pk

    # The directory filters: the interest most mentors with room share, then the area most
    # of those offer, so that the filtered page shows cards rather than "nothing matches".
    with_room = MentorProfile.objects.listed().filter(
        is_accepting=True, active_mentee_count__lt=F("capacity")
    )
    interest = (
        Interest.objects.filter(mentors__in=with_room)
        .annotate(n=Count("mentors"))
        .order_by("-n", "pk")
        .first()
    )
    if interest is None:
        raise SetupError("no listed mentor with room has an interest: is the database seeded?")
    area = (
        Area.objects.filter(mentors__in=with_room.filter(interests=interest))
        .annotate(n=Count("mentors"))
        .order_by("-n", "pk")
        .first()
    )
    words = re.findall(r"[a-z]{4,}", interest.name.lower()) or [interest.name.lower()]
    values = {
        "interest": quote_plus(interest.name),
        "area": area.slug if area else "",
        "q": quote_plus(words[-1]),
        "mentorship_id": mentorship_id,
        "thread_mentorship_id": thread_id,
        "clerkship_id": clerkship_id,
    }
    return people, values


def session_cookies(people):
    """A session per persona, written by Django's own login code into the bench database
    and cache: no sign-in form, so no password hashing and no rate limit in the way."""
    from django.conf import settings
    from django.test import Client

    cookies = {}
    for persona, user in people.items():
        client = Client()
        client.force_login(user)
        cookies[persona] = (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
    return cookies


def count_queries(path, cookie):
    """Status, SQL statements and their times for one request through the test client, after
    one request to warm whatever is cached per process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if cookie:
        name, _, value = cookie.partition("=")
        client.cookies[name] = value
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    statements = [
        {"ms": round(float(q["time"]) * 1000, 2), "sql": q["sql"]}
        for q in captured.captured_queries
    ]
    return response.status_code, statements


def dataset_counts():
    from accounts.models import User
    from mentoring.conversations.models import Message
    from mentoring.meetings.models import Meeting
    from mentoring.mentorships.models import Mentorship, MentorshipRequest
    from mentoring.profiles.models import MenteeProfile, MentorProfile

    return {
        "users": User.objects.count(),
        "faculty profiles": MentorProfile.objects.count(),
        "student profiles": MenteeProfile.objects.count(),
        "mentorships": Mentorship.objects.count(),
        "requests": MentorshipRequest.objects.count(),
        "meetings": Meeting.objects.count(),
        "messages": Message.objects.count(),
    }


def machine_facts(config):
    import django
    import gunicorn
    import redis
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    try:
        redis_version = redis.Redis.from_url(config.redis_url).info("server")["redis_version"]
    except redis.RedisError:
        redis_version = "unreachable"
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "git_commit": git_commit(),
        "cores": os.cpu_count(),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "postgres": postgres,
        "redis": redis_version,
        "django": django.get_version(),
        "gunicorn": gunicorn.__version__,
        "python_speed_ms": python_speed_ms(),
    }


def python_speed_ms():
    """Milliseconds this host takes for a fixed piece of Django work (a template of 50 rows
    rendered 200 times), best of three, taken while nothing else of the bench runs.

    The shared machines this runs on have changed speed by a third from hour to hour, the
    same code and data with them; two runs' figures compare after scaling by this one."""
    from django.template import Context, Template

    template = Template(
        "{% for row in rows %}<li>{{ row.name|title }}: {{ row.n|floatformat:1 }}</li>{% endfor %}"
    )
    context = Context({"rows": [{"name": f"mentor {n}", "n": n} for n in range(50)]})
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for _ in range(200):
            template.render(context)
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def git_commit():
    try:
        head = _git("rev-parse", "--short", "HEAD")
        dirty = _git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}+changes" if dirty else head


def _git(*args):
    # Fixed arguments from this module, not input.
    command = ["git", *args]  # noqa: S607
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)  # noqa: S603
    return result.stdout.strip()


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"
