"""Goals reach the timeline only while the mentee shares them with this mentorship."""

import pytest

from mentoring.meetings.models import Meeting
from mentoring.mentorships.lifecycle import close, pause
from mentoring.mentorships.models import Mentorship
from tests.factories import make_goal
from tests.meetings.factories import local, make_meeting
from tests.timeline.helpers import make_feedback, timeline_url, titles_on

pytestmark = pytest.mark.django_db


def test_goals_not_shared_with_this_mentorship_never_appear_for_either_person(
    client, mentor, mentee, mentorship, other_faculty
):
    elsewhere = Mentorship.objects.create(
        mentor=other_faculty, mentee=mentee, started_on=mentorship.started_on
    )
    make_goal(mentee, "Shared goal here", shared_with=[mentorship])
    make_goal(mentee, "Kept-private goal", updates=[("in_progress", "private progress")])
    make_goal(
        mentee, "Goal for the other mentor", shared_with=[elsewhere], updates=[("achieved", "")]
    )

    for person in (mentor, mentee):
        client.force_login(person)
        page = client.get(timeline_url(mentorship)).content.decode()
        assert "Goal set: Shared goal here" in page
        assert "Kept-private" not in page and "private progress" not in page
        assert "Goal for the other mentor" not in page


def test_a_goal_unshared_later_is_not_named_by_old_meetings_or_feedback(
    client, mentor, mentee, mentorship
):
    goal = make_goal(mentee, "Once-shared goal", shared_with=[mentorship])
    meeting = make_meeting(mentorship, starts_at=local(days=-3), status=Meeting.Status.HELD)
    meeting.goals_discussed.add(goal)
    make_feedback(mentorship, goal=goal, strengths="Good.")
    goal.shared_with.remove(mentorship)  # the mentee takes it back

    for person in (mentor, mentee):
        client.force_login(person)
        response = client.get(timeline_url(mentorship))
        assert "Once-shared goal" not in response.content.decode()
        # The meeting and the feedback stay; only the goal's name goes.
        assert "Feedback from Dr. Ines Alvarez" in titles_on(response)
        assert "Meeting held: in person, 30 minutes" in titles_on(response)


def test_once_closed_the_mentor_no_longer_sees_the_goals_shared_in_it(
    client, mentor, mentee, mentorship
):
    # As on the mentorship's goals page: a closed mentorship's mentor sees none of its goals,
    # not even the progress the mentee logs after the end.
    goal = make_goal(mentee, "Match into psychiatry", shared_with=[mentorship])
    meeting = make_meeting(mentorship, starts_at=local(days=-3), status=Meeting.Status.HELD)
    meeting.goals_discussed.add(goal)
    make_feedback(mentorship, goal=goal, strengths="Good.")
    close(mentorship, by=mentee, reason="goals_met")
    make_goal(mentee, "Goal shared too late", shared_with=[mentorship])
    goal.updates.create(author=mentee, status="achieved", note="Matched after we closed")

    client.force_login(mentor)
    response = client.get(timeline_url(mentorship))
    page = response.content.decode()
    assert "Match into psychiatry" not in page and "Matched after we closed" not in page
    assert "Goal shared too late" not in page
    assert "Feedback from Dr. Ines Alvarez" in titles_on(response)

    client.force_login(mentee)  # the mentee keeps the whole history
    titles = titles_on(client.get(timeline_url(mentorship)))
    assert "Goal achieved: Match into psychiatry" in titles
    assert "Feedback from Dr. Ines Alvarez about “Match into psychiatry”" in titles


def test_a_paused_mentorship_still_shows_its_goals_to_the_mentor(
    client, mentor, mentee, mentorship
):
    make_goal(mentee, "Match into psychiatry", shared_with=[mentorship])
    pause(mentorship, by=mentee)
    client.force_login(mentor)
    assert "Goal set: Match into psychiatry" in titles_on(client.get(timeline_url(mentorship)))
