"""A student finds and is recommended the mentors who mentor in their programme, once the
school has more than one; with one programme, nothing is filtered."""

import pytest
from django.urls import reverse

from mentoring.matching.candidates import candidates_for, load_mentee
from tests.factories import default_programme, make_mentee, make_mentor, make_programme, make_user
from tests.matching.test_directory import names

pytestmark = pytest.mark.django_db


def mentor(name, programmes, **fields):
    user = make_mentor(
        make_user(display_name=name),
        interests=["cardiology"],
        areas=["research"],
        programmes=programmes,
        **fields,
    )
    user.mentor_profile.refresh_search_text()
    return user


@pytest.fixture
def school():
    md, pa = default_programme(), make_programme("PA studies")
    mentor("Dr. Both", [md, pa])
    mentor("Dr. Md Only", [md])
    mentor("Dr. Pa Only", [pa])
    return {
        "md_student": make_mentee(interests=["cardiology"], areas=["research"]),
        "pa_student": make_mentee(
            interests=["cardiology"], areas=["research"], programme=pa, stage="Year 1"
        ),
        "faculty": mentor("Dr. Browsing", [md]),
    }


@pytest.mark.parametrize(
    "who, expected",
    [
        ("md_student", ["Dr. Both", "Dr. Browsing", "Dr. Md Only"]),
        ("pa_student", ["Dr. Both", "Dr. Pa Only"]),
        # Faculty see every mentor.
        ("faculty", ["Dr. Both", "Dr. Browsing", "Dr. Md Only", "Dr. Pa Only"]),
    ],
)
def test_the_directory_lists_the_students_programmes_mentors(
    client, school, who, expected, django_assert_max_num_queries
):
    client.force_login(school[who])
    for query in ("sort=name", "sort=name&q=cardiology", "sort=name&interest=cardio"):
        client.get(f"{reverse('matching:directory')}?{query}")  # the caches warm up
        with django_assert_max_num_queries(12):
            page = client.get(f"{reverse('matching:directory')}?{query}")
        assert names(page) == expected, query
        assert f"{len(expected)} mentor" in page.content.decode()


def test_the_unfiltered_count_is_each_programmes_own(client, school):
    client.force_login(school["pa_student"])
    assert "2 mentors" in client.get(reverse("matching:directory")).content.decode()
    client.force_login(school["md_student"])
    assert "3 mentors" in client.get(reverse("matching:directory")).content.decode()
    # A mentor who starts mentoring in PA counts there at once.
    md_only = school["faculty"].mentor_profile
    md_only.programmes.add(school["pa_student"].mentee_profile.programme)
    client.force_login(school["pa_student"])
    assert "3 mentors" in client.get(reverse("matching:directory")).content.decode()


def test_recommendations_come_from_the_students_programme(school):
    pa = load_mentee(school["pa_student"])
    assert {c.name for c in candidates_for(pa)} == {"Dr. Both", "Dr. Pa Only"}
    md = load_mentee(school["md_student"])
    assert {c.name for c in candidates_for(md)} == {"Dr. Both", "Dr. Md Only", "Dr. Browsing"}


def test_with_one_programme_no_mentor_is_left_out(client):
    make_mentor(make_user(display_name="Dr. In No Programme"), programmes=[])
    student = make_mentee()
    client.force_login(student)
    page = client.get(reverse("matching:directory"))
    assert "Dr. In No Programme" in names(page)
    assert "1 mentor," in page.content.decode()
