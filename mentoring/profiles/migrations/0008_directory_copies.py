"""The directory on MentorProfile alone: copies of the account's name and active flag, an
index for each order the directory offers, and the stored search vector declared.

- display_name and is_listed copy the user's display_name and is_active (kept by
  profiles/apps.py), filled here from the users.
- Each order of the directory (matching/directory.py ORDERS) is one partial index on the
  listed profiles, in full down to the id: every page is a range of an index.
- search_vector (0004, PostgreSQL) becomes a model field, a GeneratedField with the same
  expression; its column and GIN index exist already there, so on PostgreSQL only the
  state changes and the index gets a name Django accepts. Other databases get a column of
  NULLs (the directory searches search_text there) and no GIN index.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.expressions
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

import mentoring.profiles.models
from mentoring.lib.migrations import PostgresOnlySQL


class AddFieldUnlessPostgres(migrations.AddField):
    """AddField, but on PostgreSQL, where migration 0004 made the column already."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def copy_accounts(apps, schema_editor):
    MentorProfile = apps.get_model("profiles", "MentorProfile")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    user = User.objects.filter(pk=OuterRef("user_id"))
    MentorProfile.objects.update(
        display_name=Subquery(user.values("display_name")[:1]),
        is_listed=Subquery(user.values("is_active")[:1]),
    )


SEARCH_VECTOR = models.GeneratedField(
    db_persist=True,
    expression=mentoring.profiles.models.EnglishSearchVector("search_text"),
    output_field=django.contrib.postgres.search.SearchVectorField(),
)


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0007_directory_order"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="mentorprofile",
            name="mentor_directory_order",
        ),
        migrations.AddField(
            model_name="mentorprofile",
            name="display_name",
            field=models.CharField(blank=True, editable=False, max_length=120),
        ),
        migrations.AddField(
            model_name="mentorprofile",
            name="is_listed",
            field=models.BooleanField(default=True, editable=False),
        ),
        migrations.RunPython(copy_accounts, migrations.RunPython.noop),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="mentorprofile", name="search_vector", field=SEARCH_VECTOR
                ),
            ],
            database_operations=[
                AddFieldUnlessPostgres(
                    model_name="mentorprofile", name="search_vector", field=SEARCH_VECTOR
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="mentorprofile",
            index=models.Index(
                models.OrderBy(models.F("is_accepting"), descending=True),
                models.OrderBy(
                    django.db.models.expressions.CombinedExpression(
                        models.F("capacity"), "-", models.F("active_mentee_count")
                    ),
                    descending=True,
                ),
                models.F("pending_request_count"),
                models.F("display_name"),
                models.F("id"),
                condition=models.Q(("is_listed", True)),
                include=("capacity", "active_mentee_count"),
                name="mentor_directory_order",
            ),
        ),
        migrations.AddIndex(
            model_name="mentorprofile",
            index=models.Index(
                condition=models.Q(("is_listed", True)),
                fields=["response_hours", "display_name", "id"],
                name="mentor_directory_response",
            ),
        ),
        migrations.AddIndex(
            model_name="mentorprofile",
            index=models.Index(
                condition=models.Q(("is_listed", True)),
                fields=["display_name", "id"],
                name="mentor_directory_name",
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(
                    model_name="mentorprofile",
                    index=django.contrib.postgres.indexes.GinIndex(
                        fields=["search_vector"], name="mentor_search_vector_gin"
                    ),
                ),
            ],
            database_operations=[
                PostgresOnlySQL(
                    "ALTER INDEX mentorprofile_search_vector_gin "
                    "RENAME TO mentor_search_vector_gin",
                    "ALTER INDEX mentor_search_vector_gin "
                    "RENAME TO mentorprofile_search_vector_gin",
                ),
            ],
        ),
    ]
