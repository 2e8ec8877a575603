"""Every bad line is listed with its reasons, and nothing is written unless the person
confirms skipping them; a file that cannot be used at all is refused whole."""

import pytest

from mentoring.lib import csv_files
from mentoring.roster.models import RosterEntry
from tests.factories import make_user
from tests.roster.helpers import confirm, lines, reasons, upload

GOOD = "good@med.example.edu,Good Person,student,MD,Final year,"


@pytest.mark.django_db
def test_each_bad_line_says_why(client, staff, settings):
    settings.SIGNUP_EMAIL_DOMAINS = ["med.example.edu"]
    make_user(email="has.account@med.example.edu")
    client.force_login(staff)
    response = upload(
        client,
        lines(
            GOOD,
            "unknown@med.example.edu,Ann,student,Dentistry,Final year,",
            "good@med.example.edu,Good Again,student,MD,Final year,",
            "has.account@med.example.edu,Has Account,student,MD,,",
            "stage@med.example.edu,Bad Stage,student,MD,Year 9,",
            "role@med.example.edu,Bad Role,janitor,MD,,",
            "not-an-address,No Address,student,MD,,",
            "someone@gmail.example,Elsewhere,student,MD,,",
            ",,,,,",
            "dept@med.example.edu,Bad Dept,faculty,MD,,Astrology",
            ",Only A Name,,,,",
        ),
    )
    assert reasons(response) == {
        3: ["no programme is named Dentistry (known: MD)"],
        4: ["repeats the address of line 2"],
        5: [
            "has.account@med.example.edu has an account already: their profile is theirs to change"
        ],
        6: [
            "stage Year 9 is not a stage of training here (use one of: Preclinical years, "
            "Clerkship year, Final year, Resident)"
        ],
        7: ["role janitor is neither student nor faculty"],
        8: ["not-an-address is not an e-mail address"],
        9: ["someone@gmail.example could never sign up: sign-up is for @med.example.edu"],
        11: ["no department is named Astrology"],
        12: [
            "e-mail is missing",
            "role is missing (student or faculty)",
            "programme is missing",
        ],
    }
    page = response.content.decode()
    assert "9 rows with problems" in page and "1 row to save" in page

    # Confirming without choosing to skip them writes nothing.
    confirm(client, response)
    assert not RosterEntry.objects.exists()


@pytest.mark.django_db
def test_skipping_the_bad_lines_writes_only_the_good(client, staff):
    client.force_login(staff)
    response = upload(client, lines(GOOD, "bad@med.example.edu,Bad,nurse,MD,,"))
    confirm(client, response, skip_bad=True)
    assert list(RosterEntry.objects.values_list("email", flat=True)) == ["good@med.example.edu"]


@pytest.mark.django_db
def test_a_person_who_joined_is_not_changed_by_a_file(client, staff):
    RosterEntry.objects.create(
        email="good@med.example.edu", name="Good", role="student", programme="MD",
        programme_key="md", joined_at="2026-01-01T00:00Z",
    )  # fmt: skip
    client.force_login(staff)
    assert reasons(upload(client, lines(GOOD))) == {2: ["good@med.example.edu has joined already"]}


@pytest.mark.django_db
def test_an_account_made_between_preview_and_confirm_writes_nothing(client, staff):
    client.force_login(staff)
    response = upload(client, lines(GOOD, "other@med.example.edu,Other,faculty,MD,,"))
    make_user(email="good@med.example.edu")
    page = client.get(confirm(client, response)["Location"]).content.decode()
    assert "Nothing was saved: the roster changed since the preview" in page
    assert not RosterEntry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"PK\x03\x04rest", "This is a spreadsheet workbook, not a CSV file."),
        (b"email,name\nx@y.edu,X\n", "The file has no role, programme column."),
        (lines().encode(), "The file names its columns but has no rows."),
        ("é".encode("latin-1") + b"\n", "This file is not UTF-8 text."),
    ],
)
def test_an_unusable_file_is_refused_whole(client, staff, data, message):
    client.force_login(staff)
    response = upload(client, data)
    assert message in response.content.decode()
    assert "form" in response.context and not RosterEntry.objects.exists()


@pytest.mark.django_db
def test_over_the_size_limit_is_refused(client, staff, monkeypatch):
    monkeypatch.setattr(csv_files, "MAX_BYTES", 200)
    monkeypatch.setattr(csv_files.read_upload, "__defaults__", (200,))
    client.force_login(staff)
    response = upload(client, lines(*[GOOD] * 10))
    assert "The file is larger than 0 MB, the limit." in response.content.decode()
    assert not RosterEntry.objects.exists()


@pytest.mark.django_db
def test_over_the_row_limit_is_refused(client, staff, monkeypatch):
    monkeypatch.setattr("mentoring.roster.loading.MAX_ROWS", 2)
    client.force_login(staff)
    response = upload(client, lines(GOOD, GOOD, GOOD))
    assert (
        "The file has more than 2 rows. Split it into smaller files." in response.content.decode()
    )
