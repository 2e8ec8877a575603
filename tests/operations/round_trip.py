"""Run by test_migrations_reverse.py in a process of its own, on the fresh database named by
DATABASE_URL: every migration forward, each app back to zero (its dependents first), then
forward again. Prints what it did as JSON on the last line."""

import json
import os
import sys

import django


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mentoring.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    call_command("migrate", verbosity=0)
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes(), clean_start=True)
    apps = list(dict.fromkeys(migration.app_label for migration, _ in plan))
    reversed_apps = []
    for app in reversed(apps):  # the last to depend on others goes back first
        call_command("migrate", app, "zero", verbosity=0)
        reversed_apps.append(app)
    left = sorted(connection.introspection.table_names())
    call_command("migrate", verbosity=0)
    call_command("migrate", check_unapplied=True, verbosity=0)  # exits 1 if any is left
    print(json.dumps({"apps": reversed_apps, "tables_left_at_zero": left}))


if __name__ == "__main__":
    sys.exit(main())
