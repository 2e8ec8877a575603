"""The record costs the same few queries for 5 meetings as for 100, for a mentee and for a
mentor with several mentees."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring.meetings.models import ActionItem, Meeting, PrivateNote
from tests.factories import make_goal, make_mentee, make_mentor, make_mentorship
from tests.meetings.factories import local
from tests.timeline.helpers import make_feedback

pytestmark = pytest.mark.django_db


def mentee_with_meetings(mentor, meetings):
    """A mentee whose meetings each carry an action item, a goal discussed and both
    people's private notes."""
    mentee = make_mentee()
    mentorship = make_mentorship(mentor, mentee)
    goal = make_goal(mentee, shared_with=[mentorship], updates=[("in_progress", "Going")])
    rows = Meeting.objects.bulk_create(
        Meeting(mentorship=mentorship, starts_at=local(days=-n), status="held", agenda=f"A{n}")
        for n in range(1, meetings + 1)
    )
    ActionItem.objects.bulk_create(ActionItem(meeting=m, text=f"Item {m.pk}") for m in rows)
    Meeting.goals_discussed.through.objects.bulk_create(
        Meeting.goals_discussed.through(meeting=m, goal=goal) for m in rows
    )
    PrivateNote.objects.bulk_create(
        PrivateNote(meeting=m, author=author, text=f"Note {m.pk}")
        for m in rows
        for author in (mentee, mentor)
    )
    make_feedback(mentorship, goal=goal, strengths="Good.")
    return mentee


def queries_for(client, person, url):
    client.force_login(person)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/record/", "/record.json"])
def test_100_meetings_cost_no_more_queries_than_5(
    client, mentor, url, django_assert_max_num_queries
):
    few, many = mentee_with_meetings(mentor, 5), mentee_with_meetings(mentor, 100)
    queries_for(client, few, url)  # warm any per-process caches

    client.force_login(many)
    # One query a section: the outcomes section and the confidential concerns one sent
    # (issue 21) made it 14.
    with django_assert_max_num_queries(14):
        response = client.get(url)
    assert "A100" in response.content.decode()

    assert queries_for(client, many, url) == queries_for(client, few, url)


@pytest.mark.parametrize("url", ["/record/", "/record.json"])
def test_a_busy_mentors_record_costs_what_a_quiet_ones_does(
    client, mentor, url, django_assert_max_num_queries
):
    mentee_with_meetings(mentor, 2)
    busy = make_mentor()
    for meetings in (5, 40, 100):
        mentee_with_meetings(busy, meetings)
    queries_for(client, mentor, url)  # warm any per-process caches

    client.force_login(busy)
    # One query a section: the outcomes section and the confidential concerns one sent
    # (issue 21) made it 14.
    with django_assert_max_num_queries(14):
        response = client.get(url)
    assert "A100" in response.content.decode() and "A40" in response.content.decode()

    assert queries_for(client, busy, url) == queries_for(client, mentor, url)
