"""The areas a mentor can offer and a mentee can seek. Staff can add more in the admin."""

from django.db import migrations

AREAS = [
    # slug, name, stage fit (see Area.StageFit)
    ("career-planning", "Career planning and specialty choice", "advanced"),
    ("research", "Research", "any"),
    ("clinical-skills", "Clinical skills", "early"),
    ("study-skills", "Study skills and exams", "early"),
    ("residency-applications", "Residency applications", "advanced"),
    ("presenting-publishing", "Presenting and publishing", "any"),
    ("work-habits", "Work habits and time management", "early"),
    ("wellbeing", "Work-life balance and wellbeing", "any"),
    ("teaching", "Teaching", "advanced"),
    ("leadership", "Leadership", "advanced"),
    ("global-health", "Global and community health", "any"),
    ("belonging", "Belonging and identity in medicine", "any"),
]


def add_areas(apps, schema_editor):
    Area = apps.get_model("profiles", "Area")
    for position, (slug, name, fit) in enumerate(AREAS):
        Area.objects.update_or_create(
            slug=slug, defaults={"name": name, "stage_fit": fit, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("profiles", "0001_initial")]
    operations = [migrations.RunPython(add_areas, migrations.RunPython.noop)]
