"""The timeline costs the same few queries for 5 meetings as for 500, whatever the page holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring.meetings.models import ActionItem, Meeting
from tests.factories import make_goal, make_mentee, make_mentorship
from tests.meetings.factories import local
from tests.timeline.helpers import ago, make_feedback, make_reassessment, timeline_url

pytestmark = pytest.mark.django_db


def long_story(mentor, meetings):
    """A mentorship with `meetings` held meetings, each with an action item and a goal
    discussed, plus a little of every other kind of event."""
    mentee = make_mentee()
    mentorship = make_mentorship(mentor, mentee)
    goal = make_goal(mentee, shared_with=[mentorship], updates=[("in_progress", "Going")])
    rows = Meeting.objects.bulk_create(
        Meeting(mentorship=mentorship, starts_at=local(days=-n), status="held")
        for n in range(1, meetings + 1)
    )
    ActionItem.objects.bulk_create(ActionItem(meeting=m, text=f"Item {m.pk}") for m in rows)
    Meeting.goals_discussed.through.objects.bulk_create(
        Meeting.goals_discussed.through(meeting=m, goal=goal) for m in rows
    )
    make_feedback(mentorship, goal=goal, strengths="Good.")
    make_reassessment(mentorship, mentee, completed_at=ago(1), is_shared=True)
    make_reassessment(mentorship, mentor, completed_at=ago(1))
    return mentorship


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_500_meetings_cost_no_more_queries_than_5(client, mentor, django_assert_max_num_queries):
    short, long = long_story(mentor, 5), long_story(mentor, 500)
    client.force_login(mentor)
    client.get(timeline_url(short))  # warm any per-process caches

    with django_assert_max_num_queries(9):
        response = client.get(timeline_url(long))
    assert 'rel="next"' in response.content.decode()  # 500 meetings and 5 other events

    assert queries_for(client, timeline_url(long)) == queries_for(client, timeline_url(short))
    assert queries_for(client, timeline_url(long, page=21)) == queries_for(
        client, timeline_url(short)
    )


def test_the_mentee_pays_the_same_few_queries(client, mentor, django_assert_max_num_queries):
    long = long_story(mentor, 500)
    client.force_login(long.mentee)
    with django_assert_max_num_queries(10):
        assert client.get(timeline_url(long)).status_code == 200


def test_a_page_of_every_kind_costs_what_a_page_of_meetings_costs(client, mentor):
    # long_story's first page holds a goal, its update, feedback and reassessments as well as
    # meetings; its last page, meetings and the start only.
    long = long_story(mentor, 500)
    client.force_login(mentor)
    client.get(timeline_url(long))
    first = client.get(timeline_url(long)).content.decode()
    assert all(kind in first for kind in ("event goal", "event feedback", "event reassessment"))
    assert queries_for(client, timeline_url(long)) == queries_for(
        client, timeline_url(long, page=21)
    )
