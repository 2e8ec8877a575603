"""Writing and reading a mentorship's thread as the two people do, through the page."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from mentoring.conversations.models import Message
from mentoring.mentorships import lifecycle
from tests.conversations.helpers import thread_url, write

pytestmark = pytest.mark.django_db


def texts_on(page):
    return re.findall(r'<div class="text">(.*?)</div>', page, re.S)


def test_mentee_writes_and_the_mentor_reads_it(client, mentorship, mentee, mentor):
    client.force_login(mentee)
    response = client.post(thread_url(mentorship), {"text": "Could we talk about electives?"})
    assert response.status_code == 302
    assert response["Location"] == f"{thread_url(mentorship)}#latest"
    message = Message.objects.get()
    assert (message.sender, message.recipient, message.mentorship) == (mentee, mentor, mentorship)

    client.force_login(mentor)
    page = client.get(thread_url(mentorship)).content.decode()
    assert "Messages with Sam Okafor" in page
    assert texts_on(page) == ["Could we talk about electives?"]
    assert "<strong>Sam Okafor</strong>" in page


def test_newest_at_the_bottom(client, mentorship, mentee, mentor):
    write(mentorship, mentee, "First")
    write(mentorship, mentor, "Second")
    write(mentorship, mentee, "Third")
    client.force_login(mentee)
    assert texts_on(client.get(thread_url(mentorship)).content.decode()) == [
        "First",
        "Second",
        "Third",
    ]


def test_times_are_in_the_readers_time_zone(client, mentorship, mentee, mentor):
    moment = datetime.datetime(2026, 3, 2, 14, 5, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        write(mentorship, mentee, "Sent at 14:05 UTC")
    mentor.time_zone = "Asia/Tokyo"
    mentor.save()
    mentee.time_zone = "America/Los_Angeles"
    mentee.save()
    client.force_login(mentor)
    assert "Mon 2 Mar 2026, 23:05" in client.get(thread_url(mentorship)).content.decode()
    client.force_login(mentee)
    assert "Mon 2 Mar 2026, 06:05" in client.get(thread_url(mentorship)).content.decode()


def test_opening_the_thread_marks_the_partners_messages_read_and_shows_seen(
    client, mentorship, mentee, mentor
):
    mine = write(mentorship, mentee, "Are you free Friday?")
    client.force_login(mentee)
    assert "Not seen yet" in client.get(thread_url(mentorship)).content.decode()
    mine.refresh_from_db()
    assert mine.read_at is None  # the sender opening the thread is not the reader

    client.force_login(mentor)
    client.get(thread_url(mentorship))
    mine.refresh_from_db()
    assert mine.read_at is not None

    client.force_login(mentee)
    page = client.get(thread_url(mentorship)).content.decode()
    assert "Seen" in page and "Not seen yet" not in page


def test_only_my_last_message_says_whether_it_was_seen(client, mentorship, mentee, mentor):
    write(mentorship, mentee, "One")
    write(mentorship, mentee, "Two")
    client.force_login(mentee)
    assert client.get(thread_url(mentorship)).content.decode().count("Not seen yet") == 1


def test_text_is_escaped_and_links_are_clickable(client, mentorship, mentee, mentor):
    write(
        mentorship,
        mentee,
        "<script>alert('x')</script> see https://example.org/cv?a=1&b=2\n"
        'and javascript:alert(1) and <a href="javascript:alert(2)">click</a>',
    )
    client.force_login(mentor)
    page = client.get(thread_url(mentorship)).content.decode()
    text = texts_on(page)[0]
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert '<a href="https://example.org/cv?a=1&amp;b=2" rel="nofollow">' in text
    assert 'href="javascript' not in text
    assert "&lt;a href=&quot;javascript:alert(2)&quot;&gt;" in text
    assert "<br>" in text  # the line break is kept


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "Write a message before sending."),
        ("   \n  ", "Write a message before sending."),
        ("x" * 20_000, "A message can be at most 5,000 characters; this one has 20000."),
    ],
)
def test_empty_or_too_long_is_refused_with_a_message(client, mentorship, mentee, text, error):
    client.force_login(mentee)
    response = client.post(thread_url(mentorship), {"text": text})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Message.objects.exists()


def test_a_closed_mentorship_keeps_its_thread_readable_and_refuses_new_messages(
    client, mentorship, mentee, mentor
):
    write(mentorship, mentor, "Good luck with the match!")
    lifecycle.close(mentorship, by=mentor, reason="graduated")
    client.force_login(mentee)
    page = client.get(thread_url(mentorship)).content.decode()
    assert "Good luck with the match!" in page
    assert "This mentorship is closed, so no new messages can be sent." in page
    assert 'id="reply"' not in page

    response = client.post(thread_url(mentorship), {"text": "Thank you!"})
    assert response.status_code == 200
    assert "This mentorship is closed" in response.content.decode()
    assert Message.objects.count() == 1


def test_a_paused_mentorship_still_takes_messages(client, mentorship, mentee):
    lifecycle.pause(mentorship, by=mentee)
    client.force_login(mentee)
    client.post(thread_url(mentorship), {"text": "Back in June."})
    assert Message.objects.count() == 1


def test_writing_answers_the_partners_earlier_messages(client, mentorship, mentee, mentor):
    first = write(mentorship, mentee, "Question one")
    second = write(mentorship, mentee, "Question two")
    moment = timezone.now() + datetime.timedelta(hours=3)
    client.force_login(mentor)
    with time_machine.travel(moment, tick=False):
        client.post(thread_url(mentorship), {"text": "Answers to both"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.answered_at == second.answered_at == moment

    # Writing again answers nothing of one's own: only the partner's words are answered.
    answer = Message.objects.get(text="Answers to both")
    with time_machine.travel(moment + datetime.timedelta(minutes=5)):
        client.post(thread_url(mentorship), {"text": "And one more thing"})
        answer.refresh_from_db()
        assert answer.answered_at is None
        client.force_login(mentee)
        client.post(thread_url(mentorship), {"text": "Thanks!"})
    answer.refresh_from_db()
    assert answer.answered_at is not None


def test_the_latest_50_with_a_link_to_earlier_ones(client, mentorship, mentee, mentor):
    start = timezone.now() - datetime.timedelta(days=1)
    Message.objects.bulk_create(
        Message(
            mentorship=mentorship,
            sender=mentee,
            recipient=mentor,
            text=f"Number {n}",
            created_at=start + datetime.timedelta(minutes=n),
        )
        for n in range(1, 61)
    )
    client.force_login(mentor)
    page = client.get(thread_url(mentorship)).content.decode()
    assert texts_on(page) == [f"Number {n}" for n in range(11, 61)]
    assert '<a href="?page=2">Earlier messages</a>' in page

    earlier = client.get(f"{thread_url(mentorship)}?page=2").content.decode()
    assert texts_on(earlier) == [f"Number {n}" for n in range(1, 11)]
    assert "Earlier messages" not in earlier
    assert f'<a href="{thread_url(mentorship)}">Later messages</a>' in earlier


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999999999999999999999"])
def test_a_strange_page_number_shows_a_page_not_an_error(client, mentorship, mentee, page):
    write(mentorship, mentee, "Hello")
    client.force_login(mentee)
    assert client.get(f"{thread_url(mentorship)}?page={page}").status_code == 200


def test_the_mentorship_page_links_to_messages_with_the_unread_count(
    client, mentorship, mentee, mentor
):
    write(mentorship, mentee, "One")
    write(mentorship, mentee, "Two")
    client.force_login(mentor)
    page = client.get(f"/mentorships/{mentorship.pk}/").content.decode()
    assert (
        f'<a class="button" href="{thread_url(mentorship)}">Messages '
        '<span class="badge">2<span class="visually-hidden"> unread</span></span></a>'
    ) in page
    client.get(thread_url(mentorship))
    page = client.get(f"/mentorships/{mentorship.pk}/").content.decode()
    assert f'<a class="button" href="{thread_url(mentorship)}">Messages</a>' in page


def reply_form(page):
    """The reply form without its CSRF token, which differs on every page."""
    form = re.search(r'<form method="post" enctype="multipart/form-data".*?</form>', page, re.S)[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", form)


def test_the_blank_form_is_drawn_once_and_looks_the_same(client, mentorship, mentee, mentor):
    client.force_login(mentee)
    drawn = reply_form(client.get(thread_url(mentorship)).content.decode())
    kept = reply_form(client.get(thread_url(mentorship)).content.decode())
    assert kept == drawn
    assert 'name="text"' in kept and 'name="document"' in kept
    assert "Your message" in kept and "at most" in kept  # the label and the help text
    client.force_login(mentor)
    assert reply_form(client.get(thread_url(mentorship)).content.decode()) == drawn


def test_what_someone_typed_is_never_shown_to_anyone_else(client, mentorship, mentee, mentor):
    client.force_login(mentee)
    typed = "A private draft " + "x" * 5_000
    refused = client.post(thread_url(mentorship), {"text": typed}).content.decode()
    assert typed in reply_form(refused)  # given back to its writer, with the reason
    assert "A message can be at most 5,000 characters" in refused
    for person in (mentee, mentor):
        client.force_login(person)
        assert "A private draft" not in client.get(thread_url(mentorship)).content.decode()
