"""A student's own rotations: the page a rotation's notification links to."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import make_clerkship, make_rotation, make_user

pytestmark = pytest.mark.django_db


def test_a_student_sees_their_rotations_and_who_coordinates_them(
    client, mentee, coordinator, clerkship, django_assert_max_num_queries
):
    surgery = make_clerkship("Surgery", coordinators=[make_user(display_name="Dr. Cut")])
    make_rotation(mentee, surgery, starts_on=datetime.date(2031, 3, 3))
    client.force_login(mentee)

    with django_assert_max_num_queries(8):
        page = client.get(reverse("clerkships:my-rotations")).content.decode()

    assert "Internal Medicine" in page and "Coordinator In Scope" in page
    assert "Rotating now" in page
    assert "Surgery" in page and "Mar 3, 2031" in page and "Dr. Cut" in page
    assert "vision statement" in page


def test_nobody_else_s_rotations_show(client, mentee, outsider, coordinator):
    other = make_clerkship("Pediatrics")
    make_rotation(outsider, other)
    client.force_login(mentee)

    page = client.get(reverse("clerkships:my-rotations")).content.decode()

    assert "Internal Medicine" in page
    assert "Pediatrics" not in page


def test_no_rotations_explains_itself(client, outsider):
    client.force_login(outsider)
    page = client.get(reverse("clerkships:my-rotations")).content.decode()
    assert "No rotations yet." in page


def test_a_student_finds_the_page_from_home(client, mentee):
    client.force_login(mentee)
    page = client.get(reverse("home")).content.decode()
    assert reverse("clerkships:my-rotations") in page
