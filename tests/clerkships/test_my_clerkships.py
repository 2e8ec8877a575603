"""My clerkships: what each person runs, with its department and students rotating now."""

import datetime

from django.urls import reverse
from django.utils import timezone

from mentoring.profiles.models import Department
from tests.factories import make_clerkship, make_rotation, make_user

URL = "/clerkships/"


def test_coordinator_sees_their_clerkships_with_students_rotating_now(
    client, coordinator, clerkship, students, other_clerkship
):
    clerkship.department = Department.objects.create(name="Medicine")
    clerkship.save()
    make_rotation(students[0], clerkship)
    # Not now: one finished last year, one starts next month.
    make_rotation(
        students[1],
        clerkship,
        starts_on=timezone.localdate().replace(day=1) - datetime.timedelta(days=400),
    )
    make_rotation(
        students[2], clerkship, starts_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    client.force_login(coordinator)

    response = client.get(URL)

    page = response.content.decode()
    assert [c.name for c in response.context["clerkships"]] == ["Internal Medicine"]
    assert "Medicine" in page
    assert "2 students rotating now" in page  # the mentee and students[0]
    assert reverse("clerkships:import", args=[clerkship.pk]) in page
    assert "Surgery" not in page


def test_staff_see_every_clerkship(client, staff, clerkship, other_clerkship):
    client.force_login(staff)
    page = client.get(URL).content.decode()
    assert "Internal Medicine" in page and "Surgery" in page
    assert reverse("admin:clerkships_clerkship_change", args=[clerkship.pk]) in page


def test_someone_who_coordinates_nothing_sees_how_to_become_one(client, mentee, clerkship):
    client.force_login(mentee)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Staff designate coordinators in the admin" in response.content.decode()
    assert "Internal Medicine" not in response.content.decode()


def test_the_list_costs_the_same_few_queries_for_many_clerkships(
    client, db, django_assert_max_num_queries
):
    coordinator = make_user()
    for n in range(30):
        clerkship = make_clerkship(f"Clerkship {n:02}", coordinators=[coordinator])
        make_rotation(make_user(), clerkship)
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(URL)
    assert response.content.decode().count("1 student rotating now") == 30
