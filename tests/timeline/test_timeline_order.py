"""The database merges and pages the story: same order as a full sort, ties included."""

import datetime

import pytest
from django.utils import timezone

from mentoring.feedback.models import Feedback
from mentoring.goals.models import GoalUpdate
from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import MentorshipEvent
from tests.factories import make_goal, make_user
from tests.meetings.factories import local
from tests.timeline.helpers import (
    events_on,
    make_feedback,
    make_reassessment,
    timeline_url,
    titles_on,
)

pytestmark = pytest.mark.django_db


def test_events_at_the_same_instant_keep_one_order(client, mentor, mentee, mentorship):
    moment = local(days=-7)
    goal = make_goal(mentee, "Match into psychiatry", shared_with=[mentorship], created_at=moment)
    GoalUpdate.objects.create(goal=goal, author=mentee, status="in_progress", created_at=moment)
    make_reassessment(mentorship, mentor, completed_at=moment, is_shared=True)
    MentorshipEvent.objects.create(mentorship=mentorship, kind="paused", at=moment)
    make_feedback(mentorship, created_at=moment)
    Meeting.objects.bulk_create(
        Meeting(mentorship=mentorship, starts_at=moment, status="held", minutes=minutes)
        for minutes in (20, 40)
    )

    client.force_login(mentee)
    assert titles_on(client.get(timeline_url(mentorship)))[:7] == [
        "Meeting held: in person, 40 minutes",  # the later of two at the same instant first
        "Meeting held: in person, 20 minutes",
        "Goal set: Match into psychiatry",
        "Goal in progress: Match into psychiatry",
        "Feedback from Dr. Ines Alvarez",
        "Paused",
        "Periodic reassessment answered by Dr. Ines Alvarez",
    ]


def test_pages_split_a_run_of_simultaneous_events_without_loss(client, mentor, mentorship):
    moment = local(days=-2)
    Meeting.objects.bulk_create(
        Meeting(mentorship=mentorship, starts_at=moment, status="held", minutes=n)
        for n in range(10, 40)
    )
    client.force_login(mentor)
    first = titles_on(client.get(timeline_url(mentorship)))
    second = titles_on(client.get(timeline_url(mentorship, page=2)))
    minutes = [int(title.split(", ")[1].split()[0]) for title in first + second[:-1]]
    assert minutes == list(range(39, 9, -1))
    assert second[-1] == "Mentorship began"


def test_a_goal_set_before_the_mentorship_began_comes_after_the_start(client, mentee, mentorship):
    before = timezone.now() - datetime.timedelta(days=90)
    make_goal(mentee, "Older than us", shared_with=[mentorship], created_at=before)
    client.force_login(mentee)
    assert events_on(client.get(timeline_url(mentorship)))[-2:] == [
        ("mentorship", "Mentorship began"),
        ("goal", "Goal set: Older than us"),
    ]


def test_a_goal_event_names_its_kind(client, mentor, mentee, mentorship):
    make_goal(mentee, "Pass anatomy", shared_with=[mentorship])
    client.force_login(mentor)
    page = client.get(timeline_url(mentorship)).content.decode()
    assert "Goal set: Pass anatomy</h2>\n        <p>Specific</p>" in page


def test_feedback_written_outside_the_app_names_its_author(client, mentee, mentorship):
    # Not through the feedback form, which only the pair can use: an import or the admin.
    visitor = make_user(display_name="Dr. Visiting Professor")
    Feedback.objects.create(mentorship=mentorship, author=visitor, direction="to_mentee")
    client.force_login(mentee)
    assert "Feedback from Dr. Visiting Professor" in titles_on(client.get(timeline_url(mentorship)))


@pytest.mark.parametrize("page", ["abc", "0", "-1", "99999999999999999999"])
def test_a_page_number_that_is_not_a_page_shows_a_real_one(client, mentor, mentorship, page):
    client.force_login(mentor)
    response = client.get(timeline_url(mentorship, page=page))
    assert events_on(response) == [("mentorship", "Mentorship began")]
