"""Programmes (issue 20): every clerkship belongs to a programme; those made before
programmes to the default one (settings.DEFAULT_PROGRAMME_NAME)."""

import importlib

import django.db.models.deletion
from django.db import migrations, models

default = importlib.import_module("mentoring.programmes.migrations.0002_default_programme")


def into_default_programme(apps, schema_editor):
    Clerkship = apps.get_model("clerkships", "Clerkship")
    if Clerkship.objects.filter(programme=None).exists():
        Clerkship.objects.filter(programme=None).update(programme=default.default_programme(apps))


class Migration(migrations.Migration):

    dependencies = [
        ('clerkships', '0003_waiting_rotation'),
        ('programmes', '0002_default_programme'),
    ]

    operations = [
        migrations.AddField(
            model_name='clerkship',
            name='programme',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='clerkships', to='programmes.programme'),
        ),
        migrations.RunPython(into_default_programme, migrations.RunPython.noop),
    ]
