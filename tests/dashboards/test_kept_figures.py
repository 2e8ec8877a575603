"""A dashboard's figures are kept a few minutes, apart for each clerkship, period and time
zone; the page says when they were computed, and the student-level list stays current."""

import datetime
import re

import pytest
import time_machine

from mentoring.dashboards import aggregates, kept_figures
from mentoring.dashboards.models import AccessLog
from mentoring.dashboards.tasks import refresh_dashboard_figures
from tests.dashboards.conftest import (
    NOW,
    csv_rows,
    dashboard_url,
    make_faculty,
    make_student,
    row_of,
    students_url,
)
from tests.factories import make_mentorship, make_user

pytestmark = pytest.mark.django_db


def students_counted(client, url):
    """The 'All stages' student count of the coverage table on the page."""
    page = client.get(url).content.decode()
    row = re.search(r'<th scope="row">All stages</th><td data-label="[^"]*">(\d+)</td>', page)
    return int(row[1])


def test_the_page_says_when_its_figures_were_computed(client, coordinator, clerkship):
    client.force_login(coordinator)
    page = client.get(dashboard_url(clerkship)).content.decode()
    # 15:00 UTC is 11:00 in New York, the test users' zone.
    assert (
        "Figures as of 11:00. A mentorship that starts or ends shows here within a minute;" in page
    )
    assert "(requests, meetings, reassessments) may take up to 5 minutes." in page


def test_a_second_look_within_minutes_shows_the_kept_figures(client, coordinator, clerkship):
    client.force_login(coordinator)
    assert students_counted(client, dashboard_url(clerkship)) == 1
    make_student(clerkship, name="Arrived Since")

    with time_machine.travel(NOW + datetime.timedelta(minutes=2), tick=False):
        page = client.get(dashboard_url(clerkship)).content.decode()
        assert "Figures as of 11:00" in page
        assert students_counted(client, dashboard_url(clerkship)) == 1
        # Downloads and the student-level list are read fresh, and the list is audited.
        rows = csv_rows(client.get(dashboard_url(clerkship, export="coverage")))
        assert row_of(rows, "All stages")[1] == "2"
        assert "Arrived Since" in client.get(students_url(clerkship)).content.decode()
    assert AccessLog.objects.filter(viewer=coordinator).count() == 1


def test_each_clerkship_period_and_school_has_its_own_figures(
    client, coordinator, clerkship, coordinator_out, other_clerkship, staff
):
    for _ in range(3):
        make_student(other_clerkship)
    client.force_login(coordinator)
    assert students_counted(client, dashboard_url(clerkship)) == 1
    last_year = dashboard_url(clerkship, start="2024-07-01", end="2025-06-30")
    assert students_counted(client, last_year) == 0

    client.force_login(coordinator_out)
    assert students_counted(client, dashboard_url(other_clerkship)) == 3

    client.force_login(staff)
    assert students_counted(client, dashboard_url()) == 4


def test_a_viewer_elsewhere_gets_figures_cut_at_their_own_midnight(client, clerkship):
    viewer = make_user(time_zone="America/Los_Angeles")
    clerkship.coordinators.add(viewer)
    client.force_login(viewer)
    page = client.get(dashboard_url(clerkship)).content.decode()
    assert "Figures as of 08:00" in page


def test_the_beat_keeps_the_default_period_ready(
    client, coordinator, clerkship, django_assert_max_num_queries
):
    refresh_dashboard_figures()
    make_student(clerkship)
    client.force_login(coordinator)

    later = time_machine.travel(NOW + datetime.timedelta(minutes=3), tick=False)
    # Session, user, the clerkship, the navigation and the visit noted for the home page:
    # no aggregate is computed.
    with later, django_assert_max_num_queries(6):
        page = client.get(dashboard_url(clerkship)).content.decode()
    assert "Figures as of 11:00" in page
    assert students_counted(client, dashboard_url(clerkship)) == 1


def test_a_computation_left_unfinished_does_not_hold_the_page(
    client, coordinator, clerkship, monkeypatch
):
    monkeypatch.setattr(kept_figures, "WAIT_FOR_OTHERS", datetime.timedelta(seconds=0.2))
    client.force_login(coordinator)
    with kept_figures.timezone.override("America/New_York"):
        start, end = kept_figures.default_period()
        key = kept_figures.cache_key(kept_figures.Scope(clerkship, start, end))
    # A process that died while computing leaves its claim until the claim expires.
    kept_figures.cache.add(f"{key}:computing", True, 60)

    assert students_counted(client, dashboard_url(clerkship)) == 1


def test_the_kept_faculty_load_still_counts_the_rows_left_to_the_csv(
    client, coordinator, clerkship, monkeypatch
):
    monkeypatch.setattr(aggregates, "FACULTY_ROWS_SHOWN", 1)
    for name in ("Dr. Busy", "Dr. Busier"):
        make_mentorship(make_faculty(name), make_student(clerkship))
    client.force_login(coordinator)

    for _ in range(2):  # computed, then read back from the cache
        page = client.get(dashboard_url(clerkship)).content.decode()
        assert "1 more row in the CSV." in page
    rows = csv_rows(client.get(dashboard_url(clerkship, export="faculty-load")))
    assert len(rows) == 3


def test_recompute_now_shows_what_changed_since(client, coordinator, clerkship):
    client.force_login(coordinator)
    url = dashboard_url(clerkship)
    assert students_counted(client, url) == 1
    make_student(clerkship, name="Arrived Since")

    with time_machine.travel(NOW + datetime.timedelta(minutes=2), tick=False):
        assert students_counted(client, url) == 1
        response = client.post(url)
        assert response.status_code == 302
        assert response["Location"] == url
        page = client.get(url).content.decode()
        assert "Figures as of 11:02" in page
        assert students_counted(client, url) == 2


def test_recompute_now_keeps_the_period_asked_for(client, coordinator, clerkship):
    client.force_login(coordinator)
    url = dashboard_url(clerkship, start="2026-01-01", end="2026-03-15")
    response = client.post(url)
    assert response["Location"] == url


def test_others_cannot_recompute_a_clerkship_they_do_not_run(client, coordinator_out, clerkship):
    client.force_login(coordinator_out)
    assert client.post(dashboard_url(clerkship)).status_code == 404
