"""A file that cannot be used at all is refused whole, with the reason, and nothing is written."""

import pytest

from mentoring.clerkships.models import Rotation
from mentoring.lib import csv_files
from tests.clerkships.helpers import lines, upload

ROW = "student1@med.example.edu,Internal Medicine,2031-01-06,2031-02-14"


def refusal_of(response):
    """The error shown on the upload form, which is shown again instead of a preview."""
    assert response.status_code == 200
    assert "preview" not in response.context
    errors = response.context["form"].errors["schedule"]
    assert len(errors) == 1
    assert errors[0] in response.content.decode()
    return errors[0]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "The file is empty."),
        (b"\n \n", "The file is empty."),
        (b"email,clerkship,start,end\n", "The file names its columns but has no rows."),
        (
            lines(ROW, header="email,clerkship,from,to").encode(),
            "The file has no start, end column. The first line must name the columns "
            "email, clerkship, start, end (in any order).",
        ),
        (
            lines(
                ROW, header="student1@med.example.edu,Internal Medicine,2031-01-01,2031-01-02"
            ).encode(),
            "The file has no email, clerkship, start, end column. The first line must name "
            "the columns email, clerkship, start, end (in any order).",
        ),
        (
            lines(ROW, header="email,student_email,clerkship,start,end").encode(),
            "Two columns mean email: email and student_email. Keep one.",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "This is not a text file. Upload the schedule as a CSV file.",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            "This is a spreadsheet workbook, not a CSV file. Save it as CSV UTF-8 (in Excel, "
            "with Save As) and upload that.",
        ),
        (
            "email,clerkship,start,end\nrené@example.edu,x,y,z\n".encode("latin-1"),
            "This file is not UTF-8 text. Save it as CSV UTF-8 and upload it again.",
        ),
    ],
)
def test_unusable_file_is_refused_whole(client, coordinator, clerkship, students, content, reason):
    client.force_login(coordinator)
    before = Rotation.objects.count()

    response = upload(client, clerkship, content)

    assert refusal_of(response) == reason
    assert Rotation.objects.count() == before


def test_no_file_at_all(client, coordinator, clerkship):
    client.force_login(coordinator)
    response = client.post(f"/clerkships/{clerkship.pk}/import/", {})
    assert refusal_of(response) == "Choose a CSV file to upload."


def test_two_megabytes_is_the_limit(client, coordinator, clerkship, students):
    """A file of exactly 2 MB is read; one byte more is refused, stating the limit."""
    client.force_login(coordinator)
    text = lines(ROW).encode()
    exactly = text + b"\n" * (csv_files.MAX_BYTES - len(text))  # blank lines are skipped
    assert len(exactly) == csv_files.MAX_BYTES

    assert upload(client, clerkship, exactly).context["preview"].rows

    too_large = refusal_of(upload(client, clerkship, exactly + b" "))
    assert too_large == "The file is larger than 2 MB, the limit. Split it into smaller files."


def test_more_than_twenty_thousand_rows_is_refused(client, coordinator, clerkship):
    client.force_login(coordinator)
    text = lines(*[f"s{n}@x.edu,Internal Medicine,2031-01-06,2031-02-14" for n in range(20_001)])

    response = upload(client, clerkship, text)

    assert (
        refusal_of(response) == "The file has more than 20,000 rows. Split it into smaller files."
    )


def test_broken_csv_names_its_line(client, coordinator, clerkship):
    client.force_login(coordinator)
    huge = "x" * 200_000  # longer than the csv module's field limit
    response = upload(client, clerkship, lines(ROW, f'"{huge}",a,b,c'))
    assert refusal_of(response).startswith("Line 3 is not valid CSV")
