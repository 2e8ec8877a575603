"""One mentorship told from both sides, for the record tests."""

import pytest

from mentoring.meetings.models import Meeting
from tests.factories import make_goal, make_mentee, make_mentorship
from tests.meetings.factories import local, make_action_item, make_meeting, make_private_note
from tests.timeline.helpers import make_feedback

MENTOR_NOTE = "canary-record-mentor-note-4f2a"
OTHER_STUDENTS_GOAL = "canary-record-other-goal-c81d"


@pytest.fixture
def story(mentor, mentee):
    """One mentorship with a held meeting, feedback both ways, and a second student nearby."""
    mentorship = make_mentorship(mentor, mentee)
    goal = make_goal(
        mentee, "Match into psychiatry", shared_with=[mentorship], updates=[("in_progress", "")]
    )
    make_goal(mentee, "Sleep seven hours", updates=[("achieved", "Two weeks running")])
    meeting = make_meeting(
        mentorship,
        starts_at=local(days=-7),
        status=Meeting.Status.HELD,
        agenda="Discuss the research plan",
        shared_notes="We agreed on a chart review.",
    )
    meeting.goals_discussed.add(goal)
    make_action_item(meeting, "Draft the IRB form")
    make_private_note(meeting, mentee, "I felt nervous about asking.")
    make_private_note(meeting, mentor, MENTOR_NOTE)
    make_feedback(mentorship, goal=goal, strengths="Your cardiac exam was systematic.")
    make_feedback(mentorship, to_mentee=False, what_helps="Your quick replies.")

    other = make_mentee()
    theirs = make_mentorship(mentor, other)
    other_goal = make_goal(other, OTHER_STUDENTS_GOAL, shared_with=[theirs])
    make_meeting(theirs, status="held", starts_at=local(days=-2)).goals_discussed.add(other_goal)
    return mentorship
