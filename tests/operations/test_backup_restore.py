"""The restore drill: the demo school is seeded into a database of its own, backed up with
deploy/backup.sh (pg_dump's custom format and the documents folder), restored with
deploy/restore.sh into a new database, and the product, run on the restored copy under
gunicorn, signs people in and shows a mentorship and the dashboards. Every table holds as
many rows as before, and the documents come back byte for byte."""

import os
import re
import shutil
import subprocess
import sys
import uuid

import psycopg2
import pytest
import requests
from django.db import connection

from tests.celery_helpers import wait_for
from tests.conftest import service_missing
from tests.reliability.conftest import spare_port
from tests.reliability.test_worker_killed import ROOT

pytestmark = pytest.mark.postgres
PASSWORD = "demo-mentoring-2026"  # the demo school's (README, "Demo sign-ins")


@pytest.fixture
def databases():
    """make(prefix) creates an empty database and returns its URL; all are dropped after."""
    if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        service_missing("the pg_dump and pg_restore programs")
    settings = connection.settings_dict
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    auth = (
        f"{settings['USER']}:{settings['PASSWORD']}" if settings["PASSWORD"] else settings["USER"]
    )
    admin = psycopg2.connect(
        dbname="postgres",
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=host,
        port=port,
    )
    admin.autocommit = True
    made = []

    def make(prefix):
        name = f"{prefix}_{uuid.uuid4().hex[:8]}"
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return f"postgres://{auth}@{host}:{port}/{name}"

    yield make
    with admin.cursor() as cursor:
        for name in made:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def run(command, **env):
    result = subprocess.run(
        command, cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{command}: {result.stdout[-2000:]}{result.stderr[-3000:]}"
    return result.stdout


def row_counts(url):
    with psycopg2.connect(url) as db, db.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = sorted(name for (name,) in cursor.fetchall())
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 (names from pg_tables)
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def served(tmp_path):
    """serve(database_url, media_root) runs the product under gunicorn on loopback."""
    started = []

    def serve(url, media_root):
        port = spare_port()
        env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
        env.update(
            DATABASE_URL=url,
            MEDIA_ROOT=str(media_root),
            VAR_DIR=str(tmp_path / "var"),
            DEVELOPMENT="true",
            DEBUG="false",
            ALLOWED_HOSTS="127.0.0.1",
            CELERY_TASK_ALWAYS_EAGER="true",
            REQUEST_LOG="false",
        )
        log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 (closed with the server)
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "mentoring.wsgi:application",
             "--bind", f"127.0.0.1:{port}", "--workers", "1", "--no-control-socket"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        started.append((process, log))
        base = f"http://127.0.0.1:{port}"

        def answering():
            try:
                return requests.get(f"{base}/healthz/", timeout=2).status_code == 200
            except requests.ConnectionError:
                return False

        assert wait_for(answering, 60), (tmp_path / "gunicorn.log").read_text()[-3000:]
        return base

    yield serve
    for process, log in started:
        process.terminate()
        process.wait(20)
        log.close()


def signed_in(base, email):
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/", timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = session.post(
        f"{base}/accounts/login/",
        data={"login": email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        timeout=30,
    )
    assert response.status_code == 200 and "/accounts/login/" not in response.url, email
    return session


def test_a_backup_restores_and_the_product_serves_it(databases, served, tmp_path):
    source, media = databases("mentoring_backup"), tmp_path / "media"
    run([sys.executable, "manage.py", "migrate", "--verbosity", "0"], DATABASE_URL=source)
    run([sys.executable, "manage.py", "seed_demo"], DATABASE_URL=source)
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "plan.pdf").write_bytes(b"%PDF-1.4 a study plan\n")

    made = run(
        ["sh", "deploy/backup.sh"],
        DATABASE_URL=source,
        MEDIA_ROOT=str(media),
        BACKUP_DIR=str(tmp_path / "backups"),
    ).split()
    dump, tarball = made
    assert dump.endswith(".dump") and tarball.endswith(".tar.gz")
    assert oct(os.stat(dump).st_mode & 0o777) == "0o600"  # everyone's messages are in it

    restored, restored_media = databases("mentoring_restore"), tmp_path / "media-restored"
    run(["sh", "deploy/restore.sh", dump, tarball], DATABASE_URL=restored,
        MEDIA_ROOT=str(restored_media))  # fmt: skip

    before, after = row_counts(source), row_counts(restored)
    assert after == before
    assert before["accounts_user"] > 50 and before["mentorships_mentorship"] > 10
    assert (restored_media / "documents" / "plan.pdf").read_bytes() == b"%PDF-1.4 a study plan\n"
    # The restored schema is the code's: nothing for `migrate` to do.
    run([sys.executable, "manage.py", "migrate", "--check"], DATABASE_URL=restored)

    base = served(restored, restored_media)
    faculty = signed_in(base, "faculty@med.example.edu")
    mentees = faculty.get(f"{base}/mentorships/mentees/", timeout=30)
    assert mentees.status_code == 200
    mentorship = re.search(r'href="(/mentorships/\d+/)"', mentees.text).group(1)
    page = faculty.get(f"{base}{mentorship}", timeout=30)
    assert page.status_code == 200 and "Last contact" in page.text

    coordinator = signed_in(base, "coordinator@med.example.edu")
    dashboards = coordinator.get(f"{base}/dashboards/", timeout=30)
    assert dashboards.status_code == 200 and "Internal Medicine" in dashboards.text
    school = signed_in(base, "staff@med.example.edu").get(f"{base}/dashboards/school/", timeout=60)
    assert school.status_code == 200
