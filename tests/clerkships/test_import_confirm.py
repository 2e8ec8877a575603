"""Step 2 writes what was previewed, all or nothing, and refuses anything else."""

import datetime

import pytest
from django.urls import reverse

from mentoring.clerkships.models import Rotation
from tests.clerkships.helpers import confirm, lines, upload
from tests.factories import make_clerkship, make_rotation, make_user

ROWS = [f"student{n}@med.example.edu,Internal Medicine,2031-01-06,2031-02-14" for n in (1, 2, 3)]
BAD = "nobody-at-med.example.edu,Internal Medicine,2031-01-06,2031-02-14"


def imported(clerkship, students):
    return Rotation.objects.filter(clerkship=clerkship, student__in=students).count()


def message_after(client, response):
    return client.get(response["Location"]).content.decode()


def test_bad_rows_refuse_the_import_without_the_explicit_choice(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(*ROWS, BAD))

    refused = confirm(client, clerkship, preview)

    assert refused["Location"] == reverse("clerkships:import", args=[clerkship.pk])
    assert "Fix the file and upload it again" in message_after(client, refused)
    assert imported(clerkship, students) == 0


def test_skipping_bad_rows_imports_the_good_ones(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(*ROWS, BAD))

    done = confirm(client, clerkship, preview, skip_bad=True)

    assert imported(clerkship, students) == 3
    assert "Imported 3 rotations, skipped 1 row with problems." in message_after(client, done)


def test_a_clash_since_the_preview_writes_nothing(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(*ROWS))
    # Someone adds a rotation in the admin between the preview and the confirmation.
    make_rotation(students[2], clerkship, starts_on=datetime.date(2031, 2, 1))

    refused = confirm(client, clerkship, preview)

    assert imported(clerkship, students) == 1
    page = message_after(client, refused)
    assert "Nothing was imported: the schedule changed since the preview" in page
    assert "line 4: overlaps a rotation already in the schedule" in page


def test_a_failure_halfway_through_the_insert_writes_nothing(
    client, coordinator, clerkship, students
):
    """600 rows go in several batches; one near the end breaks a database constraint."""
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(*ROWS[:1]))
    session = client.session
    key = f"clerkships:import:{clerkship.pk}"
    student_id = session[key]["rows"][0][1]
    start = datetime.date(2040, 1, 1)
    rows = [
        [
            n,
            student_id,
            str(start + datetime.timedelta(days=2 * n)),
            str(start + datetime.timedelta(days=2 * n)),
        ]
        for n in range(600)
    ]
    rows[550][3] = str(start)  # ends before it starts: the check constraint refuses it
    session[key]["rows"] = rows
    session.save()

    refused = confirm(client, clerkship, preview)

    assert "Nothing was imported" in message_after(client, refused)
    assert not Rotation.objects.filter(clerkship=clerkship, student_id=student_id).exists()


def test_an_older_preview_cannot_be_confirmed_after_a_new_upload(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    first = upload(client, clerkship, lines(ROWS[0]))
    upload(client, clerkship, lines(ROWS[1]))

    stale = confirm(client, clerkship, first)

    assert "That preview is no longer current" in message_after(client, stale)
    assert imported(clerkship, students) == 0


def test_the_form_cannot_supply_rows(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(ROWS[0]))
    client.post(
        reverse("clerkships:confirm-import", args=[clerkship.pk]),
        {
            "preview": preview.context["token"],
            "rows": f'[[2, {students[1].pk}, "2031-01-06", "2031-02-14"]]',
        },
    )
    assert list(
        Rotation.objects.filter(student__in=students).values_list("student", flat=True)
    ) == [students[0].pk]


def test_confirm_is_post_only(client, coordinator, clerkship):
    client.force_login(coordinator)
    url = reverse("clerkships:confirm-import", args=[clerkship.pk])
    assert client.get(url).status_code == 405


@pytest.mark.django_db(transaction=True)
def test_a_student_deleted_since_the_preview_writes_nothing(client):
    """Committed for real: the foreign key is checked when the import's transaction commits."""
    clerkship = make_clerkship("Internal Medicine")
    coordinator = make_user()
    clerkship.coordinators.add(coordinator)
    students = [make_user(email=f"student{n}@med.example.edu") for n in (1, 2, 3)]
    client.force_login(coordinator)
    preview = upload(client, clerkship, lines(*ROWS))
    students[1].delete()

    refused = confirm(client, clerkship, preview)

    assert "Nothing was imported" in message_after(client, refused)
    assert not Rotation.objects.filter(clerkship=clerkship).exists()
