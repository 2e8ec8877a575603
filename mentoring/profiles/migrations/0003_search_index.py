"""A GIN index for the directory's full-text search (PostgreSQL only; SQLite scans).

The expression must match directory.SEARCH_VECTOR exactly for the planner to use it.
"""

from django.db import migrations

from mentoring.lib.migrations import PostgresOnlySQL


class Migration(migrations.Migration):
    dependencies = [("profiles", "0002_areas")]
    operations = [
        PostgresOnlySQL(
            "CREATE INDEX mentorprofile_search_gin ON profiles_mentorprofile "
            "USING gin (to_tsvector('english'::regconfig, COALESCE(search_text, '')))",
            "DROP INDEX mentorprofile_search_gin",
        )
    ]
