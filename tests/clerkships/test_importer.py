"""The pure half of the importer: reading a file and judging its lines, no database."""

import datetime
from types import SimpleNamespace

import pytest

from mentoring.clerkships.importer import Schedule, check, parse_date, read_table
from mentoring.lib.csv_files import FileRefused, normalise_header

D = datetime.date
IM = SimpleNamespace(name="Internal Medicine")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2031-01-06", D(2031, 1, 6)),
        ("2031-1-6", D(2031, 1, 6)),
        ("01/06/2031", D(2031, 1, 6)),
        ("1/6/2031", D(2031, 1, 6)),
        ("01/06/31", None),  # two-digit years are ambiguous
        ("2031-02-30", None),
        ("20310106", None),
        ("06.01.2031", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_header_names_normalise():
    assert normalise_header(" Student E-mail ") == "student_e_mail"
    assert normalise_header("Start Date") == "start_date"


def test_read_table_keeps_file_line_numbers_and_skips_blank_lines():
    data = b"\n\nEnd,Start,Clerkship,Email\n\n2031-02-14,2031-01-06,IM,a@x.edu\n,,,\nb@x.edu\n"
    table = read_table(data)
    assert [(line.number, line.email, line.start) for line in table.lines] == [
        (5, "a@x.edu", "2031-01-06"),
        (7, "", ""),
    ]


def test_read_table_refuses_a_file_past_the_row_limit(monkeypatch):
    monkeypatch.setattr("mentoring.clerkships.importer.MAX_ROWS", 2)
    data = b"email,clerkship,start,end\na,b,c,d\na,b,c,d\n"
    assert len(read_table(data).lines) == 2
    with pytest.raises(FileRefused, match="more than 2 rows"):
        read_table(data + b"a,b,c,d\n")


def test_check_reports_every_reason_of_a_line():
    table = read_table(b"email,clerkship,start,end\nnobody@x.edu,,2031-02-14,2031/01/06\n")
    preview = check(
        table,
        IM,
        students={},
        existing=[],
        clerkship_names=["Internal Medicine"],
        signup_domains=["med.example.edu"],
    )
    assert preview.rows == []
    assert preview.problems[0].reasons == [
        "no one has an account with the e-mail nobody@x.edu, and sign-up is for @med.example.edu",
        "clerkship is missing",
        "end date 2031/01/06 is not a date: use YYYY-MM-DD or MM/DD/YYYY",
    ]


def test_check_accepts_good_lines_and_finds_clashes_in_the_file():
    table = read_table(
        b"email,clerkship,start,end\n"
        b"A@x.edu,internal medicine,2031-01-06,2031-02-14\n"
        b"a@x.edu,Internal Medicine,2031-02-14,2031-03-01\n"
        b"a@x.edu,Internal Medicine,2031-02-15,2031-03-01\n"
    )
    preview = check(
        table,
        IM,
        students={"a@x.edu": (7, "Sam")},
        existing=[],
        clerkship_names=["Internal Medicine"],
    )
    assert [(row.line, row.student_id, row.email) for row in preview.rows] == [
        (2, 7, "a@x.edu"),
        (4, 7, "a@x.edu"),
    ]
    assert [(p.line, p.reasons) for p in preview.problems] == [
        (3, ["overlaps line 2 (2031-01-06 to 2031-02-14)"])
    ]
    assert preview.student_count == 1


def test_schedule_touching_days_overlap_but_adjacent_days_do_not():
    schedule = Schedule([(1, D(2031, 1, 1), D(2031, 1, 31))])
    assert schedule.add(1, D(2031, 2, 1), D(2031, 2, 28), line=2) is None
    assert schedule.add(1, D(2031, 1, 31), D(2031, 1, 31), line=3) == (
        "overlaps a rotation already in the schedule (2031-01-01 to 2031-01-31)"
    )
    assert schedule.add(2, D(2031, 1, 1), D(2031, 1, 31), line=4) is None
