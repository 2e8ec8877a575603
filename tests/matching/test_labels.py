"""labels.py: each mentor's interests and areas, in the models' order, in one query."""

import random

import pytest

from mentoring.matching.labels import MENTEE, MENTOR, AreaLabel, Labels, labels_of
from mentoring.profiles.models import Area
from tests.factories import make_mentee, make_mentor

pytestmark = pytest.mark.django_db


def test_each_mentor_gets_their_own_labels_in_the_models_order(django_assert_num_queries):
    ada = make_mentor(
        interests=["Zoonoses", "anatomy", "Medical education"],
        areas=["teaching", "career-planning", "research"],
    ).mentor_profile
    ben = make_mentor(interests=["Anatomy"], areas=["wellbeing"]).mentor_profile
    bare = make_mentor().mentor_profile
    with django_assert_num_queries(1):
        labels = labels_of([ada.pk, ben.pk, bare.pk])
    assert [name for _, name in labels[ada.pk].interests] == [
        "anatomy",
        "Medical education",
        "Zoonoses",
    ]
    assert [(area.name, area.stage_fit) for area in labels[ada.pk].areas] == [
        ("Career planning and specialty choice", "advanced"),
        ("Research", "any"),
        ("Teaching", "advanced"),
    ]
    # "Anatomy" and "anatomy" are one interest, shown as first written.
    (shared,) = labels[ben.pk].interests
    assert shared == labels[ada.pk].interests[0]
    assert [area.name for area in labels[ben.pk].areas] == ["Work-life balance and wellbeing"]
    assert labels[bare.pk] == Labels()


def test_no_mentors_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert labels_of([]) == {}


def test_a_mentees_interests_and_areas_sought():
    profile = make_mentee(interests=["Surgery", "anatomy"], areas=["research"]).mentee_profile
    labels = labels_of([profile.pk], MENTEE)[profile.pk]
    assert [name for _, name in labels.interests] == ["anatomy", "Surgery"]
    (research,) = labels.areas
    assert (research.name, research.stage_fit) == ("Research", "any")
    assert research.id == profile.areas_sought.get().pk


@pytest.mark.parametrize("seed", [1, 2])
def test_labels_equal_the_plain_orm_reading_on_varied_profiles(seed):
    # labels.py is SQL text for speed (its module docstring): it must say what a prefetch
    # of the models' own relations, in their own orderings, says.
    rng = random.Random(seed)
    names = ["Zoonoses", "anatomy", "Ethics", "surgery", "Global health", "oncology"]
    slugs = list(Area.objects.values_list("slug", flat=True))
    mentors = [
        make_mentor(
            interests=rng.sample(names, rng.randint(0, 4)),
            areas=rng.sample(slugs, rng.randint(0, 5)),
        ).mentor_profile.pk
        for _ in range(15)
    ]
    mentees = [
        make_mentee(
            interests=rng.sample(names, rng.randint(0, 3)),
            areas=rng.sample(slugs, rng.randint(0, 3)),
        ).mentee_profile.pk
        for _ in range(5)
    ]
    for kind, ids, areas in [(MENTOR, mentors, "areas"), (MENTEE, mentees, "areas_sought")]:
        profiles = kind[0].objects.filter(pk__in=ids).prefetch_related("interests", areas)
        expected = {
            profile.pk: Labels(
                interests=[(i.pk, i.name) for i in profile.interests.all()],
                areas=[AreaLabel(a.pk, a.name, a.stage_fit) for a in getattr(profile, areas).all()],
            )
            for profile in profiles
        }
        assert labels_of(ids, kind) == expected
