"""Every dashboard page costs the same few queries for 3 students as for 83."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring.meetings.models import Meeting
from tests.conversations.responses_factory import send
from tests.dashboards.conftest import (
    DAY,
    NOW,
    dashboard_url,
    make_faculty,
    make_prompt,
    make_request,
    make_student,
    students_url,
)
from tests.factories import make_mentorship

pytestmark = pytest.mark.django_db
STAGES = ["preclinical", "clerkship", "final", "resident"]
MOST = 15


def populate(clerkship, count):
    """Students with everything a dashboard counts: mentors of several genders, requests,
    held meetings over months, reassessments, messages; every third student has no mentor."""
    for n in range(count):
        student = make_student(clerkship, stage=STAGES[n % 4], interests=["cardiology", f"i{n}"])
        mentor = make_faculty(gender=["woman", "man", ""][n % 3], background="x", capacity=5)
        make_request(student, mentor, "accepted", NOW - (n + 2) * DAY, NOW - (n + 1) * DAY)
        if n % 3 == 0:
            continue
        mentorship = make_mentorship(mentor, student)
        Meeting.objects.bulk_create(
            Meeting(mentorship=mentorship, starts_at=NOW - k * 20 * DAY, status="held")
            for k in range(1, 6)
        )
        make_prompt(mentorship, student, completed_at=NOW, satisfaction=4)
        for k in range(n % 4):
            send(mentorship, [student, mentor][k % 2], NOW - (10 - k) * DAY)
        make_prompt(mentorship, mentor, due_on=NOW.date() - 30 * DAY)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def pages(clerkship):
    return [
        dashboard_url(clerkship),
        students_url(clerkship),
        students_url(clerkship, page=2),
        dashboard_url(clerkship, export="students"),
        dashboard_url(clerkship, export="quiet-relationships"),
        dashboard_url(clerkship, export="faculty-load"),
        dashboard_url(clerkship, export="message-answers"),
    ]


def test_clerkship_dashboard_costs_the_same_at_any_volume(
    client, coordinator, clerkship, django_assert_max_num_queries
):
    populate(clerkship, 3)
    client.force_login(coordinator)
    queries(client, dashboard_url(clerkship))  # warm per-process caches
    small = {url: queries(client, url) for url in pages(clerkship)}

    populate(clerkship, 80)
    large = {url: queries(client, url) for url in pages(clerkship)}

    assert large == small
    for url in pages(clerkship):
        with django_assert_max_num_queries(MOST):
            client.get(url)
    print("clerkship", small)


def test_school_dashboard_costs_the_same_at_any_volume(
    client, staff, clerkship, django_assert_max_num_queries
):
    populate(clerkship, 3)
    client.force_login(staff)
    queries(client, dashboard_url())
    small = {url: queries(client, url) for url in pages(None)}

    populate(clerkship, 80)
    large = {url: queries(client, url) for url in pages(None)}

    assert large == small
    for url in pages(None):
        with django_assert_max_num_queries(MOST):
            client.get(url)
    print("school", small)
