"""A closed mentorship keeps its feedback as history and takes no new feedback; the goals
offered on the form are those the viewer may read in that mentorship (issue 23, hole 9)."""

import pytest

from mentoring.feedback.forms import MenteeFeedbackForm, MentorFeedbackForm
from mentoring.feedback.models import Feedback, FeedbackRequest
from mentoring.mentorships import lifecycle
from tests.factories import make_goal, make_mentorship

CLOSED = "This mentorship is closed"


@pytest.fixture
def former(mentor, mentee, other_faculty):
    """The mentee's closed mentorship with `mentor`, and an open one with `other_faculty`."""
    closed = make_mentorship(mentor, mentee)
    make_goal(mentee, title="Goal shared with both", shared_with=[closed])
    lifecycle.close(closed, mentee, "not_a_fit")
    current = make_mentorship(other_faculty, mentee)
    make_goal(mentee, title="Goal only for the new mentor", shared_with=[current])
    both = mentee.goals.get(title="Goal shared with both")
    both.shared_with.add(current)
    return closed


def give_url(m):
    return f"/mentorships/{m.pk}/feedback/give/"


@pytest.mark.django_db
def test_former_mentor_sees_no_goal_and_is_refused(
    client, mentor, former, django_assert_max_num_queries
):
    client.force_login(mentor)
    with django_assert_max_num_queries(12):
        response = client.get(give_url(former), follow=True)
    page = response.content.decode()
    assert "Goal shared with both" not in page and "Goal only for the new mentor" not in page
    assert CLOSED in page and "Send feedback" not in page


@pytest.mark.django_db
def test_closed_mentorship_takes_no_new_feedback_from_either_side(client, mentor, mentee, former):
    goal = mentee.goals.get(title="Goal shared with both")
    client.force_login(mentor)
    response = client.post(
        give_url(former), {"goal": goal.pk, "strengths": "Late words."}, follow=True
    )
    assert CLOSED in response.content.decode()
    client.force_login(mentee)
    response = client.post(give_url(former), {"what_helps": "Late words."}, follow=True)
    assert CLOSED in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_closed_mentorship_hides_give_and_takes_no_request(client, mentor, mentee, former):
    client.force_login(mentee)
    page = client.get(f"/mentorships/{former.pk}/feedback/").content.decode()
    assert give_url(former) not in page and "Ask for feedback" not in page
    response = client.post(f"/mentorships/{former.pk}/feedback/ask/", follow=True)
    assert CLOSED in response.content.decode()
    assert not FeedbackRequest.objects.exists()


@pytest.mark.django_db
def test_form_offers_only_goals_the_viewer_may_read_there(mentor, mentee, other_faculty, former):
    current = other_faculty.mentorships_as_mentor.get()
    offered = MentorFeedbackForm(mentorship=former, viewer=mentor).fields["goal"].queryset
    assert list(offered) == []
    offered = MentorFeedbackForm(mentorship=current, viewer=other_faculty).fields["goal"].queryset
    assert {g.title for g in offered} == {"Goal shared with both", "Goal only for the new mentor"}
    # The mentee reads their own goals, but only those shared with this mentorship.
    offered = MenteeFeedbackForm(mentorship=former, viewer=mentee).fields["goal"].queryset
    assert [g.title for g in offered] == ["Goal shared with both"]
