"""The share of messages answered within the time each pair agreed: counts, never content."""

import datetime

import pytest

from mentoring.conversations.models import Message
from tests.conversations.responses_factory import send, send_on_request
from tests.dashboards.conftest import (
    DAY,
    NOW,
    csv_rows,
    dashboard_url,
    make_faculty,
    make_request,
    make_student,
    row_of,
)
from tests.dashboards.test_queries import MOST
from tests.factories import make_mentorship

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)
HEADERS = ["Figure", "All", "Mentors answering", "Students answering"]


@pytest.fixture
def conversations(clerkship, mentee, mentor):
    """Messages of two students in scope, one out of scope, one before the period and one
    on a request; the figures each test expects are worked out beside each message."""
    pair = make_mentorship(mentor, mentee, response_hours=24)
    start = NOW - 10 * DAY
    for sender, at in [
        (mentee, NOW - 400 * DAY),  # before the period, as is its answer
        (mentor, NOW - 399 * DAY),
        (mentee, start),  # to the mentor, answered in 5 hours: in time
        (mentor, start + 5 * HOUR),  # to the student, answered after 30 hours: late
        (mentee, start + 35 * HOUR),  # to the mentor, answered after 26 hours: late
        (mentee, start + 40 * HOUR),  # the same run, answered after 21 hours: in time
        (mentor, start + 61 * HOUR),  # to the student, unanswered for 179 hours: overdue
    ]:
        send(pair, sender, at, text="CANARY-MESSAGE-TEXT")
    quick = make_mentorship(make_faculty(), make_student(clerkship), response_hours=4)
    send(quick, quick.mentee, NOW - 2 * HOUR)  # to the mentor, 2 of 4 hours gone: waiting
    outside = make_mentorship(make_faculty(), make_student(None))
    send(outside, outside.mentee, start)  # not rotating in this clerkship: not counted
    send_on_request(make_request(mentee, make_faculty()), mentee, start)  # no agreed time yet


def export(client, clerkship, **params):
    return csv_rows(client.get(dashboard_url(clerkship, export="message-answers", **params)))


@pytest.mark.usefixtures("conversations")
def test_messages_answered_in_time_late_overdue_and_waiting(client, coordinator, clerkship):
    client.force_login(coordinator)

    rows = export(client, clerkship)

    assert rows[0] == HEADERS
    assert rows[1:] == [
        ["Sent in the period", "6", "4", "2"],
        ["Answered within the agreed time", "2", "2", "0"],
        ["Answered later", "2", "1", "1"],
        ["Not answered, past the agreed time", "1", "0", "1"],
        ["Not answered yet, still within the agreed time", "1", "1", "0"],
        ["Answered within the agreed time (%)", "40.0", "66.7", "0.0"],
    ]


@pytest.mark.usefixtures("conversations")
def test_the_period_and_the_school(client, coordinator, clerkship, staff):
    client.force_login(coordinator)
    # From midnight on 8 March in New York (05:00 UTC): the last two of the pair's messages
    # and the waiting one.
    rows = export(client, clerkship, start="2026-03-08", end="2026-03-16")
    assert row_of(rows, "Sent in the period") == ["Sent in the period", "3", "2", "1"]
    client.force_login(staff)
    # The school counts every student: the one out of this clerkship too.
    rows = export(client, None)
    assert row_of(rows, "Sent in the period") == ["Sent in the period", "7", "5", "2"]


@pytest.mark.usefixtures("conversations")
def test_the_page_shows_the_counts_and_never_the_messages(client, coordinator, clerkship):
    client.force_login(coordinator)
    page = client.get(dashboard_url(clerkship)).content.decode()
    assert "Are messages answered in time?" in page
    assert '<th scope="row">Answered within the agreed time (%)</th><td>40.0</td>' in page
    assert "CANARY-MESSAGE-TEXT" not in page
    assert (
        "CANARY-MESSAGE-TEXT"
        not in client.get(dashboard_url(clerkship, export="message-answers")).content.decode()
    )
    assert Message.objects.filter(text="CANARY-MESSAGE-TEXT").count() == 7


def test_no_messages_yet(client, coordinator, clerkship):
    client.force_login(coordinator)
    page = client.get(dashboard_url(clerkship)).content.decode()
    assert "No messages yet in this period." in page
    assert export(client, clerkship) == [HEADERS]


def test_the_figure_costs_the_same_queries_whatever_the_messages(
    client, coordinator, clerkship, mentor, mentee, django_assert_max_num_queries
):
    client.force_login(coordinator)
    url = dashboard_url(clerkship, export="message-answers")
    client.get(url)  # per-process caches
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    pair = make_mentorship(mentor, mentee)
    for n in range(40):
        send(pair, [mentor, mentee][n % 3 == 0], NOW - (40 - n) * HOUR)
    with django_assert_max_num_queries(len(few)):
        rows = export(client, clerkship)
    assert row_of(rows, "Sent in the period")[1] == "40"
    # The dashboard page: computed afresh within the dashboards' budget for that (the
    # beat keeps the default period computed), then from the kept figures within 12.
    with django_assert_max_num_queries(MOST):
        assert client.get(dashboard_url(clerkship)).status_code == 200
    with django_assert_max_num_queries(12):
        assert "Are messages answered in time?" in client.get(dashboard_url(clerkship)).text
