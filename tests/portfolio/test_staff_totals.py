"""The staff's per-mentor portfolio totals (dashboards): the same figures as each
mentor's own portfolio, staff only, downloadable as CSV."""

import csv
import datetime
import io

import pytest

from mentoring.portfolio.figures import portfolio_for
from tests.factories import make_mentee, make_mentor, make_mentorship, make_user
from tests.portfolio.data import PERIOD, held, make_record, outcome

pytestmark = pytest.mark.django_db

START, END = datetime.date(2025, 7, 1), datetime.date(2026, 6, 30)
URL = "/dashboards/portfolios/"


@pytest.fixture
def record():
    record = make_record()
    # A second mentor, so that rows are not mixed up, and a third outside the period.
    second = make_mentor(make_user(display_name="Dr. Basil Chen"))
    mentorship = make_mentorship(second, make_mentee(), started_on=datetime.date(2026, 1, 5))
    held(mentorship, datetime.date(2026, 1, 20), 50)
    outcome(mentorship, "A grant", datetime.date(2026, 5, 1))
    make_mentorship(
        make_mentor(make_user(display_name="Dr. Later")),
        make_mentee(),
        started_on=datetime.date(2026, 9, 1),
    )
    record.second = second
    return record


def csv_rows(client):
    response = client.get(URL, {**PERIOD, "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    return {row["Mentor"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}


def test_totals_match_each_mentors_portfolio(client, staff, record, django_assert_max_num_queries):
    client.force_login(staff)
    with django_assert_max_num_queries(8):
        rows = csv_rows(client)
    assert set(rows) == {"Dr. Ines Alvarez", "Dr. Basil Chen"}
    for mentor in (record.mentor, record.second):
        total = portfolio_for(mentor, START, END).total
        row = rows[str(mentor)]
        assert (row["Mentees"], row["Meetings held"], row["Hours"], row["Confirmed outcomes"]) == (
            str(total.mentees),
            str(total.meetings),
            str(total.hours),
            str(total.outcomes),
        )
    assert rows["Dr. Basil Chen"]["Hours"] == "0.8"


def test_page_lists_mentors_with_a_bounded_number_of_queries(
    client, staff, record, django_assert_max_num_queries
):
    for _ in range(5):
        make_mentorship(make_mentor(), make_mentee(), started_on=datetime.date(2025, 8, 1))
    client.force_login(staff)
    with django_assert_max_num_queries(12):
        page = client.get(URL, PERIOD)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Dr. Ines Alvarez" in text and "Dr. Basil Chen" in text
    assert "Dr. Later" not in text
    assert "Mentors who mentored in the period (7)" in text


def test_bad_dates_get_a_clear_message(client, staff, record):
    client.force_login(staff)
    page = client.get(URL, {"start": "2026-06-30", "end": "2025-07-01"}).content.decode()
    assert "The end of the period comes before its start." in page


def test_empty_period_explains_itself(client, staff):
    client.force_login(staff)
    assert "No one mentored in this period" in client.get(URL).content.decode()


@pytest.mark.parametrize("who", ["mentor", "canary"])
def test_anyone_but_staff_gets_404(client, record, who):
    client.force_login(getattr(record, who))
    assert client.get(URL, PERIOD).status_code == 404
    assert client.get(URL, {**PERIOD, "export": "csv"}).status_code == 404


def test_coordinators_get_404(client, coordinator, record):
    client.force_login(coordinator)
    assert client.get(URL, PERIOD).status_code == 404
