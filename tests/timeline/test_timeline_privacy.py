"""Words the partner may not read never reach the timeline (DESIGN.md, "Who sees what")."""

import pytest

from mentoring.meetings.models import Meeting
from tests.factories import make_goal
from tests.meetings.factories import local, make_meeting, make_private_note
from tests.timeline.helpers import ago, make_reassessment, timeline_url, titles_on

pytestmark = pytest.mark.django_db

PRIVATE_GOAL = "canary-goal-7c41"
MENTOR_NOTE = "canary-mentor-note-2b9e"
MENTEE_NOTE = "canary-mentee-note-91fd"
GOING_WELL = "canary-going-well-e03a"
TO_IMPROVE = "canary-to-improve-5a6c"


@pytest.fixture
def unshared_answers(mentor, mentee, mentorship):
    """A private goal, both people's private notes, and the mentee's unshared answers."""
    make_goal(mentee, PRIVATE_GOAL, updates=[("in_progress", PRIVATE_GOAL + " update")])
    meeting = make_meeting(mentorship, starts_at=local(days=-5), status=Meeting.Status.HELD)
    make_private_note(meeting, mentor, MENTOR_NOTE)
    make_private_note(meeting, mentee, MENTEE_NOTE)
    return make_reassessment(
        mentorship,
        mentee,
        completed_at=ago(1),
        is_shared=False,
        going_well=GOING_WELL,
        to_improve=TO_IMPROVE,
        satisfaction=2,
    )


def page_for(client, person, mentorship):
    client.force_login(person)
    return client.get(timeline_url(mentorship)).content.decode()


def test_the_mentors_timeline_holds_none_of_the_mentees_private_words(
    client, mentor, mentorship, unshared_answers
):
    page = page_for(client, mentor, mentorship)
    for canary in (PRIVATE_GOAL, MENTEE_NOTE, GOING_WELL, TO_IMPROVE):
        assert canary not in page
    # Not even the fact of the unshared answers, nor their score.
    assert f"/reassessments/{unshared_answers.pk}/" not in page
    assert "reassessment" not in " ".join(titles_on(client.get(timeline_url(mentorship))))


def test_the_mentees_timeline_holds_none_of_the_mentors_private_note(
    client, mentee, mentorship, unshared_answers
):
    assert MENTOR_NOTE not in page_for(client, mentee, mentorship)


def test_private_notes_stay_off_the_timeline_even_for_their_author(
    client, mentor, mentee, mentorship, unshared_answers
):
    # The timeline is a shared view; each note lives on its meeting's page, for its author.
    assert MENTOR_NOTE not in page_for(client, mentor, mentorship)
    assert MENTEE_NOTE not in page_for(client, mentee, mentorship)


def test_own_unshared_answers_show_as_a_link_not_the_words(
    client, mentee, mentorship, unshared_answers
):
    page = page_for(client, mentee, mentorship)
    assert GOING_WELL not in page and TO_IMPROVE not in page
    link = f'<a href="/reassessments/{unshared_answers.pk}/">'
    assert f"{link}Periodic reassessment answered by you, satisfaction 2 of 5</a>" in page
    # The words are one click away, for the respondent only.
    assert GOING_WELL in client.get(f"/reassessments/{unshared_answers.pk}/").content.decode()


def test_the_partner_cannot_follow_the_link_either(client, mentor, mentorship, unshared_answers):
    client.force_login(mentor)
    assert client.get(f"/reassessments/{unshared_answers.pk}/").status_code == 404
