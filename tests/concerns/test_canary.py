"""A concern's words reach its sender and its designated people only: never the partner
(any page they can open, their notifications, their e-mails), never the programme's other
coordinators or another programme's, never staff pages. E-mail carries them to no one."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from mentoring.concerns.models import Concern
from mentoring.notifications.models import Notification
from tests.concerns.conftest import CANARY

REPLY = "Canary-reply-91c: I will speak to the clerkship director"


@pytest.fixture
def handled(client, cast, mailoutbox, django_capture_on_commit_callbacks):
    """Raised by the mentee through the form, answered by the ombudsperson, then closed;
    every notice e-mailed as after a real commit."""
    with django_capture_on_commit_callbacks(execute=True):
        return handle(client, cast)


def handle(client, cast):
    client.force_login(cast.mentee)
    client.post(
        reverse("concerns:raise", args=[cast.mentorship.pk]),
        {"route": "ombudsperson", "category": "boundaries", "details": CANARY},
    )
    concern = Concern.objects.get()
    client.force_login(cast.ombudsperson)
    client.post(reverse("concerns:reply", args=[concern.pk]), {"text": REPLY})
    client.force_login(cast.mentee)
    client.post(reverse("concerns:reply", args=[concern.pk]), {"text": f"Thanks. {CANARY}"})
    client.force_login(cast.ombudsperson)
    client.post(reverse("concerns:close", args=[concern.pk]), {"outcome": "resolved"})
    client.logout()
    return concern


def pages_of(cast, concern):
    mentorship = cast.mentorship.pk
    return [
        reverse("home"),
        reverse("notifications:inbox"),
        reverse("concerns:list"),
        reverse("concerns:detail", args=[concern.pk]),
        reverse("mentorships:detail", args=[mentorship]),
        reverse("mentorships:my-mentees"),
        reverse("timeline:mentorship", args=[mentorship]),
        reverse("feedback:list", args=[mentorship]),
        reverse("conversations:thread", args=[mentorship]),
        reverse("records:record"),
        reverse("records:record-json"),
        reverse("dashboards:index"),
        reverse("dashboards:concerns"),
        reverse("dashboards:school"),
        reverse("dashboards:programme", args=[cast.programme.pk]),
        reverse("admin:index"),
        reverse("admin:programmes_programme_change", args=[cast.programme.pk]),
        reverse("admin:notifications_notification_changelist"),
        reverse("admin:audit_concernread_changelist"),
    ]


def shows(text, words):
    return words in text or escape(words) in text


@pytest.mark.parametrize("who", ["mentor", "coordinator", "other_coordinator", "staff"])
def test_no_page_notice_or_email_of_anyone_else_carries_its_words(
    client, cast, handled, who, mailoutbox
):
    person = getattr(cast, who)
    client.force_login(person)
    for url in pages_of(cast, handled):
        text = client.get(url).content.decode()
        for words in (CANARY, REPLY):
            assert not shows(text, words), f"{who} read the concern at {url}"
    notices = Notification.objects.filter(recipient=person)
    assert all(CANARY not in n.title + n.body and REPLY not in n.title + n.body for n in notices)
    if who == "mentor":  # the partner is told nothing at all
        assert not notices.filter(kind__startswith="concern")


def test_e_mail_carries_the_words_to_no_one(handled, mailoutbox):
    # New, answered (and so acknowledged), the sender wrote again, closed.
    assert len(mailoutbox) == 5
    for mail in mailoutbox:
        for words in (CANARY, REPLY):
            assert words not in mail.subject and words not in mail.body


@pytest.mark.parametrize("who", ["mentee", "ombudsperson"])
def test_the_sender_and_the_designated_person_read_it_all(client, cast, handled, who):
    client.force_login(getattr(cast, who))
    text = client.get(reverse("concerns:detail", args=[handled.pk])).content.decode()
    assert shows(text, CANARY) and shows(text, REPLY)


def test_the_senders_record_holds_it_and_the_partners_does_not(client, cast, handled):
    client.force_login(cast.mentee)
    [sent] = client.get(reverse("records:record-json")).json()["concerns_sent"]
    assert sent["details"] == CANARY
    assert [m["text"] for m in sent["thread"]] == [REPLY, f"Thanks. {CANARY}"]
    assert sent["outcome"] == "Resolved with the people involved"
    assert shows(client.get(reverse("records:record")).content.decode(), CANARY)
    client.force_login(cast.mentor)
    assert client.get(reverse("records:record-json")).json()["concerns_sent"] == []
