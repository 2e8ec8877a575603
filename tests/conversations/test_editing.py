"""Editing one's own message for MESSAGE_EDIT_MINUTES after sending it; never after, never
the partner's, never in a closed mentorship."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from mentoring.mentorships import lifecycle
from tests.conversations.helpers import thread_url, write

pytestmark = pytest.mark.django_db


def edit_url(message):
    return f"/messages/{message.pk}/edit/"


def test_the_sender_corrects_a_message_within_the_window(client, mentorship, mentee, mentor):
    message = write(mentorship, mentee, "See you Thrusday")
    client.force_login(mentee)
    assert "See you Thrusday" in client.get(edit_url(message)).content.decode()
    response = client.post(edit_url(message), {"text": "See you Thursday"})
    assert response.status_code == 302
    assert response["Location"] == f"{thread_url(mentorship)}#message-{message.pk}"
    message.refresh_from_db()
    assert message.text == "See you Thursday" and message.edited_at is not None

    client.force_login(mentor)
    page = client.get(thread_url(mentorship)).content.decode()
    assert "See you Thursday" in page and '· <span class="muted">edited</span>' in page
    assert "Thrusday" not in page


def test_the_thread_offers_edit_only_on_my_recent_messages(client, mentorship, mentee, mentor):
    old = write(mentorship, mentee, "Old")
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=11)):
        recent = write(mentorship, mentee, "Recent")
        theirs = write(mentorship, mentor, "Theirs")
        client.force_login(mentee)
        page = client.get(thread_url(mentorship)).content.decode()
    assert edit_url(recent) in page
    assert edit_url(old) not in page and edit_url(theirs) not in page


def test_after_the_window_the_message_stays_as_it_was(client, mentorship, mentee, settings):
    settings.MESSAGE_EDIT_MINUTES = 10
    message = write(mentorship, mentee, "Original")
    client.force_login(mentee)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=10, seconds=1)):
        page = client.get(edit_url(message)).content.decode()
        assert "A message can be changed for 10 minutes after it is sent" in page
        response = client.post(edit_url(message), {"text": "Rewritten"})
    assert response.status_code == 200
    message.refresh_from_db()
    assert message.text == "Original" and message.edited_at is None


def test_bad_edits_are_refused_with_a_message(client, mentorship, mentee):
    message = write(mentorship, mentee, "Original")
    client.force_login(mentee)
    for text, error in (
        ("", "Write a message before sending."),
        ("y" * 20_000, "A message can be at most 5,000 characters"),
    ):
        response = client.post(edit_url(message), {"text": text})
        assert error in response.content.decode()
    message.refresh_from_db()
    assert message.text == "Original"


def test_no_edit_once_the_mentorship_is_closed(client, mentorship, mentee, mentor):
    message = write(mentorship, mentee, "Original")
    lifecycle.close(mentorship, by=mentor, reason="graduated")
    client.force_login(mentee)
    response = client.post(edit_url(message), {"text": "Rewritten"})
    assert "This mentorship is closed" in response.content.decode()
    message.refresh_from_db()
    assert message.text == "Original"
