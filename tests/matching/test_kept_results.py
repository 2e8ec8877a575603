"""Results kept until a mentor changes (matching/kept.py, profiles/listing_version.py): the
matches of a filtered or searched directory and a student's recommendation candidates are
read from the cache when asked again, and every kind of change shows at once."""

import pytest
from django.test import Client

from mentoring.mentorships import asking
from mentoring.profiles import listing_version
from mentoring.profiles.models import Interest, MentorProfile
from tests.factories import make_mentee, make_mentorship, make_user
from tests.matching.test_directory import listed, names
from tests.profiles.test_profile_edit import mentor_form

pytestmark = pytest.mark.django_db

FILTERED = "/mentors/?interest=pharmacology&room=on"
SEARCH = "/mentors/?q=pharmacology"
RECOMMENDED = "/mentors/recommended/"


@pytest.fixture
def student():
    return make_mentee(make_user(display_name="Student Sam"), interests=["Pharmacology"])


@pytest.fixture
def client_of(student):
    client = Client()
    client.force_login(student)
    return client


@pytest.fixture
def mentors():
    return {
        "ada": listed("Dr. Ada Amos", interests=["Clinical pharmacology"], capacity=3),
        "bo": listed("Dr. Bo Berg", interests=["Pharmacology"], capacity=1),
        "cy": listed("Dr. Cy Cole", interests=["Orthopaedics"], capacity=2),
    }


def shown(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return names(response) if url != RECOMMENDED else recommended(response)


def recommended(response):
    page = response.content.decode()
    return sorted(name for name in ("Dr. Ada Amos", "Dr. Bo Berg", "Dr. Cy Cole") if name in page)


def test_asked_again_the_matches_come_from_the_cache(
    client_of, mentors, django_assert_max_num_queries
):
    first = client_of.get(FILTERED)
    with django_assert_max_num_queries(12) as cold:
        client_of.get("/mentors/?interest=pharmacology&room=on&sort=name")
    with django_assert_max_num_queries(12) as warm:
        again = client_of.get(FILTERED)
    # Neither the interests named nor the matches are looked up again.
    assert len(warm) == len(cold) - 2
    assert names(again) == names(first) == ["Dr. Ada Amos", "Dr. Bo Berg"]
    assert "2 mentors match" in again.content.decode()


def test_a_filled_place_shows_at_once(client_of, student, mentors):
    assert shown(client_of, FILTERED) == ["Dr. Ada Amos", "Dr. Bo Berg"]
    assert "Dr. Bo Berg" in shown(client_of, RECOMMENDED)
    # Bo accepts another student: their one place is taken (a counter, updated without a save).
    make_mentorship(mentors["bo"].user, make_mentee())
    assert shown(client_of, FILTERED) == ["Dr. Ada Amos"]
    assert "1 mentor match" in client_of.get(FILTERED).content.decode()
    assert "Dr. Bo Berg" not in shown(client_of, RECOMMENDED)


def test_a_request_sent_shows_in_the_recommendations(client_of, student, mentors):
    assert shown(client_of, RECOMMENDED) == ["Dr. Ada Amos", "Dr. Bo Berg", "Dr. Cy Cole"]
    asking.ask(student, mentors["ada"].user)
    # Ada has a request waiting from this student: no longer recommended to them.
    assert shown(client_of, RECOMMENDED) == ["Dr. Bo Berg", "Dr. Cy Cole"]


def test_a_profile_edit_shows_at_once(client_of, mentors):
    assert shown(client_of, SEARCH) == ["Dr. Ada Amos", "Dr. Bo Berg"]
    cy = mentors["cy"]
    editor = Client()
    editor.force_login(cy.user)
    changes = mentor_form(cy, interests_text="Orthopaedics, Pharmacology")
    assert editor.post("/profile/mentor/", changes).status_code == 302
    assert sorted(shown(client_of, SEARCH)) == ["Dr. Ada Amos", "Dr. Bo Berg", "Dr. Cy Cole"]
    # Most room first: Ada has three places, Cy two, Bo one.
    assert shown(client_of, FILTERED) == ["Dr. Ada Amos", "Dr. Cy Cole", "Dr. Bo Berg"]


def test_a_renamed_interest_and_a_closed_account_show_at_once(client_of, mentors):
    assert shown(client_of, FILTERED) == ["Dr. Ada Amos", "Dr. Bo Berg"]
    orthopaedics = Interest.objects.get(name="Orthopaedics")
    orthopaedics.name, orthopaedics.key = "Orthopaedic pharmacology", "orthopaedic pharmacology"
    orthopaedics.save()
    assert "Dr. Cy Cole" in shown(client_of, FILTERED)
    account = mentors["ada"].user
    account.is_active = False
    account.save()
    assert "Dr. Ada Amos" not in shown(client_of, FILTERED)


def test_a_bulk_update_of_mentor_rows_shows_at_once(client_of, mentors):
    assert shown(client_of, FILTERED) == ["Dr. Ada Amos", "Dr. Bo Berg"]
    MentorProfile.objects.filter(pk=mentors["ada"].pk).update(is_accepting=False)
    assert shown(client_of, FILTERED) == ["Dr. Bo Berg"]


def test_a_students_own_answers_are_part_of_what_is_kept(client_of, student, mentors):
    assert shown(client_of, RECOMMENDED)[:1] == ["Dr. Ada Amos"]
    profile = student.mentee_profile
    profile.interests.set([Interest.objects.get(name="Orthopaedics")])
    page = client_of.get(RECOMMENDED).content.decode()
    assert page.index("Dr. Cy Cole") < page.index("Dr. Ada Amos")


def test_a_version_made_before_the_commit_is_dropped_after_it(
    django_capture_on_commit_callbacks,
):
    before = listing_version.current()
    with django_capture_on_commit_callbacks(execute=True):
        listing_version.changed()
        # Someone reading meanwhile, from the rows as they were before the commit.
        during = listing_version.current()
        assert during != before
    assert listing_version.current() not in (before, during)
