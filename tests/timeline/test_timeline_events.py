"""What the timeline of one mentorship tells, and in which order."""

import pytest

from mentoring.goals.models import Goal, GoalUpdate
from mentoring.meetings.models import Meeting
from mentoring.mentorships.lifecycle import close, pause, resume
from mentoring.mentorships.models import ExpectationChange, Mentorship, MentorshipEvent
from tests.factories import make_goal
from tests.meetings.factories import local, make_action_item, make_meeting
from tests.timeline.helpers import (
    ago,
    events_on,
    make_feedback,
    make_reassessment,
    timeline_url,
    titles_on,
)

pytestmark = pytest.mark.django_db


def test_every_kind_of_event_is_listed_newest_first(client, mentor, mentee, mentorship):
    goal = make_goal(mentee, "Match into psychiatry", shared_with=[mentorship], created_at=ago(50))
    make_meeting(mentorship, starts_at=local(days=-40), status=Meeting.Status.HELD)
    GoalUpdate.objects.create(
        goal=goal, author=mentee, status=Goal.Status.IN_PROGRESS, created_at=ago(30)
    )
    make_meeting(mentorship, starts_at=local(days=-25), status="cancelled", mode="video")
    make_feedback(mentorship, goal=goal, strengths="Clear plan.", created_at=ago(20))
    # As accepting a change and pausing write them (see the mentorships tests).
    MentorshipEvent.objects.create(
        mentorship=mentorship, kind="agreement", summary="every 21 days, 45 minutes", at=ago(10)
    )
    make_reassessment(mentorship, mentee, completed_at=ago(5), satisfaction=4)
    Mentorship.objects.filter(pk=mentorship.pk).update(status="paused", paused_at=ago(2))
    MentorshipEvent.objects.create(mentorship=mentorship, kind="paused", at=ago(2))
    make_meeting(mentorship, starts_at=local(days=3))

    client.force_login(mentee)
    assert events_on(client.get(timeline_url(mentorship))) == [
        ("meeting", "Meeting planned: in person, 30 minutes"),
        ("mentorship", "Paused"),
        ("reassessment", "Periodic reassessment answered by you, satisfaction 4 of 5"),
        ("mentorship", "Agreement changed: every 21 days, 45 minutes"),
        ("feedback", "Feedback from Dr. Ines Alvarez about “Match into psychiatry”"),
        ("meeting", "Meeting cancelled: video, 30 minutes"),
        ("goal", "Goal in progress: Match into psychiatry"),
        ("meeting", "Meeting held: in person, 30 minutes"),
        ("goal", "Goal set: Match into psychiatry"),
        ("mentorship", "Mentorship began"),
    ]


def test_a_meeting_shows_its_action_items_and_the_goals_discussed(
    client, mentor, mentee, mentorship
):
    goal = make_goal(mentee, "Publish a case report", shared_with=[mentorship])
    meeting = make_meeting(mentorship, starts_at=local(days=-3), status=Meeting.Status.HELD)
    meeting.goals_discussed.add(goal)
    make_action_item(meeting, "Draft the abstract", due_on=local(days=4).date())
    make_action_item(meeting, "Find a co-author", owner="mentor", done_at=ago(1))

    client.force_login(mentor)
    page = client.get(timeline_url(mentorship)).content.decode()
    assert "Goals discussed: Publish a case report" in page
    assert 'Draft the abstract <span class="muted">(mentee, due' in page
    assert '✓ Find a co-author <span class="muted">(mentor)' in page
    assert f'href="/meetings/{meeting.pk}/"' in page


def test_pause_and_close_are_events(client, mentor, mentee, mentorship):
    pause(mentorship, by=mentee)
    client.force_login(mentor)
    assert "Paused" in titles_on(client.get(timeline_url(mentorship)))
    close(mentorship, by=mentor, reason=Mentorship.CloseReason.GOALS_MET)
    titles = titles_on(client.get(timeline_url(mentorship)))
    assert titles[:2] == ["Closed: Goals met", "Paused"]
    assert titles[-1] == "Mentorship began"


def test_a_pause_that_ended_stays_in_the_story(client, mentor, mentee, mentorship):
    pause(mentorship, by=mentee)
    resume(mentorship, by=mentee)
    client.force_login(mentor)
    titles = titles_on(client.get(timeline_url(mentorship)))
    assert "Paused" in titles and "Resumed" in titles


def test_only_accepted_agreement_changes_appear(client, mentor, mentee, mentorship):
    def propose_and_answer(answer):
        client.force_login(mentee)
        client.post(
            f"/mentorships/{mentorship.pk}/change/",
            {
                "cadence_days": "7",
                "meeting_minutes": "30",
                "main_mode": "video",
                "response_hours": "24",
                "reassess_every_days": "90",
            },
        )
        change = ExpectationChange.objects.get(status="pending")
        client.force_login(mentor)
        client.post(f"/mentorships/{mentorship.pk}/change/{change.pk}/answer/", {"answer": answer})

    propose_and_answer("decline")
    titles = titles_on(client.get(timeline_url(mentorship)))
    assert not [title for title in titles if title.startswith("Agreement changed")]
    propose_and_answer("accept")
    titles = titles_on(client.get(timeline_url(mentorship)))
    assert [t for t in titles if t.startswith("Agreement changed")] == [
        "Agreement changed: every 7 days, 30 minutes"
    ]
