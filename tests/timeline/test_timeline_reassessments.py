"""Answered reassessments: one's own always, the partner's only when shared, never an open one."""

import pytest

from tests.factories import make_mentorship
from tests.timeline.helpers import ago, make_reassessment, timeline_url, titles_on

pytestmark = pytest.mark.django_db

ANSWERED_BY_MENTEE = "Periodic reassessment answered by Sam Okafor"
ANSWERED_BY_MENTOR = "Periodic reassessment answered by Dr. Ines Alvarez"


def reassessment_titles(client, person, mentorship):
    client.force_login(person)
    titles = titles_on(client.get(timeline_url(mentorship)))
    return [title for title in titles if "reassessment" in title]


def test_own_answers_always_appear_with_a_link(client, mentee, mentorship):
    prompt = make_reassessment(mentorship, mentee, completed_at=ago(2), is_shared=False)
    assert reassessment_titles(client, mentee, mentorship) == [
        "Periodic reassessment answered by you"
    ]
    page = client.get(timeline_url(mentorship)).content.decode()
    assert f'href="/reassessments/{prompt.pk}/"' in page


def test_partner_sees_answers_only_when_shared(client, mentor, mentee, mentorship):
    make_reassessment(mentorship, mentee, completed_at=ago(3), due_days_ago=3, is_shared=True)
    make_reassessment(mentorship, mentee, completed_at=ago(2), due_days_ago=2, is_shared=False)
    make_reassessment(mentorship, mentor, completed_at=ago(1), due_days_ago=1, is_shared=False)

    assert reassessment_titles(client, mentor, mentorship) == [
        "Periodic reassessment answered by you",
        ANSWERED_BY_MENTEE,
    ]
    assert reassessment_titles(client, mentee, mentorship) == [
        "Periodic reassessment answered by you",
        "Periodic reassessment answered by you",
    ]


def test_shared_answers_of_the_mentor_reach_the_mentee(client, mentor, mentee, mentorship):
    make_reassessment(mentorship, mentor, completed_at=ago(1), is_shared=True, satisfaction=5)
    assert reassessment_titles(client, mentee, mentorship) == [
        f"{ANSWERED_BY_MENTOR}, satisfaction 5 of 5"
    ]


def test_an_unanswered_prompt_never_appears(client, mentor, mentee, mentorship):
    make_reassessment(mentorship, mentee, is_shared=True, due_days_ago=2)
    make_reassessment(mentorship, mentor, is_shared=True, due_days_ago=1)
    for person in (mentor, mentee):
        assert reassessment_titles(client, person, mentorship) == []


def test_another_mentorships_reassessments_stay_out(
    client, mentor, mentee, mentorship, other_faculty
):
    elsewhere = make_mentorship(other_faculty, mentee)
    make_reassessment(elsewhere, mentee, completed_at=ago(1), is_shared=True)
    assert reassessment_titles(client, mentee, mentorship) == []
    assert reassessment_titles(client, mentor, mentorship) == []
