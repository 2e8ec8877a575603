"""A coordinator previews a schedule, confirms it, and the rotations are in the database."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentoring.clerkships.models import Rotation
from tests.clerkships.helpers import confirm, lines, upload

D = datetime.date
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")
THREE = lines(
    *(f"student{n}@med.example.edu,Internal Medicine,2031-01-06,2031-02-14" for n in (1, 2, 3))
)


def test_coordinator_previews_then_imports(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    text = lines(
        "student1@med.example.edu,Internal Medicine,2031-01-06,2031-02-14",
        "student2@med.example.edu,Internal Medicine,2031-01-06,2031-02-14",
    )
    preview = upload(client, clerkship, text)

    page = preview.content.decode()
    assert preview.status_code == 200
    assert "2 rotations to create for 2 students" in page
    assert "Student 1" in page and "2031-02-14" in page
    assert "Import 2 rotations" in page
    assert not Rotation.objects.filter(starts_on=D(2031, 1, 6)).exists()

    done = confirm(client, clerkship, preview)

    assert done["Location"] == reverse("clerkships:detail", args=[clerkship.pk])
    imported = Rotation.objects.filter(clerkship=clerkship, starts_on=D(2031, 1, 6))
    assert sorted(imported.values_list("student__email", "ends_on")) == [
        ("student1@med.example.edu", D(2031, 2, 14)),
        ("student2@med.example.edu", D(2031, 2, 14)),
    ]
    assert "Imported 2 rotations." in client.get(done["Location"]).content.decode()


def test_header_names_in_any_order_with_aliases_and_us_dates(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    text = lines(
        '01/06/2031,"Student One",02/14/2031,Student1@Med.Example.edu,internal  medicine',
        header="Start_Date,Name,End Date,STUDENT_EMAIL,Clerkship",
    )
    preview = upload(client, clerkship, text)

    assert "Ignored columns: Name." in preview.content.decode()
    confirm(client, clerkship, preview)
    rotation = Rotation.objects.get(student=students[0])
    assert (rotation.starts_on, rotation.ends_on) == (D(2031, 1, 6), D(2031, 2, 14))


def test_excel_export_with_bom_semicolons_and_crlf(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    text = (
        "\ufeffemail;clerkship;start;end\r\n"
        "student3@med.example.edu;Internal Medicine;2031-3-2;2031-4-10\r\n\r\n"
    )
    preview = upload(client, clerkship, text.encode())

    confirm(client, clerkship, preview)
    assert Rotation.objects.get(student=students[2]).starts_on == D(2031, 3, 2)


def test_staff_can_import_into_any_clerkship(client, staff, other_clerkship, students):
    client.force_login(staff)
    preview = upload(
        client, other_clerkship, lines("student1@med.example.edu,Surgery,2031-01-06,2031-02-14")
    )
    confirm(client, other_clerkship, preview)
    assert Rotation.objects.filter(clerkship=other_clerkship, student=students[0]).exists()


def test_the_confirmed_preview_cannot_be_imported_twice(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    preview = upload(
        client, clerkship, lines("student1@med.example.edu,Internal Medicine,2031-01-06,2031-02-14")
    )
    confirm(client, clerkship, preview)
    again = confirm(client, clerkship, preview)

    assert again["Location"] == reverse("clerkships:import", args=[clerkship.pk])
    assert Rotation.objects.filter(student=students[0]).count() == 1
    assert "no longer current" in client.get(again["Location"]).content.decode()


def test_upload_and_preview_stay_within_ten_queries(
    client, coordinator, clerkship, students, django_assert_max_num_queries
):
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("clerkships:import", args=[clerkship.pk])).status_code == 200
    with django_assert_max_num_queries(10):
        assert "3 rotations to create" in upload(client, clerkship, THREE).content.decode()


def test_confirming_stays_within_ten_queries(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    preview = upload(client, clerkship, THREE)
    with CaptureQueriesContext(connection) as captured:
        confirm(client, clerkship, preview)
    # BEGIN, COMMIT and savepoints are left out: the import and the session each commit on
    # their own, and inside a test every atomic block adds SAVEPOINT and RELEASE besides.
    statements = [q["sql"] for q in captured if not q["sql"].startswith(TRANSACTION_CONTROL)]
    assert len(statements) <= 10, statements
    assert Rotation.objects.filter(clerkship=clerkship, starts_on=D(2031, 1, 6)).count() == 3
