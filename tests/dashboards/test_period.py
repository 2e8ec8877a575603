"""The period: the academic year to date by default; a wrong one says why and falls back."""

import datetime

import pytest

from mentoring.dashboards.forms import add_months, default_period, preset_periods
from tests.dashboards.conftest import TODAY, csv_rows, dashboard_url, students_url

pytestmark = pytest.mark.django_db
DEFAULT = "From <strong>1 July 2025</strong> to <strong>16 March 2026</strong>."


def test_default_is_the_academic_year_to_date(client, coordinator, clerkship):
    client.force_login(coordinator)
    response = client.get(dashboard_url(clerkship))
    assert DEFAULT in response.content.decode()
    assert 'role="alert"' not in response.content.decode()


def test_academic_year_turns_on_the_first_of_july():
    assert default_period(datetime.date(2026, 6, 30))[0] == datetime.date(2025, 7, 1)
    assert default_period(datetime.date(2026, 7, 1)) == (datetime.date(2026, 7, 1),) * 2


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2026-03-01", "end": "2026-01-01"}, "The end of the period comes before"),
        ({"start": "2026-13-45"}, "From: Enter a valid date."),
        ({"end": "yesterday"}, "To: Enter a valid date."),
        ({"start": "2019-01-01", "end": "2026-01-01"}, "at most 5 years"),
        ({"start": "1900-01-01", "end": "1901-01-01"}, "Choose dates between"),
        ({"start": "9999-12-31"}, "Choose dates between"),
        ({"start": "0001-01-01"}, "Choose dates between"),
    ],
)
def test_a_wrong_period_says_why_and_shows_the_default(
    client, coordinator, clerkship, params, message
):
    client.force_login(coordinator)
    for url in (dashboard_url(clerkship, **params), students_url(clerkship, **params)):
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200
        assert message in page
        assert "Showing the default period instead" in page
        assert DEFAULT in page


def test_exactly_five_years_is_allowed(client, coordinator, clerkship):
    client.force_login(coordinator)
    page = client.get(dashboard_url(clerkship, start="2021-03-16", end="2026-03-16"))
    assert "From <strong>16 March 2021</strong> to <strong>16 March 2026</strong>." in (
        page.content.decode()
    )


def test_a_lone_start_runs_to_today(client, coordinator, clerkship):
    client.force_login(coordinator)
    rows = csv_rows(client.get(dashboard_url(clerkship, start="2026-01-10", export="meetings")))
    assert [row[0] for row in rows[1:]] == ["January 2026", "February 2026", "March 2026"]


def test_an_unknown_export_is_a_404(client, coordinator, clerkship):
    client.force_login(coordinator)
    assert client.get(dashboard_url(clerkship, export="passwords")).status_code == 404


def test_presets_and_month_arithmetic():
    labels = [(label, start, end) for label, start, end in preset_periods(TODAY)]
    assert labels == [
        ("This academic year", datetime.date(2025, 7, 1), TODAY),
        ("Last 6 months", datetime.date(2025, 9, 17), TODAY),
        ("Last academic year", datetime.date(2024, 7, 1), datetime.date(2025, 6, 30)),
    ]
    assert add_months(datetime.date(2026, 3, 31), -1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 1, 15), -13) == datetime.date(2024, 12, 15)
