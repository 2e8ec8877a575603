"""A stored tsvector of search_text for the directory's search (PostgreSQL only; SQLite scans).

Matching through the expression index of 0003 rechecked each candidate row by running
to_tsvector on its text again, and ranking ran it once more per match (PERFORMANCE.md). A
generated column keeps the vector current with every write of search_text, whoever writes
it (the ORM, the scale seeder's COPY), and the GIN index moves onto it. Adding it rewrites
the table in one statement.

No statistics on the column: given the true share of matches of a common word (a fifth of
the faculty), the planner prefers reading the whole table and testing every row, which it
costs as nearly free but is several times slower than the index; without statistics it
assumes a selective search and uses the index.
"""

from django.db import migrations

from mentoring.lib.migrations import PostgresOnlySQL


class Migration(migrations.Migration):
    dependencies = [("profiles", "0003_search_index")]
    operations = [
        PostgresOnlySQL(
            [
                "ALTER TABLE profiles_mentorprofile ADD COLUMN search_vector tsvector "
                "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, search_text)) STORED",
                "ALTER TABLE profiles_mentorprofile ALTER COLUMN search_vector SET STATISTICS 0",
                "CREATE INDEX mentorprofile_search_vector_gin ON profiles_mentorprofile "
                "USING gin (search_vector)",
                "DROP INDEX mentorprofile_search_gin",
            ],
            [
                "CREATE INDEX mentorprofile_search_gin ON profiles_mentorprofile "
                "USING gin (to_tsvector('english'::regconfig, COALESCE(search_text, '')))",
                "ALTER TABLE profiles_mentorprofile DROP COLUMN search_vector",
            ],
        )
    ]
