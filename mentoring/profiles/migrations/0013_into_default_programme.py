"""Programmes (issue 20), second step: everyone made before programmes belongs to the
default programme. Every mentee's stage text becomes the default programme's stage of
that meaning (none stays none), every mentee with a profile is in that programme, and
every mentor mentors in it. tests/programmes/test_migration.py runs this on old rows."""

import importlib

from django.db import migrations

default = importlib.import_module("mentoring.programmes.migrations.0002_default_programme")


def move_into_default_programme(apps, schema_editor):
    MenteeProfile = apps.get_model("profiles", "MenteeProfile")
    MentorProfile = apps.get_model("profiles", "MentorProfile")
    programme = default.default_programme(apps)
    names = {old: name for old, name, _ in default.STAGES}
    stages = {stage.name: stage for stage in programme.stages.all()}
    MenteeProfile.objects.filter(programme=None).update(programme=programme)
    for old, name in names.items():
        MenteeProfile.objects.filter(stage=old, programme_stage=None).update(
            programme_stage=stages[name]
        )
    Through = MentorProfile.programmes.through
    Through.objects.bulk_create(
        [
            Through(mentorprofile_id=pk, programme_id=programme.pk)
            for pk in MentorProfile.objects.values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [("profiles", "0012_programmes")]
    operations = [migrations.RunPython(move_into_default_programme, migrations.RunPython.noop)]
