"""New messages reach the recipient through the outbox, in their own category; the words
travel by e-mail only if the recipient chose that, and are stored nowhere else."""

import re

import pytest

from mentoring.notifications import preferences
from mentoring.notifications.models import Category, EmailChoice, Notification, category_of
from mentoring.notifications.services import notify
from tests.conversations.helpers import PDF, thread_url, upload, write

pytestmark = pytest.mark.django_db

WORDS = "My grandmother is ill and I may miss the exam"


def words_box(page):
    """The settings page's checkbox for the words of messages, as HTML."""
    return re.search(r'<input type="checkbox" name="messages_text"[^>]*>', page).group(0)


def every_category(choice=EmailChoice.IMMEDIATE):
    return dict.fromkeys(Category.values, choice)


def test_messages_have_their_own_category():
    assert category_of("message.new") == Category.MESSAGES
    assert Category.MESSAGES.label == "Messages from your mentorships"


def test_the_email_says_who_wrote_and_links_to_the_thread_without_the_words(
    client, mentorship, mentee, mentor, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(mentee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(thread_url(mentorship), {"text": WORDS})
    notification = Notification.objects.get(recipient=mentor)
    assert notification.kind == "message.new"
    assert notification.title == "Sam Okafor wrote you a message"
    assert notification.body == ""
    assert notification.url == f"{thread_url(mentorship)}#latest"

    [email] = mailoutbox
    assert email.to == [mentor.email]
    assert email.subject == "[Mentoring] Sam Okafor wrote you a message"
    assert f"http://testserver{thread_url(mentorship)}#latest" in email.body
    assert "Messages from your mentorships" in email.body
    assert WORDS not in email.body
    assert WORDS not in email.alternatives[0][0]


def test_the_words_travel_by_email_only_for_someone_who_chose_them(
    client, mentorship, mentee, mentor, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(mentor)
    response = client.post("/notifications/settings/", {**every_category(), "messages_text": "on"})
    assert response.status_code == 302
    assert preferences.wants_text(mentor, "message.new")

    client.force_login(mentee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(thread_url(mentorship), {"text": WORDS, "document": upload("note.pdf", PDF)})
    notification = Notification.objects.get(recipient=mentor)
    assert notification.body == f"{WORDS}\n\nAttached: note.pdf"
    [email] = mailoutbox
    assert WORDS in email.body and "Attached: note.pdf" in email.body


def test_turning_the_words_off_clears_them_from_notifications_already_written(
    client, mentorship, mentee, mentor
):
    preferences.choose(mentor, every_category(), with_text={Category.MESSAGES})
    write(mentorship, mentee, WORDS)
    assert Notification.objects.get(recipient=mentor).body == WORDS
    # A reminder of the same category carries the product's words, not a person's: it stays.
    reminder = notify(mentor, "message.unanswered", "Sam is waiting", body="You agreed to...")

    client.force_login(mentor)
    page = client.get("/notifications/settings/").content.decode()
    assert " checked" in words_box(page)
    client.post("/notifications/settings/", every_category())
    assert Notification.objects.get(recipient=mentor, kind="message.new").body == ""
    reminder.refresh_from_db()
    assert reminder.body == "You agreed to..."
    assert not preferences.wants_text(mentor, "message.new")


def test_the_settings_page_offers_the_choice_off_by_default(client, mentor):
    client.force_login(mentor)
    page = client.get("/notifications/settings/").content.decode()
    assert "Messages from your mentorships" in page
    assert "Include the words of each message in the e-mail" in page
    assert " checked" not in words_box(page)


def test_choosing_no_email_for_messages_still_keeps_them_in_the_inbox(
    client, mentorship, mentee, mentor, mailoutbox, django_capture_on_commit_callbacks
):
    preferences.choose(mentor, {Category.MESSAGES: EmailChoice.OFF})
    client.force_login(mentee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(thread_url(mentorship), {"text": WORDS})
    assert mailoutbox == []
    notification = Notification.objects.get(recipient=mentor)
    assert notification.email_status == Notification.EmailStatus.SKIPPED


def test_unsubscribing_from_message_emails_keeps_the_words_choice(mentor):
    preferences.choose(mentor, every_category(), with_text={Category.MESSAGES})
    preferences.choose(mentor, {Category.MESSAGES: EmailChoice.OFF})
    assert preferences.wants_text(mentor, "message.new")


def test_an_edit_rewrites_the_words_of_a_notification_that_quotes_them(
    client, mentorship, mentee, mentor
):
    preferences.choose(mentor, every_category(), with_text={Category.MESSAGES})
    message = write(mentorship, mentee, "Meet at 3")
    client.force_login(mentee)
    client.post(f"/messages/{message.pk}/edit/", {"text": "Meet at 4"})
    assert Notification.objects.get(recipient=mentor).body == "Meet at 4"


def test_the_notification_admin_never_shows_the_words(client, mentorship, mentee, mentor, staff):
    preferences.choose(mentor, every_category(), with_text={Category.MESSAGES})
    write(mentorship, mentee, WORDS)
    notification = Notification.objects.get(recipient=mentor)
    assert notification.body == WORDS  # stored, for the recipient who asked for it
    client.force_login(staff)
    for url in (
        "/admin/notifications/notification/",
        f"/admin/notifications/notification/{notification.pk}/change/",
        f"/admin/notifications/notification/?q={WORDS[:10]}",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert WORDS not in response.content.decode()
    # Searching by the words finds nothing: the body is not searchable either.
    assert (
        "0 notifications"
        in client.get(f"/admin/notifications/notification/?q={WORDS[:10]}").content.decode()
    )


def test_opening_the_thread_marks_its_message_notifications_read(
    client, mentorship, mentee, mentor
):
    write(mentorship, mentee, "One")
    other = write(mentorship, mentor, "Mine")  # the mentee's notification stays unread
    client.force_login(mentor)
    client.get(thread_url(mentorship))
    assert Notification.objects.get(recipient=mentor).read_at is not None
    assert Notification.objects.get(recipient=mentee).read_at is None
    assert other.recipient == mentee
