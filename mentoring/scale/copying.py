"""Writing many rows fast: PostgreSQL COPY from in-memory text, ids chosen here, then
sequences, statistics and a clean slate. Only seed_scale uses it; the app never does."""

import datetime
import io
import json

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

# Rows per COPY statement: large enough that the round trip is noise, small enough that
# the progress bar moves and the buffer stays a few megabytes.
CHUNK = 50_000

# Everything about people and mentoring; not contenttypes, permissions or migrations.
SEEDED_APPS = {
    "account",
    "accounts",
    "admin",
    "sessions",
    "notifications",
    "profiles",
    "clerkships",
    "mentorships",
    "conversations",
    "goals",
    "meetings",
    "feedback",
    "dashboards",
}
# Areas are reference data written by a migration (profiles 0002), not by any seeder.
KEPT_MODELS = {"profiles.Area"}

_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def text_value(value):
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, datetime.date):  # dates and datetimes alike
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value).translate(_ESCAPES)
    return str(value)


class Copier:
    """COPY rows into one model's table, reporting progress as chunks go in."""

    def __init__(self, progress):
        self.progress = progress

    def copy(self, model, fields, rows, total, label):
        """rows: tuples in the order of `fields` (model field names, "id" included). Every
        other column gets the model field's default, as Model() would give it: COPY knows
        nothing of Django's defaults, and the columns have none of their own."""
        named = [model._meta.get_field(name) for name in fields]
        # A generated column (MentorProfile.search_vector) is the database's to fill.
        rest = [f for f in model._meta.concrete_fields if f not in named and not f.generated]
        columns = ", ".join(connection.ops.quote_name(f.column) for f in named + rest)
        sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
        defaults = "".join("\t" + text_value(f.get_default()) for f in rest)
        done, lines = 0, []
        self.progress(label, 0, total)
        with connection.cursor() as cursor:
            for row in rows:
                lines.append("\t".join(map(text_value, row)) + defaults)
                if len(lines) == CHUNK:
                    done += self._send(cursor, sql, lines)
                    self.progress(label, done, total)
                    lines = []
            if lines:
                done += self._send(cursor, sql, lines)
        self.progress(label, done, max(total, done), finished=True)
        return done

    @staticmethod
    def _send(cursor, sql, lines):
        buffer = io.StringIO("\n".join(lines) + "\n")
        cursor.cursor.copy_expert(sql, buffer)  # the psycopg2 cursor under Django's wrapper
        return len(lines)


def next_id(model):
    """The first free primary key; the seeder numbers rows itself so that it can link them
    before they exist (meetings to mentorships, goals to meetings)."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")  # noqa: S608
        return cursor.fetchone()[0]


def seeded_models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in SEEDED_APPS and model._meta.label not in KEPT_MODELS
    ]


def reset_sequences():
    """Point every sequence past the ids written by hand, so that the app's inserts work."""
    statements = connection.ops.sequence_reset_sql(no_style(), seeded_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def delete_everything():
    """Empty every table of people and mentoring data (areas stay) in one TRUNCATE."""
    tables = [model._meta.db_table for model in seeded_models()]
    statements = connection.ops.sql_flush(
        no_style(), tables, reset_sequences=True, allow_cascade=True
    )
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def analyze():
    """Fresh planner statistics for the tables just filled, and (VACUUM) visibility maps
    and hint bits, so that the first benchmark run does not pay for them. VACUUM cannot
    run inside a transaction (a test's), where a plain ANALYZE does."""
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for model in seeded_models():
            cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")
