"""Every migration applies and reverses on PostgreSQL: on a fresh database, each app goes
back to zero and forward again (README, "Upgrading"). A migration without a way back
(RunPython without reverse_code) fails here, before a release needs to roll back."""

import json
import os
import subprocess
import sys
import uuid

import psycopg2
import pytest
from django.db import connection

from tests.reliability.test_worker_killed import ROOT

pytestmark = pytest.mark.postgres


@pytest.fixture
def fresh_database():
    settings = connection.settings_dict
    name = f"mentoring_migrations_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(
        dbname="postgres",
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    auth = (
        f"{settings['USER']}:{settings['PASSWORD']}" if settings["PASSWORD"] else settings["USER"]
    )
    yield f"postgres://{auth}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{name}"
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_every_migration_reverses_and_applies_again(fresh_database):
    env = {**os.environ, "DATABASE_URL": fresh_database, "DEBUG": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.operations.round_trip"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    done = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"accounts", "operations", "profiles", "notifications"} <= set(done["apps"])
    # Back at zero nothing of the schema is left but Django's own bookkeeping and the
    # cache table, which `migrate` makes outside any migration.
    assert set(done["tables_left_at_zero"]) <= {"django_migrations", "cache_entries"}
