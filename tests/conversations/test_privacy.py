"""Only the two people: everyone else gets 404 for the threads, the edit page and the
documents, whoever they are (a coordinator in scope, staff, other faculty or students)."""

import pytest

from mentoring.conversations.models import Message
from mentoring.mentorships import asking
from tests.conversations.helpers import PDF, request_thread_url, thread_url, upload, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def message(mentorship, mentee):
    return write(mentorship, mentee, "Private words", upload("cv.pdf", PDF))


@pytest.fixture
def others(outsider, other_faculty, coordinator, staff):
    return [outsider, other_faculty, coordinator, staff]


def urls_of(message, mentorship):
    attachment = message.attachments.get()
    return [
        thread_url(mentorship),
        f"/messages/{message.pk}/edit/",
        f"/attachments/{attachment.pk}/",
    ]


def test_everyone_but_the_pair_gets_404(client, mentorship, message, mentee, mentor, others):
    for person in others:
        client.force_login(person)
        for url in urls_of(message, mentorship):
            assert client.get(url).status_code == 404, (person, url)
        assert client.post(thread_url(mentorship), {"text": "Intruding"}).status_code == 404
        assert client.post(f"/messages/{message.pk}/edit/", {"text": "x"}).status_code == 404
    assert Message.objects.count() == 1
    message.refresh_from_db()
    assert message.text == "Private words"


def test_the_pair_reads_everything(client, mentorship, message, mentee, mentor):
    for person in (mentee, mentor):
        client.force_login(person)
        assert client.get(thread_url(mentorship)).status_code == 200
        assert client.get(f"/attachments/{message.attachments.get().pk}/").status_code == 200


def test_the_partner_may_not_edit_my_words(client, message, mentor):
    client.force_login(mentor)
    assert client.get(f"/messages/{message.pk}/edit/").status_code == 403
    assert client.post(f"/messages/{message.pk}/edit/", {"text": "Changed"}).status_code == 403
    message.refresh_from_db()
    assert message.text == "Private words"


def test_a_request_thread_is_for_its_two_people_only(
    client, mentee, other_faculty, mentor, outsider, coordinator, staff
):
    pending = asking.ask(mentee, other_faculty, message="Could you help?")
    write(pending, other_faculty, "What year are you in?")
    for person in (mentee, other_faculty):
        client.force_login(person)
        assert client.get(request_thread_url(pending)).status_code == 200
    # The mentee's own mentor is not a party to a request to someone else.
    for person in (mentor, outsider, coordinator, staff):
        client.force_login(person)
        assert client.get(request_thread_url(pending)).status_code == 404
        assert client.post(request_thread_url(pending), {"text": "Hi"}).status_code == 404
    assert Message.objects.count() == 1


def test_anonymous_visitors_are_sent_to_sign_in(client, mentorship, message):
    for url in urls_of(message, mentorship):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
