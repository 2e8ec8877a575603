"""The mentee's own record, as a printable page and as a JSON download."""

import json

import pytest

from mentoring.meetings.models import Meeting
from mentoring.mentorships.lifecycle import close
from tests.factories import make_goal, make_mentee, make_mentorship
from tests.meetings.factories import local, make_action_item, make_meeting, make_private_note
from tests.timeline.helpers import make_feedback

pytestmark = pytest.mark.django_db

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


def test_the_printable_record_holds_the_mentees_story(client, mentee, story):
    client.force_login(mentee)
    page = client.get("/record/").content.decode()
    for text in [
        "Match into psychiatry",
        "Sleep seven hours",  # private goals are the mentee's own too
        "Two weeks running",
        "With Dr. Ines Alvarez",
        "Discuss the research plan",
        "We agreed on a chart review.",
        "Draft the IRB form",
        "I felt nervous about asking.",
        "Your cardiac exam was systematic.",
    ]:
        assert text in page
    assert 'href="/record.json"' in page


def test_the_json_record_is_an_attachment_with_the_same_story(client, mentee, story):
    client.force_login(mentee)
    response = client.get("/record.json")
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="my-mentoring-record.json"'
    record = json.loads(response.content)

    assert set(record) == {"person", "exported_at", "goals", "mentorships", "messages"}
    assert record["person"] == {"name": "Sam Okafor", "email": mentee.email}
    goals = {goal["title"]: goal for goal in record["goals"]}
    assert set(goals) == {"Match into psychiatry", "Sleep seven hours"}
    assert goals["Sleep seven hours"]["updates"][0]["note"] == "Two weeks running"
    assert set(goals["Sleep seven hours"]["updates"][0]) == {"at", "status", "note"}

    [mentorship] = record["mentorships"]
    assert (mentorship["mentor"], mentorship["status"]) == ("Dr. Ines Alvarez", "Active")
    [meeting] = mentorship["meetings"]
    assert meeting["agenda"] == "Discuss the research plan"
    assert meeting["shared_notes"] == "We agreed on a chart review."
    assert meeting["my_private_note"] == "I felt nervous about asking."
    assert meeting["goals_discussed"] == ["Match into psychiatry"]
    assert meeting["action_items"] == [
        {"text": "Draft the IRB form", "owner": "Mentee", "due_on": None, "done": False}
    ]
    [feedback] = mentorship["feedback_received"]
    assert feedback["strengths"] == "Your cardiac exam was systematic."
    assert feedback["goal"] == "Match into psychiatry"


def test_neither_record_holds_the_mentors_note_or_another_students_goal(client, mentee, story):
    client.force_login(mentee)
    for url in ("/record/", "/record.json"):
        body = client.get(url).content.decode()
        assert MENTOR_NOTE not in body
        assert OTHER_STUDENTS_GOAL not in body
        assert "Your quick replies." not in body  # given, not received


def test_a_closed_mentorship_stays_in_the_record(client, mentor, mentee, story):
    close(story, by=mentor, reason="graduated")
    client.force_login(mentee)
    [mentorship] = json.loads(client.get("/record.json").content)["mentorships"]
    assert mentorship["status"] == "Closed" and mentorship["closed_at"]


def test_a_mentors_record_holds_none_of_their_mentees_words(client, mentor, story):
    client.force_login(mentor)
    record = json.loads(client.get("/record.json").content)
    assert (record["goals"], record["mentorships"]) == ([], [])
    assert "chart review" not in client.get("/record/").content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    for url in ("/record/", "/record.json"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
