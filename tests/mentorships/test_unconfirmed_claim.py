"""A mentor who records "we already meet" with a student's address learns the student's name
and nothing more until the student confirms (issue 23, hole 10)."""

import pytest

from mentoring.mentorships.models import MentorshipRequest
from tests.factories import make_clerkship, make_mentee, make_rotation, make_user
from tests.mentorships.test_invite_and_register import EXPECTATIONS


@pytest.fixture
def student(db):
    """A student the mentor has never dealt with, on a rotation the mentor grades."""
    return make_mentee(make_user(display_name="Robin Quist"), stage="final", graduation_year=2031)


@pytest.fixture
def claim(client, mentor, student):
    make_rotation(student, make_clerkship("Neurology", graders=[mentor]))
    client.force_login(mentor)
    client.post("/requests/register/", {"mentee_email": student.email, "since_on": "2025-03-01"})
    return MentorshipRequest.objects.get(kind="register", mentee=student)


def about_the_student(page):
    return [
        text
        for text in ("Final year", "2031", "Full profile and vision", "Neurology")
        if text in page
    ]


@pytest.mark.django_db
def test_claiming_mentor_sees_the_name_only(
    client, mentor, student, claim, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        page = client.get(f"/requests/{claim.pk}/").content.decode()
    assert "Robin Quist" in page and about_the_student(page) == []
    assert client.get(f"/mentees/{student.mentee_profile.pk}/").status_code == 404
    with django_assert_max_num_queries(10):
        listing = client.get("/requests/").content.decode()
    assert "Robin Quist" in listing and about_the_student(listing) == []


@pytest.mark.django_db
def test_a_declined_claim_stays_name_only(client, mentor, student, claim):
    client.force_login(student)
    client.post(f"/requests/{claim.pk}/decline/", {"message": "I don't know you."})
    client.force_login(mentor)
    page = client.get(f"/requests/{claim.pk}/").content.decode()
    assert "Declined" in page and about_the_student(page) == []


@pytest.mark.django_db
def test_confirming_opens_the_profile_to_the_mentor(client, mentor, student, outsider, claim):
    assert about_the_student(client.get(f"/requests/{claim.pk}/").content.decode()) == []
    client.force_login(student)
    page = client.get(f"/requests/{claim.pk}/").content.decode()
    assert "Conflict of interest" in page and "Neurology" in page
    client.post(f"/requests/{claim.pk}/accept/", EXPECTATIONS)
    client.force_login(mentor)
    page = client.get(f"/requests/{claim.pk}/").content.decode()
    assert about_the_student(page) == ["Final year", "2031", "Full profile and vision", "Neurology"]

    client.force_login(outsider)
    assert client.get(f"/requests/{claim.pk}/").status_code == 404
