"""The default programme (settings.DEFAULT_PROGRAMME_NAME, "MD" unless set) with the four
stages the site had before programmes, the first two early. Every site has it: existing
people and clerkships are moved into it by profiles 0013 and clerkships 0005."""

from django.conf import settings
from django.db import migrations

# Frozen here: the stages as they were (programmes.models.MD_STAGES may change later).
STAGES = [
    # old value, name, is_early
    ("preclinical", "Preclinical years", True),
    ("clerkship", "Clerkship year", True),
    ("final", "Final year", False),
    ("resident", "Resident", False),
]


def default_programme(apps):
    """The default programme, made with the four stages if there is none of that name."""
    Programme = apps.get_model("programmes", "Programme")
    Stage = apps.get_model("programmes", "Stage")
    name = " ".join(settings.DEFAULT_PROGRAMME_NAME.split())
    programme = Programme.objects.filter(name__iexact=name).first()
    if programme is None:
        programme = Programme.objects.create(name=name)
        Stage.objects.bulk_create(
            Stage(programme=programme, name=stage, is_early=early, position=n)
            for n, (_, stage, early) in enumerate(STAGES, start=1)
        )
    return programme


def add_default_programme(apps, schema_editor):
    default_programme(apps)


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]
    operations = [migrations.RunPython(add_default_programme, migrations.RunPython.noop)]
