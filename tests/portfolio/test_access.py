"""Who may open a portfolio: its mentor alone; bad periods get a clear message."""

import pytest

from tests.factories import make_mentor
from tests.portfolio.data import PERIOD, make_record

pytestmark = pytest.mark.django_db

PATHS = [
    "/portfolio/",
    "/portfolio/portfolio.csv",
    "/portfolio/portfolio.json",
    "/portfolio/portfolio.pdf",
]


@pytest.fixture
def record():
    return make_record()


@pytest.mark.parametrize("path", PATHS)
def test_someone_who_never_mentored_gets_404(client, record, path):
    client.force_login(record.canary)  # a mentee of this mentor
    assert client.get(path, PERIOD).status_code == 404


@pytest.mark.parametrize("path", PATHS)
def test_staff_get_404_they_see_totals_only(client, staff, record, path):
    client.force_login(staff)
    assert client.get(path, PERIOD).status_code == 404


def test_another_mentor_sees_only_their_own_empty_record(client, record, other_faculty):
    client.force_login(other_faculty)
    page = client.get("/portfolio/", PERIOD).content.decode()
    assert "Nothing in this period yet" in page
    assert "Noor Haddad" not in page
    assert "log each meeting" in page


def test_a_new_mentor_sees_the_empty_state(client, django_assert_max_num_queries):
    mentor = make_mentor()
    client.force_login(mentor)
    with django_assert_max_num_queries(10):
        page = client.get("/portfolio/")
    assert page.status_code == 200
    assert "Nothing in this period yet" in page.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2026-06-30", "end": "2025-07-01"}, "The end of the period comes before"),
        ({"start": "30/06/2026"}, "From: Enter a valid date."),
        ({"start": "1800-01-01"}, "Choose dates between"),
        ({"end": "2026-02-30"}, "To: Enter a valid date."),
    ],
)
def test_bad_dates_get_a_clear_message_and_the_default_period(client, record, query, message):
    client.force_login(record.mentor)
    page = client.get("/portfolio/", query)
    text = page.content.decode()
    assert page.status_code == 200
    assert message in text
    assert "Showing the last 12 months instead." in text


def test_a_download_with_bad_dates_goes_back_to_the_page_that_says_why(client, record):
    client.force_login(record.mentor)
    response = client.get(
        "/portfolio/portfolio.csv", {"start": "2026-06-30", "end": "2025-07-01"}, follow=True
    )
    assert response.status_code == 200
    assert "The end of the period comes before" in response.content.decode()


def test_the_period_defaults_to_the_last_twelve_months(client, record):
    client.force_login(record.mentor)
    page = client.get("/portfolio/").content.decode()
    assert "Last 12 months" in page and "From <strong>" in page
