"""Moving a site made before programmes into the default one (profiles 0013, clerkships
0005): rows of the old shape, built with the models as they were, then the migrations'
own functions run on them."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("programmes", "0002_default_programme"),
    ("profiles", "0012_programmes"),
    ("clerkships", "0004_clerkship_programme"),
]
into_programme = importlib.import_module(
    "mentoring.profiles.migrations.0013_into_default_programme"
)
clerkships_into = importlib.import_module(
    "mentoring.clerkships.migrations.0005_into_default_programme"
)
default_programme = importlib.import_module(
    "mentoring.programmes.migrations.0002_default_programme"
).default_programme


@pytest.fixture
def old_apps(transactional_db):
    """The models as they were before programmes, on a database migrated back to them;
    migrated forward again afterwards."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_old_rows_move_into_the_default_programme(old_apps, settings):
    settings.DEFAULT_PROGRAMME_NAME = "MD"
    User = old_apps.get_model("accounts", "User")
    MenteeProfile = old_apps.get_model("profiles", "MenteeProfile")
    MentorProfile = old_apps.get_model("profiles", "MentorProfile")
    Clerkship = old_apps.get_model("clerkships", "Clerkship")
    Programme = old_apps.get_model("programmes", "Programme")
    students = {}
    for n, stage in enumerate(["preclinical", "clerkship", "final", "resident", ""]):
        user = User.objects.create(email=f"s{n}@example.edu", display_name=f"S{n}")
        students[stage] = MenteeProfile.objects.create(user=user, stage=stage)
    mentors = [
        MentorProfile.objects.create(
            user=User.objects.create(email=f"m{n}@example.edu", display_name=f"M{n}")
        )
        for n in range(3)
    ]
    # A mentor already placed (a second run) is not added twice. The default programme is
    # the migration's, made again if a transactional test's flush took the one it made.
    md = default_programme(old_apps)
    assert Programme.objects.filter(name="MD").count() == 1
    mentors[0].programmes.add(md)
    Clerkship.objects.create(name="Surgery")

    into_programme.move_into_default_programme(old_apps, None)
    clerkships_into.into_default_programme(old_apps, None)

    moved = {
        stage: (p.programme.name, p.programme_stage and p.programme_stage.name)
        for stage, p in (
            (stage, MenteeProfile.objects.get(pk=p.pk)) for stage, p in students.items()
        )
    }
    assert moved == {
        "preclinical": ("MD", "Preclinical years"),
        "clerkship": ("MD", "Clerkship year"),
        "final": ("MD", "Final year"),
        "resident": ("MD", "Resident"),
        "": ("MD", None),  # no stage said stays none
    }
    stages = list(md.stages.order_by("position").values_list("name", "is_early"))
    assert stages == [
        ("Preclinical years", True),
        ("Clerkship year", True),
        ("Final year", False),
        ("Resident", False),
    ]
    Through = MentorProfile.programmes.through
    assert sorted(Through.objects.values_list("mentorprofile_id", "programme_id")) == sorted(
        (m.pk, md.pk) for m in mentors
    )
    assert Clerkship.objects.get(name="Surgery").programme_id == md.pk
    assert Programme.objects.count() == 1


def test_the_default_programme_takes_its_name_from_the_setting(old_apps, settings):
    settings.DEFAULT_PROGRAMME_NAME = "  Doctor of  Medicine "
    default = importlib.import_module("mentoring.programmes.migrations.0002_default_programme")
    programme = default.default_programme(old_apps)
    assert programme.name == "Doctor of Medicine"
    assert programme.stages.count() == 4
    # Found again, whatever the case: never a second one.
    settings.DEFAULT_PROGRAMME_NAME = "doctor of medicine"
    assert default.default_programme(old_apps).pk == programme.pk
