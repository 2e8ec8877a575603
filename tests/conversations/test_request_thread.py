"""Before accepting, a mentor asks the student a question on the request and the student
answers; once accepted, those messages open the mentorship's thread."""

import pytest

from mentoring.conversations.models import Message
from mentoring.mentorships import asking
from mentoring.mentorships.models import MentorshipRequest
from tests.conversations.helpers import request_thread_url, thread_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(mentee, mentor):
    return asking.ask(mentee, mentor, message="Could you help with research?")


def test_mentor_asks_before_accepting_and_the_student_answers(client, pending, mentee, mentor):
    client.force_login(mentor)
    page = client.get(f"/requests/{pending.pk}/").content.decode()
    assert f'href="{request_thread_url(pending)}">Messages</a>' in page

    response = client.post(request_thread_url(pending), {"text": "Which project interests you?"})
    assert response.status_code == 302

    client.force_login(mentee)
    page = client.get(f"/requests/{pending.pk}/").content.decode()
    assert '<span class="badge">1<span class="visually-hidden"> unread</span></span>' in page
    page = client.get(request_thread_url(pending)).content.decode()
    assert "Messages with Dr. Ines Alvarez" in page
    assert "Which project interests you?" in page
    client.post(request_thread_url(pending), {"text": "The addiction cohort study."})

    assert list(Message.objects.values_list("request", "mentorship", "sender")) == [
        (pending.pk, None, mentor.pk),
        (pending.pk, None, mentee.pk),
    ]
    assert Message.objects.get(sender=mentor).answered_at is not None


def test_once_accepted_the_mentorship_thread_shows_the_request_messages(
    client, pending, mentee, mentor
):
    client.force_login(mentor)
    client.post(request_thread_url(pending), {"text": "Which project interests you?"})
    mentorship = asking.accept(pending, mentor)
    client.post(thread_url(mentorship), {"text": "Welcome aboard"})

    client.force_login(mentee)
    page = client.get(thread_url(mentorship)).content.decode()
    assert page.index("Which project interests you?") < page.index("Welcome aboard")

    # The request's own thread is read-only now and points to the mentorship's.
    page = client.get(request_thread_url(pending)).content.decode()
    assert "the conversation continues in the mentorship&#x27;s messages" in page
    assert f'<a href="{thread_url(mentorship)}">Go to the mentorship' in page
    response = client.post(request_thread_url(pending), {"text": "Late reply"})
    assert response.status_code == 200
    assert not Message.objects.filter(text="Late reply").exists()


@pytest.mark.parametrize("answer", ["decline", "withdraw"])
def test_a_request_no_longer_waiting_takes_no_messages(client, pending, mentee, mentor, answer):
    client.force_login(mentor)
    client.post(request_thread_url(pending), {"text": "A question first"})
    if answer == "decline":
        asking.decline(pending, mentor, "No room this term.")
    else:
        asking.withdraw(pending, mentee)
    pending.refresh_from_db()
    assert pending.status != MentorshipRequest.Status.PENDING

    client.force_login(mentee)
    page = client.get(request_thread_url(pending)).content.decode()
    assert "A question first" in page
    assert "is no longer waiting for an answer" in page and 'id="reply"' not in page
    response = client.post(request_thread_url(pending), {"text": "But wait"})
    assert "no new messages can be sent here" in response.content.decode()
    assert Message.objects.count() == 1
