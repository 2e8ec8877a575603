"""Who may open a mentee's profile (DESIGN.md, who sees what): everyone else gets 404."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_clerkship, make_mentee, make_mentorship, make_rotation, make_user

CANARY = "canary-identity-7f3a"


@pytest.fixture
def student(db):
    return make_mentee(
        make_user(display_name="Private Student"),
        vision="Become a rural family physician",
        gender=CANARY,
        background=CANARY,
    )


def url(user):
    return f"/mentees/{user.mentee_profile.pk}/"


@pytest.mark.django_db
def test_mentee_sees_own_profile(client, student, django_assert_max_num_queries):
    client.force_login(student)
    with django_assert_max_num_queries(8):
        page = client.get(url(student)).content.decode()
    assert "Become a rural family physician" in page
    assert CANARY not in page  # identity fields live on the edit form only


@pytest.mark.django_db
def test_their_mentor_sees_it(client, student, mentor):
    make_mentorship(mentor, student)
    client.force_login(mentor)
    page = client.get(url(student)).content.decode()
    assert "Become a rural family physician" in page
    assert CANARY not in page


@pytest.mark.django_db
def test_coordinator_in_scope_sees_it_out_of_scope_does_not(client, student):
    clerkship = make_clerkship("Pediatrics")
    inside, outside = make_user(), make_user()
    clerkship.coordinators.add(inside)
    make_clerkship("Surgery", coordinators=[outside])
    make_rotation(student, clerkship)
    client.force_login(inside)
    assert client.get(url(student)).status_code == 200
    client.force_login(outside)
    assert client.get(url(student)).status_code == 404


@pytest.mark.django_db
def test_coordinator_scope_ends_a_year_after_the_rotation(client, student):
    clerkship = make_clerkship("Pediatrics")
    coordinator = make_user()
    clerkship.coordinators.add(coordinator)
    make_rotation(student, clerkship, starts_on=timezone.localdate() - datetime.timedelta(days=500))
    client.force_login(coordinator)
    assert client.get(url(student)).status_code == 404


@pytest.mark.django_db
def test_staff_sees_it(client, student, staff):
    client.force_login(staff)
    assert client.get(url(student)).status_code == 200


@pytest.mark.django_db
def test_unrelated_people_get_404(client, student, outsider, other_faculty):
    for person in (outsider, other_faculty):
        client.force_login(person)
        assert client.get(url(student)).status_code == 404


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client, student):
    assert client.get(url(student))["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_mentor_profile_is_public_to_signed_in_users(client, mentor, outsider):
    client.force_login(outsider)
    page = client.get(f"/mentors/{mentor.mentor_profile.pk}/").content.decode()
    assert "Dr. Ines Alvarez" in page
    assert client.get("/mentors/999999/").status_code == 404
