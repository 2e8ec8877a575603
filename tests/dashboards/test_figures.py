"""The dashboard's figures, read from its CSV downloads (the page shows the same tables)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import Mentorship
from tests.dashboards.conftest import (
    DAY,
    NOW,
    TODAY,
    csv_rows,
    dashboard_url,
    make_faculty,
    make_prompt,
    make_request,
    make_student,
    row_of,
)
from tests.factories import make_mentorship
from tests.meetings.factories import make_meeting

pytestmark = pytest.mark.django_db


def export(client, clerkship, table, **params):
    return csv_rows(client.get(dashboard_url(clerkship, export=table, **params)))


def test_share_with_an_active_mentor_by_stage(client, coordinator, clerkship, mentee, mentor):
    # The coordinator fixture's mentee (preclinical) rotates now; add three clerkship-year
    # students, one of them with an active mentor and one with a paused one.
    make_mentorship(mentor, mentee)
    matched, paused, _ = (make_student(clerkship) for _ in range(3))
    make_mentorship(make_faculty(), matched)
    Mentorship.objects.filter(pk=make_mentorship(make_faculty(), paused).pk).update(status="paused")
    make_student(None, stage="final")  # not rotating here: out of scope
    client.force_login(coordinator)

    rows = export(client, clerkship, "coverage")

    assert rows[0] == ["Stage of training", "Students", "With an active mentor", "Share (%)"]
    assert row_of(rows, "Preclinical years") == ["Preclinical years", "1", "1", "100.0"]
    assert row_of(rows, "Clerkship year") == ["Clerkship year", "3", "1", "33.3"]
    assert row_of(rows, "All stages") == ["All stages", "4", "2", "50.0"]


def test_the_page_draws_the_same_figures_it_tabulates(client, coordinator, clerkship):
    make_student(clerkship)
    client.force_login(coordinator)
    page = client.get(dashboard_url(clerkship)).content.decode()

    assert '<svg class="chart-svg chart-rows"' in page
    assert 'aria-label="Share of students with an active mentor, by stage of training"' in page
    assert "<title>Share of students with an active mentor" in page
    # The chart's bar and the table's cell give the same figure.
    assert "<title>Clerkship year: 0.0%</title>" in page
    assert '<text class="bar-value" x="186.0" y="39" text-anchor="start">0.0%</text>' in page
    cells = r'<th scope="row">Clerkship year</th><td [^>]*>1</td><td [^>]*>0</td><td [^>]*>0.0</td>'
    assert re.search(cells, page)
    assert "One in three (33.3%)" in page
    assert '<svg class="chart-svg chart-columns"' in page


def test_new_and_quiet_relationships(client, coordinator, clerkship, mentee, mentor):
    fresh = make_mentorship(mentor, mentee, started_on=TODAY - 3 * DAY, cadence_days=14)
    quiet = make_mentorship(make_faculty(), make_student(clerkship), cadence_days=7)
    Mentorship.objects.filter(pk=quiet.pk).update(
        started_on=TODAY - 400 * DAY, last_contact_at=NOW - 11 * DAY
    )
    just_in_rhythm = make_mentorship(make_faculty(), make_student(clerkship), cadence_days=7)
    Mentorship.objects.filter(pk=just_in_rhythm.pk).update(
        started_on=TODAY - 400 * DAY, last_contact_at=NOW - 10 * DAY
    )
    never_met = make_mentorship(make_faculty(), make_student(clerkship), cadence_days=14)
    Mentorship.objects.filter(pk=never_met.pk).update(started_on=TODAY - 30 * DAY)
    client.force_login(coordinator)

    rows = export(client, clerkship, "relationships")
    assert row_of(rows, "All stages") == ["All stages", "2", "4", "2", "50.0"]

    quiet_rows = export(client, clerkship, "quiet-relationships")
    # Longest quiet first: never met in 30 days, then no contact for 11 days.
    assert [row[0] for row in quiet_rows[1:]] == [
        never_met.mentee.display_name,
        quiet.mentee.display_name,
    ]
    assert quiet_rows[1][4:] == ["", "30"]
    assert quiet_rows[2][3:] == ["7", (TODAY - 11 * DAY).isoformat(), "11"]
    assert fresh.mentee.display_name not in {row[0] for row in quiet_rows}


def test_requests_in_the_period_and_the_median_time_to_answer(
    client, coordinator, clerkship, mentee, mentor
):
    in_period = NOW - 10 * DAY
    for hours, status in ((2, "accepted"), (4, "declined"), (30, "referred")):
        make_request(
            mentee,
            make_faculty(),
            status=status,
            created_at=in_period,
            answered_at=in_period + datetime.timedelta(hours=hours),
        )
    make_request(mentee, make_faculty(), status="expired", created_at=in_period, answered_at=NOW)
    make_request(mentee, mentor)  # pending
    # Sent long before the period, answered in it: counts as an answer, not as sent.
    make_request(
        mentee,
        make_faculty(),
        status="accepted",
        created_at=NOW - 400 * DAY,
        answered_at=in_period,
    )
    # An invitation is not a request the student sent.
    make_request(mentee, make_faculty(), kind="invite", created_at=in_period)
    client.force_login(coordinator)

    rows = dict(export(client, clerkship, "requests", start="2025-07-01", end="2026-03-16"))

    assert rows["Sent in the period"] == "5"
    assert rows["Accepted in the period"] == "2"
    assert rows["Declined in the period"] == "1"
    assert rows["Referred to a colleague in the period"] == "1"
    assert rows["Expired without an answer in the period"] == "1"
    assert rows["Sent in the period and still waiting"] == "1"
    # Waits of 2, 4, 30 and 9,600 hours: the median is 17.
    assert rows["Median time to an answer (hours)"] == "17.0"


def test_faculty_load_flags_over_capacity_and_far_above_peers(
    client, coordinator, clerkship, mentee
):
    busy = make_faculty("Dr. Busy", capacity=8)
    for _ in range(7):
        make_mentorship(busy, make_student(clerkship))
    full = make_faculty("Dr. Full", capacity=1)
    make_mentorship(full, mentee)
    for _ in range(3):
        make_mentorship(make_faculty(), make_student(clerkship))
    client.force_login(coordinator)

    rows = export(client, clerkship, "faculty-load")

    assert row_of(rows, "Dr. Busy")[2:] == ["7", "7", "8", "87.5", "far above peers"]
    assert row_of(rows, "Dr. Full")[2:] == ["1", "1", "1", "100.0", "full"]
    assert len(rows) == 1 + 5
    page = client.get(dashboard_url(clerkship)).content.decode()
    assert "Median load: 1 active mentee." in page


def test_reassessments_due_overdue_and_average_satisfaction(
    client, coordinator, clerkship, mentee, mentor
):
    mentorship = make_mentorship(mentor, mentee)
    make_prompt(mentorship, mentee, due_on=TODAY - 3 * DAY)  # open, due
    make_prompt(mentorship, mentor, due_on=TODAY - 20 * DAY)  # open, overdue
    for n in range(5):
        other = make_mentorship(make_faculty(), make_student(clerkship))
        make_prompt(
            other,
            other.mentee,
            due_on=TODAY - 5 * DAY,
            completed_at=NOW - DAY,
            satisfaction=4 if n else 2,
        )
    client.force_login(coordinator)

    rows = export(client, clerkship, "reassessments")

    assert row_of(rows, "Due in the period") == ["Due in the period", "7", "6", "1"]
    assert row_of(rows, "Of those, completed")[1] == "5"
    assert row_of(rows, "Open past their due date today") == [
        "Open past their due date today",
        "2",
        "1",
        "1",
    ]
    assert row_of(rows, "Of those, more than 14 days past due")[1:] == ["1", "0", "1"]
    # Five students answered: their average shows; no mentor answered, so none for mentors.
    assert row_of(rows, "Average satisfaction (1 to 5)")[1:] == ["3.6", "3.6", ""]


def test_meetings_per_month_fill_empty_months(client, coordinator, clerkship, mentee, mentor):
    mentorship = make_mentorship(mentor, mentee)
    for when in (NOW - 3 * DAY, NOW - 4 * DAY, NOW - 60 * DAY):
        make_meeting(mentorship, starts_at=when, status=Meeting.Status.HELD)
    make_meeting(mentorship, starts_at=NOW - 5 * DAY, status=Meeting.Status.CANCELLED)
    make_meeting(mentorship, starts_at=NOW + 5 * DAY)  # planned
    client.force_login(coordinator)

    rows = export(client, clerkship, "meetings", start="2025-12-01", end="2026-03-31")

    assert rows[1:] == [
        ["December 2025", "0"],
        ["January 2026", "1"],
        ["February 2026", "0"],
        ["March 2026", "2"],
    ]
    page = client.get(dashboard_url(clerkship, start="2025-12-01", end="2026-03-31"))
    assert "<title>Mar 26: 2</title>" in page.content.decode()


def test_a_month_is_the_viewer_s_month(client, coordinator, clerkship, mentee, mentor):
    # 03:00 UTC on 1 March is still 28 February in New York, the coordinator's zone.
    mentorship = make_mentorship(mentor, mentee)
    make_meeting(
        mentorship,
        starts_at=datetime.datetime(2026, 3, 1, 3, 0, tzinfo=datetime.UTC),
        status=Meeting.Status.HELD,
    )
    client.force_login(coordinator)
    rows = export(client, clerkship, "meetings", start="2026-02-01", end="2026-03-16")
    assert rows[1:] == [["February 2026", "1"], ["March 2026", "0"]]


@pytest.mark.postgres
def test_postgres_takes_the_median_in_sql(client, coordinator, clerkship, mentee):
    for hours in (1, 3, 50):
        make_request(
            mentee,
            make_faculty(),
            status="accepted",
            created_at=NOW - 5 * DAY,
            answered_at=NOW - 5 * DAY + datetime.timedelta(hours=hours),
        )
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as captured:
        rows = dict(export(client, clerkship, "requests"))
    assert rows["Median time to an answer (hours)"] == "3.0"
    assert any("PERCENTILE_CONT(0.5) WITHIN GROUP" in q["sql"] for q in captured)
    # One aggregate query for every request figure: no list of waits in Python.
    assert sum("mentorships_mentorshiprequest" in q["sql"] for q in captured) == 1


def test_a_name_never_becomes_a_spreadsheet_formula(client, coordinator, clerkship):
    make_student(clerkship, name='=HYPERLINK("http://evil.example","Click")')
    client.force_login(coordinator)
    rows = export(client, clerkship, "students")
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example","Click")'
