"""Deleting one's account removes one's own content and keeps the partner's."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from mentoring.dashboards.models import AccessLog
from mentoring.feedback.models import Feedback
from mentoring.goals.models import Goal
from mentoring.meetings.models import Meeting, PrivateNote
from mentoring.mentorships import asking
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.profiles.models import MentorProfile
from mentoring.records.account_deletion import PLACEHOLDER_NAME, delete_account
from tests.factories import make_goal, make_mentorship
from tests.meetings.factories import local, make_meeting

URL = "/account/delete/"
MENTEE_CANARY = "canary-d31e-mentee-own"
MENTOR_NOTE = "canary-a77c-mentor-private-note"
MENTOR_FEEDBACK = "canary-5b02-mentor-feedback"


@pytest.fixture
def shared(mentor, mentee):
    """An open mentorship with a held meeting, both people's private notes, a goal of the
    mentee's shared with it, and feedback each way."""
    mentorship = make_mentorship(mentor, mentee)
    goal = make_goal(mentee, title=MENTEE_CANARY, shared_with=[mentorship])
    meeting = make_meeting(mentorship, local(days=-2), status=Meeting.Status.HELD)
    meeting.goals_discussed.add(goal)
    PrivateNote.objects.create(meeting=meeting, author=mentee, text=MENTEE_CANARY)
    PrivateNote.objects.create(meeting=meeting, author=mentor, text=MENTOR_NOTE)
    Feedback.objects.create(
        mentorship=mentorship, author=mentor, direction="to_mentee", strengths=MENTOR_FEEDBACK
    )
    Feedback.objects.create(
        mentorship=mentorship, author=mentee, direction="to_mentor", what_helps=MENTEE_CANARY
    )
    return mentorship, meeting


def database_text():
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def test_confirming_deletes_signs_out_and_says_goodbye(client, mentee, shared):
    client.force_login(mentee)
    response = client.post(URL, {"email": mentee.email.upper()}, follow=True)
    assert response.redirect_chain[-1][0] == "/account/deleted/"
    assert "Your account is deleted" in response.content.decode()
    assert not get_user_model().objects.filter(pk=mentee.pk).exists()
    assert client.get("/account/settings/").status_code == 302  # signed out


def test_own_goals_notes_and_feedback_are_gone(mentee, shared):
    delete_account(mentee)
    assert not Goal.objects.exists()
    assert list(PrivateNote.objects.values_list("text", flat=True)) == [MENTOR_NOTE]
    assert MENTEE_CANARY not in database_text()


def test_partner_keeps_meeting_private_note_and_feedback(client, mentor, mentee, shared):
    mentorship, meeting = shared
    delete_account(mentee)
    mentorship.refresh_from_db()
    assert mentorship.status == Mentorship.Status.CLOSED
    assert (mentorship.mentor, str(mentorship.mentee)) == (mentor, PLACEHOLDER_NAME)
    assert str(mentorship.closed_by) == PLACEHOLDER_NAME
    client.force_login(mentor)
    assert MENTOR_NOTE in client.get(f"/meetings/{meeting.pk}/").content.decode()
    page = client.get(f"/mentorships/{mentorship.pk}/feedback/").content.decode()
    assert MENTOR_FEEDBACK in page and MENTEE_CANARY not in page
    assert mentor.notifications.filter(kind="mentorship.closed").exists()


def test_placeholder_cannot_sign_in_and_is_shared(mentor, mentee, other_faculty):
    make_mentorship(mentor, mentee)
    make_mentorship(other_faculty, mentee)
    delete_account(mentee)
    placeholder = get_user_model().objects.get(display_name=PLACEHOLDER_NAME)
    assert not placeholder.is_active and not placeholder.has_usable_password()
    assert Mentorship.objects.filter(mentee=placeholder).count() == 2


def test_mentor_counts_are_right(mentor, mentee, other_faculty):
    make_mentorship(mentor, mentee)
    asking.ask(mentee, other_faculty, message="Could you mentor me?")
    delete_account(mentee)
    assert MentorProfile.objects.get(user=mentor).active_mentee_count == 0
    assert MentorProfile.objects.get(user=other_faculty).pending_request_count == 0
    assert not MentorshipRequest.objects.exists()


def test_when_both_sides_leave_the_mentorship_goes(mentor, mentee, shared):
    delete_account(mentee)
    delete_account(mentor)
    assert not Mentorship.objects.exists()
    assert MENTOR_NOTE not in database_text()


def test_audit_rows_outlive_the_viewer(coordinator, mentee, clerkship):
    AccessLog.objects.create(viewer=coordinator, action="export", subject_user=mentee)
    delete_account(coordinator)
    assert str(AccessLog.objects.get().viewer) == PLACEHOLDER_NAME


def test_wrong_email_deletes_nothing(client, mentee, shared):
    client.force_login(mentee)
    response = client.post(URL, {"email": "someone-else@example.edu"})
    assert response.status_code == 200
    assert "not the address you sign in with" in response.content.decode()
    assert get_user_model().objects.filter(pk=mentee.pk).exists()
    assert Mentorship.objects.get().status == Mentorship.Status.ACTIVE


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_confirmation_page_explains_and_links(
    client, mentee, shared, django_assert_max_num_queries
):
    client.force_login(mentee)
    with django_assert_max_num_queries(10):
        page = client.get(URL).content.decode()
    assert "What stays, for the other person" in page and "/record.json" in page
    settings_page = client.get("/account/settings/").content.decode()
    assert "Delete my account" in settings_page and "Download my data" in settings_page
