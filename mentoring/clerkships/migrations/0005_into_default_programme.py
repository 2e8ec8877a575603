"""Programmes (issue 20): the clerkships made before programmes belong to the default one
(settings.DEFAULT_PROGRAMME_NAME). tests/programmes/test_migration.py runs this on old rows."""

import importlib

from django.db import migrations

default = importlib.import_module("mentoring.programmes.migrations.0002_default_programme")


def into_default_programme(apps, schema_editor):
    Clerkship = apps.get_model("clerkships", "Clerkship")
    if Clerkship.objects.filter(programme=None).exists():
        Clerkship.objects.filter(programme=None).update(programme=default.default_programme(apps))


class Migration(migrations.Migration):
    dependencies = [("clerkships", "0004_clerkship_programme")]
    operations = [migrations.RunPython(into_default_programme, migrations.RunPython.noop)]
