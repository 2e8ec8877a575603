"""The mentee's own record, as a printable page and as a JSON download."""

import json

import pytest

from mentoring.mentorships.lifecycle import close
from tests.records.conftest import MENTOR_NOTE, OTHER_STUDENTS_GOAL

pytestmark = pytest.mark.django_db


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

    assert set(record) == {
        "person",
        "exported_at",
        "contact_details",
        "goals",
        "outcomes",
        "mentorships",
        "messages",
        "concerns_sent",
    }
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
    # Their own words to the mentor are theirs too.
    [given] = mentorship["feedback_given"]
    assert given["what_helps"] == "Your quick replies."
    assert (mentorship["role"], mentorship["mentee"]) == ("mentee", "Sam Okafor")


def test_neither_record_holds_the_mentors_note_or_another_students_goal(client, mentee, story):
    client.force_login(mentee)
    for url in ("/record/", "/record.json"):
        body = client.get(url).content.decode()
        assert MENTOR_NOTE not in body
        assert OTHER_STUDENTS_GOAL not in body


def test_a_closed_mentorship_stays_in_the_record(client, mentor, mentee, story):
    close(story, by=mentor, reason="graduated")
    client.force_login(mentee)
    [mentorship] = json.loads(client.get("/record.json").content)["mentorships"]
    assert mentorship["status"] == "Closed" and mentorship["closed_at"]


def test_signed_out_visitors_are_sent_to_sign_in(client):
    for url in ("/record/", "/record.json"):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
