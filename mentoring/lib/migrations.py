"""Migration operations for features only PostgreSQL has, skipped on SQLite."""

from django.db import migrations


class PostgresOnlySQL(migrations.RunSQL):
    """Raw SQL run on PostgreSQL and skipped elsewhere (a GIN index, for example)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
