"""Every bad row is reported by its line number and reason, and nothing is written. (An
address with no account yet is not a bad row: it waits for sign-up, test_waiting_for_signup.)"""

import pytest

from mentoring.clerkships.models import Rotation
from tests.clerkships.helpers import lines, upload
from tests.factories import make_rotation

GOOD = "student1@med.example.edu,Internal Medicine,2031-01-06,2031-02-14"


def problems_of(response):
    """{line number: "reason; reason"} as the preview shows them."""
    assert response.status_code == 200
    return {p.line: "; ".join(p.reasons) for p in response.context["preview"].problems}


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            "nobody-at-med.example.edu,Internal Medicine,2031-01-06,2031-02-14",
            "nobody-at-med.example.edu is not an e-mail address",
        ),
        (",Internal Medicine,2031-01-06,2031-02-14", "e-mail is missing"),
        (
            "student2@med.example.edu,Surgery,2031-01-06,2031-02-14",
            "clerkship Surgery is not Internal Medicine",
        ),
        (
            "student2@med.example.edu,Internal Med,2031-01-06,2031-02-14",
            "no clerkship is named Internal Med",
        ),
        (
            "student2@med.example.edu,Internal Medicine,2031-02-14,2031-01-06",
            "ends (2031-01-06) before it starts (2031-02-14)",
        ),
        (
            "student2@med.example.edu,Internal Medicine,2031-13-01,2031-02-14",
            "start date 2031-13-01 is not a date: use YYYY-MM-DD or MM/DD/YYYY",
        ),
        (
            "student2@med.example.edu,Internal Medicine,2031-01-06,02/14/31",
            "end date 02/14/31 is not a date: use YYYY-MM-DD or MM/DD/YYYY",
        ),
        ("student2@med.example.edu,Internal Medicine,,2031-02-14", "start date is missing"),
        (
            "student1@med.example.edu,Internal Medicine,2031-01-06,2031-02-14",
            "repeats line 2",
        ),
        (
            "student1@med.example.edu,Internal Medicine,2031-02-01,2031-03-01",
            "overlaps line 2 (2031-01-06 to 2031-02-14)",
        ),
    ],
)
def test_bad_row_is_reported_by_line_and_nothing_is_written(
    client, coordinator, clerkship, students, other_clerkship, row, reason
):
    client.force_login(coordinator)
    before = Rotation.objects.count()

    response = upload(client, clerkship, lines(GOOD, row))

    assert problems_of(response) == {3: reason}
    email = row.split(",")[0]
    assert f"<tr><td>3</td><td>{email}</td><td>{reason}</td></tr>" in response.content.decode()
    assert Rotation.objects.count() == before


def test_clash_with_rotations_already_in_the_schedule(client, coordinator, clerkship, mentee):
    # The coordinator fixture's mentee rotates from a week ago for six weeks.
    existing = Rotation.objects.get(student=mentee)
    same = f"{mentee.email},Internal Medicine,{existing.starts_on},{existing.ends_on}"
    inside = f"{mentee.email},Internal Medicine,{existing.ends_on},{existing.ends_on}"
    client.force_login(coordinator)

    response = upload(client, clerkship, lines(same, inside))

    dates = f"{existing.starts_on} to {existing.ends_on}"
    assert problems_of(response) == {
        2: f"already in the schedule ({dates})",
        3: f"overlaps a rotation already in the schedule ({dates})",
    }


def test_a_rotation_in_another_clerkship_does_not_clash(
    client, coordinator, clerkship, other_clerkship, students
):
    make_rotation(students[0], other_clerkship)
    rotation = Rotation.objects.get(student=students[0])
    client.force_login(coordinator)
    row = f"{students[0].email},Internal Medicine,{rotation.starts_on},{rotation.ends_on}"
    assert problems_of(upload(client, clerkship, lines(row))) == {}


def test_one_bad_row_among_good_ones_is_refused_unless_skipped(
    client, coordinator, clerkship, students
):
    client.force_login(coordinator)
    text = lines(
        GOOD,
        "student2@med.example.edu,Internal Medicine,2031-01-06,2031-02-14",
        "student3@med.example.edu,Internal Medicine,2031-01-06,2031-14-02",
        "student3@med.example.edu,Internal Medicine,2031-01-06,2031-02-14",
    )
    preview = upload(client, clerkship, text)

    page = preview.content.decode()
    assert problems_of(preview) == {
        4: "end date 2031-14-02 is not a date: use YYYY-MM-DD or MM/DD/YYYY"
    }
    assert "3 rotations to create for 3 students, and 1 row with problems" in page
    assert "Import the 3 good rows and skip the 1 bad one" in page
    assert "Import 3 rotations" not in page
    assert not Rotation.objects.filter(clerkship=clerkship, student__in=students).exists()


def test_every_row_bad_offers_nothing_to_import(client, coordinator, clerkship, students):
    client.force_login(coordinator)
    response = upload(client, clerkship, lines("x@y.z,Internal Medicine,2031-01-06,2031-02-14"))
    page = response.content.decode()
    assert "Nothing to import: every row has a problem." in page
    assert f"/clerkships/{clerkship.pk}/import/confirm/" not in page
