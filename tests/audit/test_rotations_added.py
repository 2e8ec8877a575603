"""Who added rotations for whom, in which clerkship, how many, when: on the record when an
import is confirmed, read by staff in the admin, and nothing for an import that wrote nothing."""

import pytest
from django.urls import reverse

from mentoring.audit.models import RotationsAdded
from tests.clerkships.helpers import confirm, lines, upload
from tests.factories import make_mentee, make_user

pytestmark = pytest.mark.django_db

ROWS = [
    "student1@med.example.edu,Internal Medicine,2031-01-06,2031-02-14",
    "student1@med.example.edu,Internal Medicine,2031-06-02,2031-07-11",
    "student2@med.example.edu,Internal Medicine,2031-01-06,2031-02-14",
]
BAD = "nobody-at-med.example.edu,Internal Medicine,2031-01-06,2031-02-14"


@pytest.fixture
def students(db):
    return [
        make_mentee(make_user(email=f"student{n}@med.example.edu", display_name=f"Student {n}"))
        for n in (1, 2)
    ]


@pytest.fixture
def imported(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    confirm(client, clerkship, upload(client, clerkship, lines(*ROWS)))


def test_an_import_records_who_added_how_many_for_whom(imported, coordinator, clerkship, students):
    rows = RotationsAdded.objects.order_by("student__email").values_list(
        "user", "email", "student", "clerkship", "rotations"
    )
    assert list(rows) == [
        (coordinator.pk, coordinator.email, students[0].pk, "Internal Medicine", 2),
        (coordinator.pk, coordinator.email, students[1].pk, "Internal Medicine", 1),
    ]


def test_staff_read_the_record_in_the_admin_and_cannot_change_it(
    imported, client, staff, coordinator, students
):
    client.force_login(staff)
    page = client.get(reverse("admin:audit_rotationsadded_changelist")).content.decode()
    assert coordinator.email in page and "Student 1" in page and "Student 2" in page

    row = RotationsAdded.objects.filter(student=students[0]).get()
    detail = client.get(reverse("admin:audit_rotationsadded_change", args=[row.pk]))
    assert detail.status_code == 200
    assert client.get(reverse("admin:audit_rotationsadded_add")).status_code == 403
    client.post(reverse("admin:audit_rotationsadded_delete", args=[row.pk]), {"post": "yes"})
    assert RotationsAdded.objects.filter(pk=row.pk).exists()


def test_a_coordinator_cannot_read_it(imported, client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("admin:audit_rotationsadded_changelist"))
    assert response.status_code == 302  # to the admin's sign-in


def test_a_preview_or_a_refused_import_records_nothing_until_one_goes_in(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    upload(client, clerkship, lines(*ROWS))
    assert not RotationsAdded.objects.exists()
    confirm(client, clerkship, upload(client, clerkship, lines(*ROWS, BAD)))
    assert not RotationsAdded.objects.exists()

    confirm(client, clerkship, upload(client, clerkship, lines(*ROWS)))

    rows = RotationsAdded.objects.order_by("student__email").values_list("student", "rotations")
    assert list(rows) == [(students[0].pk, 2), (students[1].pk, 1)]
