"""The optional gender question: a short list or one's own words, said truthfully, counted
with answers that mean the same, and still matched for "a mentor who shares my gender"."""

import html
import importlib
import re

import pytest
from django.apps import apps

from mentoring.profiles.models import MenteeProfile, MentorProfile
from tests.factories import make_mentee, make_mentor, make_user
from tests.profiles.test_profile_edit import MENTEE_URL, MENTOR_URL, mentee_form, mentor_form

pytestmark = pytest.mark.django_db


def text(response):
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(body).split())


@pytest.fixture
def profile(client, mentor):
    client.force_login(mentor)
    return mentor.mentor_profile


def test_the_form_offers_the_list_and_own_words(client, profile):
    response = client.get(MENTOR_URL)
    page = response.content.decode()

    offered = re.findall(r'<input type="radio" name="gender" value="([^"]*)"', page)
    assert offered == ["", "woman", "man", "non-binary", "self-described", "not-said"]
    listed = "No answer Woman Man Non-binary Prefer to self-describe Prefer not to say"
    assert listed in text(response)
    assert 'type="text" name="gender_self_described"' in page


def test_the_consent_text_says_what_happens_to_the_answer(client, profile, mentee):
    mentor_page = text(client.get(MENTOR_URL))
    assert "never shown to anyone" not in mentor_page
    assert (
        "No one else sees your answer. It ranks recommendations for students who ask for a "
        "mentor who shares it, and coordinators' dashboards count it only in groups of five "
        "or more people." in mentor_page
    )
    client.force_login(mentee)
    mentee_page = text(client.get(MENTEE_URL))
    assert "never shown to anyone" not in mentee_page
    assert "It is used only to rank your own recommendations" in mentee_page
    assert "no dashboard counts it" in mentee_page


def test_a_listed_answer_is_saved(client, profile):
    assert client.post(MENTOR_URL, mentor_form(profile, gender="non-binary")).status_code == 302
    profile.refresh_from_db()
    assert (profile.gender, profile.gender_self_described) == ("non-binary", "")


def test_own_words_are_saved_as_self_described(client, profile):
    changes = mentor_form(profile, gender="self-described", gender_self_described=" Two-spirit ")
    assert client.post(MENTOR_URL, changes).status_code == 302
    profile.refresh_from_db()
    assert (profile.gender, profile.gender_self_described) == ("self-described", "Two-spirit")


def test_own_words_that_mean_a_listed_answer_count_as_it(client, profile):
    changes = mentor_form(profile, gender="self-described", gender_self_described=" FEMALE")
    assert client.post(MENTOR_URL, changes).status_code == 302
    profile.refresh_from_db()
    assert (profile.gender, profile.gender_self_described) == ("woman", "")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"gender": "martian"}, "Choose one of the answers listed for gender, or “No answer”."),
        ({"gender": "Woman"}, "Choose one of the answers listed for gender, or “No answer”."),
        (
            {"gender": "self-described", "gender_self_described": "  "},
            "Write how you describe your gender, or choose another answer.",
        ),
        (
            {"gender": "man", "gender_self_described": "Agender"},
            "Your own words are kept only with “Prefer to self-describe”",
        ),
    ],
)
def test_a_bad_answer_is_refused_and_changes_nothing(client, profile, changes, message):
    response = client.post(MENTOR_URL, mentor_form(profile, title="Changed", **changes))
    assert response.status_code == 200
    assert message in text(response)
    profile.refresh_from_db()
    assert (profile.title, profile.gender, profile.gender_self_described) == ("", "", "")


def test_mentee_answers_the_same_question(client, mentee):
    client.force_login(mentee)
    saved = mentee_form(
        gender="self-described", gender_self_described="Genderqueer", prefers_shared_gender="on"
    )
    assert client.post(MENTEE_URL, saved).status_code == 302
    profile = MenteeProfile.objects.get(user=mentee)
    assert (profile.gender, profile.gender_self_described) == ("self-described", "Genderqueer")


def test_answers_typed_before_the_list_are_mapped_when_unambiguous():
    typed = {
        "Dr. A": " Female",
        "Dr. B": "WOMAN",
        "Dr. C": "f",
        "Dr. D": "Male ",
        "Dr. E": "m",
        "Dr. F": "Genderqueer",
        "Dr. G": "",
        "Dr. H": "woman",
    }
    for name, gender in typed.items():
        make_mentor(make_user(display_name=name), gender=gender)
    make_mentee(gender="non binary")

    migration = importlib.import_module("mentoring.profiles.migrations.0006_gender_list")
    migration.to_list(apps, None)

    answers = dict(MentorProfile.objects.values_list("user__display_name", "gender"))
    assert answers == {
        "Dr. A": "woman",
        "Dr. B": "woman",
        "Dr. C": "woman",
        "Dr. D": "man",
        "Dr. E": "man",
        "Dr. F": "self-described",
        "Dr. G": "",
        "Dr. H": "woman",
    }
    assert MentorProfile.objects.get(gender="self-described").gender_self_described == (
        "Genderqueer"
    )
    assert MenteeProfile.objects.get().gender == "non-binary"


def recommended(client, student):
    client.force_login(student)
    return text(client.get("/mentors/recommended/"))


@pytest.mark.parametrize(
    "student_answer, shared",
    [
        ({"gender": "woman"}, "Dr. Woman"),
        ({"gender": "self-described", "gender_self_described": "two-spirit"}, "Dr. Own Words"),
    ],
)
def test_a_mentor_who_shares_the_answer_ranks_first(client, student_answer, shared):
    # "Dr. A" comes first on a tie: only the shared answer lifts the other.
    make_mentor(make_user(display_name="Dr. A Man"), interests=["ethics"], gender="man")
    make_mentor(make_user(display_name="Dr. Woman"), interests=["ethics"], gender="woman")
    make_mentor(
        make_user(display_name="Dr. Own Words"),
        interests=["ethics"],
        gender="self-described",
        gender_self_described="Two-Spirit ",
    )
    student = make_mentee(interests=["ethics"], prefers_shared_gender=True, **student_answer)

    page = recommended(client, student)

    assert page.index(shared) < page.index("Dr. A Man")


def test_prefer_not_to_say_matches_no_one(client):
    make_mentor(make_user(display_name="Dr. A Silent"), interests=["ethics"])
    make_mentor(make_user(display_name="Dr. B Silent"), interests=["ethics"], gender="not-said")
    student = make_mentee(interests=["ethics"], gender="not-said", prefers_shared_gender=True)

    page = recommended(client, student)

    assert page.index("Dr. A Silent") < page.index("Dr. B Silent")


def test_staff_do_not_see_own_words_in_the_admin(admin_client):
    mentor = make_mentor(gender="self-described", gender_self_described="Quokka-words")
    student = make_mentee(gender="self-described", gender_self_described="Quokka-words")

    for url in [
        f"/admin/profiles/mentorprofile/{mentor.mentor_profile.pk}/change/",
        f"/admin/profiles/menteeprofile/{student.mentee_profile.pk}/change/",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200
        assert "Quokka-words" not in response.content.decode()
