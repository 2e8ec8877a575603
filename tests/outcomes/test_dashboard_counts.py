"""Coordinators see outcomes as counts only: by kind in groups of five or more students,
and the share of mentored and not-mentored students with an outcome, on the page and in
the CSV; scoped to their programme, and never an outcome's words."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from tests.dashboards.conftest import NOW, csv_rows, make_faculty, make_student, row_of
from tests.factories import (
    default_programme,
    make_mentorship,
    make_outcome,
    make_programme,
    make_user,
)

CANARY = "canary-9c1d-outcome-title-on-a-dashboard"
IN_PERIOD = datetime.date(2026, 2, 1)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def school(db):
    """MD: twelve mentored students (six with a publication, three confirmed) and ten not
    mentored (five with a poster, of whom one has a grant and two a match). PA: a few."""
    md_lead, pa_lead = make_user(display_name="MD Lead"), make_user(display_name="PA Lead")
    md = default_programme()
    md.coordinators.add(md_lead)
    pa = make_programme("PA studies", [("Didactic year", True), ("Clinical year", False)])
    pa.coordinators.add(pa_lead)
    faculty = make_faculty("Dr. Counts", capacity=20)
    mentored = [make_student(name=f"Mentored {n}") for n in range(12)]
    for n, student in enumerate(mentored):
        mentorship = make_mentorship(faculty, student)
        if n < 6:
            make_outcome(
                student,
                f"{CANARY} paper {n}",
                achieved_on=IN_PERIOD,
                tied_to=[mentorship],
                confirmed=[mentorship] if n < 3 else [],
            )
    # Before the period: not counted.
    make_outcome(mentored[7], f"{CANARY} old", achieved_on=datetime.date(2024, 5, 1))
    others = [make_student(name=f"Unmentored {n}") for n in range(10)]
    for n, student in enumerate(others[:5]):
        make_outcome(student, f"{CANARY} poster {n}", kind="presentation", achieved_on=IN_PERIOD)
    make_outcome(others[0], f"{CANARY} grant", kind="grant", achieved_on=IN_PERIOD)
    for student in others[1:3]:
        make_outcome(student, f"{CANARY} match", kind="match", achieved_on=IN_PERIOD)
    pat = make_student(name="Pat PA", programme=pa, stage="Didactic year")
    make_outcome(pat, f"{CANARY} PA", achieved_on=IN_PERIOD)
    return {"md": md, "pa": pa, "md_lead": md_lead, "pa_lead": pa_lead}


def url(programme, **params):
    base = reverse("dashboards:programme", args=[programme.pk])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_outcomes_by_kind_hide_small_groups(client, school, django_assert_max_num_queries):
    client.force_login(school["md_lead"])
    with django_assert_max_num_queries(8):
        rows = csv_rows(client.get(url(school["md"], export="outcomes")))
    assert rows[0] == ["Kind of outcome", "Students", "Outcomes", "Confirmed by a mentor"]
    assert row_of(rows, "Publication") == ["Publication", "6", "6", "3"]
    # The grant (1 student) and the matches (2) are under five: with the posters (the next
    # smallest kind) they make one row of 5 different students, never rows of their own.
    assert row_of(rows, "Other groups together") == ["Other groups together", "5", "8", "0"]
    assert len(rows) == 3
    assert not any(row[0] in ("Grant or award", "Residency match or programme") for row in rows)


def test_share_of_mentored_and_not_mentored_students(client, school):
    client.force_login(school["md_lead"])
    rows = csv_rows(client.get(url(school["md"], export="outcome-share")))
    assert row_of(rows, "Mentored") == ["Mentored", "12", "6", "50.0"]
    assert row_of(rows, "Not mentored") == ["Not mentored", "10", "5", "50.0"]


def test_small_share_cells_are_not_shown(client, school):
    client.force_login(school["pa_lead"])
    rows = csv_rows(client.get(url(school["pa"], export="outcome-share")))
    assert row_of(rows, "Not mentored") == ["Not mentored", "1", "fewer than 5", ""]
    rows = csv_rows(client.get(url(school["pa"], export="outcomes")))
    assert rows == [["Kind of outcome", "Students", "Outcomes", "Confirmed by a mentor"]]
    page = client.get(url(school["pa"])).content.decode()
    assert "Outcomes from fewer than 5 students in all: no kind is shown." in page


def test_the_page_shows_the_figures_and_never_an_outcomes_words(
    client, school, django_assert_max_num_queries
):
    client.force_login(school["md_lead"])
    client.get(url(school["md"]))  # the figures computed once
    with django_assert_max_num_queries(12):
        page = client.get(url(school["md"])).content.decode()
    assert "What came of mentoring" in page and "Outcomes students recorded, by kind" in page
    assert "export=outcomes" in page and "export=outcome-share" in page
    for answer in (
        client.get(url(school["md"])),
        client.get(url(school["md"], export="outcomes")),
        client.get(url(school["md"], export="outcome-share")),
        client.get(reverse("dashboards:programme-students", args=[school["md"].pk])),
    ):
        assert CANARY not in answer.content.decode()


def test_a_coordinator_of_one_programme_gets_404_for_the_other(client, school):
    client.force_login(school["md_lead"])
    for params in ({}, {"export": "outcomes"}, {"export": "outcome-share"}):
        assert client.get(url(school["pa"], **params)).status_code == 404


def test_staff_see_the_school_in_counts_only(client, school):
    client.force_login(make_user(is_staff=True))
    rows = csv_rows(client.get("/dashboards/school/?export=outcome-share"))
    assert row_of(rows, "Mentored") == ["Mentored", "12", "6", "50.0"]
    assert row_of(rows, "Not mentored")[1] == "11"  # Pat in PA studies too
    assert CANARY not in client.get("/dashboards/school/").content.decode()
