"""A GIN index for the directory's full-text search (PostgreSQL only; SQLite scans).

The expression must match directory.SEARCH_VECTOR exactly for the planner to use it.
"""

from django.db import migrations

from mentoring.lib.migrations import PostgresOnlySQL


class Migration(migrations.Migration):
    dependencies = [("profiles", "0003_mentorprofile_profiles_me_mode_in_2ab40e_idx_and_more")]
    operations = [
        PostgresOnlySQL(
            "CREATE INDEX mentorprofile_search_gin ON profiles_mentorprofile "
            "USING gin (to_tsvector('english'::regconfig, COALESCE(search_text, '')))",
            "DROP INDEX mentorprofile_search_gin",
        )
    ]
