"""A fresh demo-school database for a drill, cloned from a template when one is ready.

Migrating and seeding take most of a drill's setup; `CREATE DATABASE ... TEMPLATE` copies
the result in a fraction of a second. The template's name carries today's date (the demo
school's dates count from today, in UTC as settings.TIME_ZONE) and a hash of the code that
made it (every migration, model, seed and setting under accounts/ and mentoring/): a
template made by other code or on another day is never used, and those of earlier days are
dropped. The clone is then
migrated like any database (nothing to apply) and vacuumed by bench.data.ensure_database.
"""

import contextlib
import datetime
import hashlib
from urllib.parse import urlsplit, urlunsplit

from bench import data
from bench.config import ROOT, SetupError, log

PREFIX = "mentoring_drilltemplate_"
SOURCES = ("accounts", "mentoring")


def code_hash():
    digest = hashlib.sha256()
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def template_name(today=None):
    return f"{PREFIX}{(today or datetime.datetime.now(datetime.UTC).date()):%Y%m%d}_{code_hash()}"


def admin_url(database_url):
    return urlunsplit(urlsplit(database_url)._replace(path="/postgres"))


def database_name(database_url):
    name = urlsplit(database_url).path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SetupError(f"unexpected database name {name!r}")
    return name


def statement(admin, sql):
    """DDL on names database_name() or the pattern of PREFIX checked: no quoting needed."""
    data.run_statement(admin, sql, autocommit=True)


def exists(admin, name):
    return data.run_statement(admin, "SELECT 1 FROM pg_database WHERE datname = %s", [name])


def fresh_database(config, env):
    """Drop the drill's database, then clone it from today's template, or migrate and seed
    it and keep it as the template for the next drill."""
    import psycopg2

    admin = admin_url(config.database_url)
    name, template = database_name(config.database_url), template_name()
    log(f"dropping database {name}")
    statement(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if exists(admin, template):
        log(f"cloning {name} from {template}")
        statement(admin, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        data.ensure_database(config, env)
        return
    data.ensure_database(config, env)
    try:
        # No one is connected to the new database yet: ensure_database's commands are done.
        statement(admin, f'CREATE DATABASE "{template}" TEMPLATE "{name}"')
        log(f"kept the seeded database as {template}")
    except psycopg2.Error as error:  # another drill made it meanwhile, or it is busy: no matter
        log(f"no template kept: {str(error).strip()}")
    drop_stale_templates(admin, template)


def drop_stale_templates(admin, keep):
    """Templates of earlier days: never cloned again. Today's others may serve a checkout
    with other code, and stay until tomorrow."""
    import psycopg2

    today = keep.removeprefix(PREFIX).split("_", 1)[0]
    connection = psycopg2.connect(admin)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{PREFIX}%"])
            names = [row[0] for row in cursor.fetchall()]
    finally:
        connection.close()
    for name in names:
        day = name.removeprefix(PREFIX).split("_", 1)[0]
        if day < today and name.replace("_", "").isalnum():
            # Being cloned by another drill right now: tomorrow's run drops it.
            with contextlib.suppress(psycopg2.Error):
                statement(admin, f'DROP DATABASE IF EXISTS "{name}"')
