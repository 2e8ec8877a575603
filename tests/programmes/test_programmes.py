"""Programmes and their stages: the lookups a roster import uses, the student's form
refusing another programme's stage, and guidance read from the stage's flag."""

import pytest
from django.urls import reverse

from mentoring.lib.guidance import meeting_prompts
from mentoring.profiles.models import MenteeProfile
from mentoring.programmes.models import Programme, Stage
from tests.factories import default_programme, make_mentee, make_mentor, make_programme

pytestmark = pytest.mark.django_db


def test_programmes_and_stages_are_found_by_name_whatever_the_case():
    pa = make_programme("PA studies", [("Didactic year", True), ("Clinical year", False)])
    assert Programme.objects.by_name("  pa   STUDIES ") == pa
    assert Programme.objects.by_name("md") == default_programme()
    assert pa.stage_named("clinical YEAR").name == "Clinical year"
    with pytest.raises(Programme.DoesNotExist):
        Programme.objects.by_name("Nursing")
    with pytest.raises(Stage.DoesNotExist):
        pa.stage_named("Final year")  # MD's, not PA's


def test_the_default_programme_has_the_four_stages_in_order():
    md = default_programme()
    assert [(s.name, s.is_early) for s in md.stages.order_by("position")] == [
        ("Preclinical years", True),
        ("Clerkship year", True),
        ("Final year", False),
        ("Resident", False),
    ]


def test_a_stage_of_another_programme_is_refused_with_the_reason(client):
    pa = make_programme("PA studies", [("Didactic year", True)])
    student = make_mentee()
    client.force_login(student)
    page = client.get(reverse("profiles:edit-mentee")).content.decode()
    assert '<optgroup label="PA studies">' in page and "Your programme" in page
    data = {"programme": default_programme().pk, "stage": pa.stage_named("Didactic year").pk}
    response = client.post(reverse("profiles:edit-mentee"), data | {"modes": ["video"]})
    assert response.status_code == 200
    assert (
        "“Didactic year” is a stage of PA studies, not of MD: choose one of MD's stages."
        in response.content.decode().replace("&#x27;", "'")
    )
    assert MenteeProfile.objects.get(user=student).stage.name == "Preclinical years"
    # Choosing the programme with its stage moves the student.
    data["programme"] = pa.pk
    assert client.post(reverse("profiles:edit-mentee"), data).status_code == 302
    profile = MenteeProfile.objects.get(user=student)
    assert (profile.programme, profile.stage.name) == (pa, "Didactic year")


def test_a_mentor_chooses_the_programmes_they_mentor_in(client):
    make_programme("PA studies")
    faculty = make_mentor()
    client.force_login(faculty)
    page = client.get(reverse("profiles:edit-mentor")).content.decode()
    assert "Programmes you mentor in" in page
    response = client.post(reverse("profiles:edit-mentor"), {"title": "Dr"})
    assert "Choose at least one programme whose students you mentor." in response.content.decode()


def test_guidance_follows_the_stages_flag():
    late_start = make_programme("Residency", [("PGY-1", False)])
    student = make_mentee(programme=late_start, stage="PGY-1")
    assert MenteeProfile.objects.stage_is_early(student.pk) is False
    assert not student.mentee_profile.is_early
    unsaid = make_mentee(stage="")
    assert MenteeProfile.objects.stage_is_early(unsaid.pk) is True
    assert meeting_prompts("mentor", False) != meeting_prompts("mentor", True)
