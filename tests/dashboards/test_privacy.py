"""What people wrote never reaches a dashboard: not on a page, not in a download."""

import pytest

from mentoring.conversations.models import Attachment
from mentoring.dashboards.aggregates import AGGREGATE_TABLES
from mentoring.dashboards.students import STUDENT_TABLES
from mentoring.feedback.models import Feedback
from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import Mentorship
from tests.conversations.responses_factory import send
from tests.dashboards.conftest import (
    DAY,
    NOW,
    dashboard_url,
    make_prompt,
    make_request,
    students_url,
)
from tests.factories import make_goal, make_mentee, make_mentorship, make_rotation, make_user
from tests.meetings.factories import make_action_item, make_meeting, make_private_note

pytestmark = pytest.mark.django_db
CANARIES = {
    "request": "CANARY-REQUEST-MESSAGE",
    "answer": "CANARY-ANSWER-MESSAGE",
    "goal": "CANARY-GOAL-TITLE",
    "notes": "CANARY-SHARED-NOTES",
    "agenda": "CANARY-AGENDA",
    "item": "CANARY-ACTION-ITEM",
    "private": "CANARY-PRIVATE-NOTE",
    "feedback": "CANARY-FEEDBACK",
    "going_well": "CANARY-GOING-WELL",
    "to_improve": "CANARY-TO-IMPROVE",
    "reflection": "CANARY-CLOSING-REFLECTION",
    "vision": "CANARY-VISION",
    "gender": "CANARY-GENDER",
    "message": "CANARY-MESSAGE",
    "attachment": "CANARY-ATTACHMENT-NAME",
}


@pytest.fixture
def secrets(coordinator, clerkship, mentee, mentor, other_faculty):
    """Every kind of private text, written about students in the coordinator's scope."""
    mentorship = make_mentorship(mentor, mentee)
    make_request(mentee, other_faculty, message=CANARIES["request"])
    make_request(
        mentee,
        make_user(),
        status="declined",
        created_at=NOW - 3 * DAY,
        answered_at=NOW - DAY,
        message=CANARIES["request"],
        answer_message=CANARIES["answer"],
    )
    make_goal(mentee, title=CANARIES["goal"], shared_with=[mentorship])
    held = make_meeting(
        mentorship,
        starts_at=NOW - 2 * DAY,
        status=Meeting.Status.HELD,
        shared_notes=CANARIES["notes"],
        agenda=CANARIES["agenda"],
    )
    make_action_item(held, text=CANARIES["item"])
    make_private_note(held, mentor, CANARIES["private"])
    Feedback.objects.create(
        mentorship=mentorship,
        author=mentor,
        direction=Feedback.Direction.TO_MENTEE,
        strengths=CANARIES["feedback"],
        work_on=CANARIES["feedback"],
    )
    make_prompt(
        mentorship,
        mentee,
        completed_at=NOW,
        satisfaction=4,
        going_well=CANARIES["going_well"],
        to_improve=CANARIES["to_improve"],
    )
    mentee.mentee_profile.vision = CANARIES["vision"]
    mentee.mentee_profile.gender = CANARIES["gender"]
    mentee.mentee_profile.save()
    # A closed relationship of another student in scope, and one left without a mentor.
    other = make_mentee(make_user(display_name="Second Student"), vision=CANARIES["vision"])
    make_rotation(other, clerkship)
    closed = make_mentorship(mentor, other)
    Mentorship.objects.filter(pk=closed.pk).update(
        status="closed", closing_reflection=CANARIES["reflection"]
    )
    mentor.mentor_profile.gender = CANARIES["gender"]
    mentor.mentor_profile.save()
    # Messages both ways, one answered, one with a document.
    send(mentorship, mentee, NOW - 3 * DAY, text=CANARIES["message"])
    answer = send(mentorship, mentor, NOW - 2 * DAY, text=CANARIES["message"])
    Attachment.objects.create(
        message=answer,
        owner=mentor,
        file="conversations/1/0123456789abcdef",
        name=CANARIES["attachment"],
        content_type="application/pdf",
        size=100,
    )


def every_response(client, clerkship):
    for scope in (clerkship, None):
        yield client.get(dashboard_url(scope))
        yield client.get(students_url(scope))
        for name in [*AGGREGATE_TABLES, *STUDENT_TABLES]:
            yield client.get(dashboard_url(scope, export=name))


@pytest.mark.usefixtures("secrets")
def test_no_private_words_on_any_page_or_download(client, coordinator, clerkship, staff):
    # Not vacuous: the dashboard does count the rows that carry the words.
    client.force_login(coordinator)
    requests = client.get(dashboard_url(clerkship, export="requests")).content.decode()
    assert "Declined in the period,1" in requests and "Sent in the period,2" in requests
    assert (
        "March 2026,1" in client.get(dashboard_url(clerkship, export="meetings")).content.decode()
    )
    answers = client.get(dashboard_url(clerkship, export="message-answers")).content.decode()
    assert "Sent in the period,2" in answers
    for viewer in (coordinator, staff):
        client.force_login(viewer)
        for response in every_response(client, clerkship):
            if response.status_code == 404:  # the school's pages, for the coordinator
                assert viewer == coordinator
                continue
            assert response.status_code == 200
            text = response.content.decode()
            leaked = [name for name, canary in CANARIES.items() if canary in text]
            assert not leaked, f"{response.request['PATH_INFO']} shows {leaked}"


@pytest.mark.usefixtures("secrets")
def test_the_unmatched_list_shows_name_stage_and_interests_only(client, coordinator, clerkship):
    client.force_login(coordinator)
    page = client.get(students_url(clerkship)).content.decode()
    assert "Second Student" in page
    assert "Sam Okafor" not in page  # has an active mentor
    assert "@med.example.edu" not in page  # no e-mail addresses
