"""A private note is read by its author and nobody else, through any door.

Each author writes a unique canary; every page, file, feed and e-mail anyone else can
reach is searched for it.
"""

import pytest

from mentoring.meetings.models import CalendarFeed, PrivateNote
from mentoring.notifications import delivery
from mentoring.notifications.models import Notification
from tests.meetings.factories import local
from tests.meetings.test_log import items, record

MENTEE_CANARY = "canary-7f3a-mentee-private"
MENTOR_CANARY = "canary-91bc-mentor-private"


@pytest.fixture
def noted(client, mentee, mentor, mentorship, started, django_capture_on_commit_callbacks):
    """A logged meeting and a planned one, each with both people's private notes, all written
    through the pages (so that every notification and e-mail they cause is sent)."""
    with django_capture_on_commit_callbacks(execute=True):
        client.force_login(mentor)
        client.post(
            f"/meetings/{started.pk}/log/",
            {**record(started.starts_at), "note-text": MENTOR_CANARY, **items()},
        )
        client.post(
            f"/mentorships/{mentorship.pk}/meetings/new/",
            {"starts_at": f"{local(days=4):%Y-%m-%dT%H:%M}", "minutes": "30", "mode": "video"},
        )
        planned = mentorship.meetings.get(status="planned")
        client.post(f"/meetings/{planned.pk}/private-note/", {"text": MENTOR_CANARY + " plan"})
        client.force_login(mentee)
        client.post(f"/meetings/{started.pk}/private-note/", {"text": MENTEE_CANARY})
        client.post(f"/meetings/{planned.pk}/private-note/", {"text": MENTEE_CANARY + " plan"})
    assert PrivateNote.objects.count() == 4
    client.logout()
    return started, planned


def pages(meetings, mentorship):
    for meeting in meetings:
        for suffix in ("", "log/", "edit/", "agenda/", "cancel/", "private-note/", "calendar.ics"):
            yield f"/meetings/{meeting.pk}/{suffix}"
    for suffix in ("meetings/", "meetings/new/", "meetings/log/", "log/", ""):
        yield f"/mentorships/{mentorship.pk}/{suffix}"
    yield from ["/home/", "/notifications/", "/mentorships/mentees/", "/mentorships/mentors/"]


def seen_by(client, person, urls):
    client.force_login(person)
    text = ""
    for url in urls:
        response = client.get(url, follow=True)
        text += response.content.decode()
    feed, _ = CalendarFeed.objects.get_or_create(user=person)
    text += client.get(f"/calendar/{feed.token}.ics").content.decode()
    return text


@pytest.mark.django_db
def test_each_author_reads_only_their_own_note(client, noted, mentee, mentor, mentorship):
    held, planned = noted
    mentee_sees = seen_by(client, mentee, pages(noted, mentorship))
    assert MENTEE_CANARY in mentee_sees and MENTOR_CANARY not in mentee_sees
    mentor_sees = seen_by(client, mentor, pages(noted, mentorship))
    assert MENTOR_CANARY in mentor_sees and MENTEE_CANARY not in mentor_sees
    client.force_login(mentee)
    page = client.get(f"/meetings/{held.pk}/").content.decode()
    assert MENTEE_CANARY in page


@pytest.mark.django_db
def test_nobody_else_sees_any_note(
    client, noted, mentorship, outsider, other_faculty, coordinator, staff
):
    admin_pages = [
        "/admin/",
        "/admin/meetings/privatenote/",
        "/admin/meetings/meeting/",
        "/admin/meetings/actionitem/",
        # Searching part of a canary (the page repeats the query) finds nothing.
        "/admin/meetings/privatenote/?q=canary-7f3a",
        "/admin/meetings/meeting/?q=canary-91bc",
        f"/admin/mentorships/mentorship/{mentorship.pk}/change/",
        *[f"/admin/meetings/meeting/{m.pk}/change/" for m in noted],
    ]
    for note in PrivateNote.objects.all():
        admin_pages += [
            f"/admin/meetings/privatenote/{note.pk}/change/",
            f"/admin/meetings/privatenote/{note.pk}/history/",
            f"/admin/meetings/privatenote/{note.pk}/delete/",
        ]
    for person in (outsider, other_faculty, coordinator, staff):
        urls = list(pages(noted, mentorship))
        if person == staff:
            urls += admin_pages
        text = seen_by(client, person, urls)
        assert MENTEE_CANARY not in text and MENTOR_CANARY not in text, person
    client.force_login(staff)
    assert client.get("/admin/meetings/privatenote/").status_code == 200
    assert client.get("/admin/meetings/privatenote/add/").status_code == 403


@pytest.mark.django_db
def test_no_notification_or_email_carries_a_note(noted, mailoutbox):
    notices = list(Notification.objects.all())
    assert {n.kind for n in notices} >= {"meeting.logged", "meeting.planned"}
    # Whether an e-mail leaves now, after the recipient's night or in a digest, it is this.
    emails = [*mailoutbox, *(delivery.build_email(n) for n in notices)]
    for email in emails:
        content = email.subject + email.body + "".join(a[0] for a in email.alternatives)
        assert "canary" not in content


@pytest.mark.django_db
def test_saving_an_empty_note_deletes_only_ones_own(client, noted, mentee, mentor):
    held, _ = noted
    client.force_login(mentee)
    client.post(f"/meetings/{held.pk}/private-note/", {"text": ""})
    assert not PrivateNote.objects.filter(meeting=held, author=mentee).exists()
    assert PrivateNote.objects.get(meeting=held, author=mentor).text == MENTOR_CANARY
