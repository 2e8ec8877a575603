"""A change reaches calendars that already hold a copy: same UID, a higher SEQUENCE, a later
LAST-MODIFIED (RFC 5545 3.8.7.4), and a cancellation as STATUS:CANCELLED. Read with vobject."""

import datetime

import pytest
from django.utils import timezone

from mentoring.meetings.models import CalendarFeed, Meeting
from mentoring.mentorships.lifecycle import close
from tests.meetings.factories import form_time, local, make_meeting
from tests.meetings.ics import read_events, sequence, uid

YESTERDAY = datetime.timedelta(days=1)


@pytest.fixture
def feed(mentee):
    return CalendarFeed.objects.create(user=mentee)


@pytest.fixture
def soon(mentorship):
    """Planned for in three days, last changed yesterday."""
    return make_meeting(
        mentorship, starts_at=local(days=3), place="Room 4B", changed_at=timezone.now() - YESTERDAY
    )


def event_in_feed(client, feed, meeting):
    return read_events(client.get(f"/calendar/{feed.token}.ics"))[uid(meeting)]


def change(client, meeting, starts_at, **fields):
    data = {"starts_at": form_time(starts_at), "minutes": "30", "mode": "in_person"}
    return client.post(f"/meetings/{meeting.pk}/edit/", {**data, "place": "Room 4B", **fields})


@pytest.mark.django_db
def test_moving_a_meeting_raises_sequence_and_last_modified(client, mentee, soon, feed):
    before = event_in_feed(client, feed, soon)
    assert sequence(before) == 0 and before.status.value == "CONFIRMED"
    client.force_login(mentee)
    assert change(client, soon, local(days=4)).status_code == 302
    after = event_in_feed(client, feed, soon)
    assert after.dtstart.value == local(days=4)
    assert sequence(after) == 1
    assert after.last_modified.value > before.last_modified.value
    assert after.dtstamp.value >= after.last_modified.value
    # Each change is a new revision, in the download as in the feed.
    change(client, soon, local(days=4), minutes="60")
    download = read_events(client.get(f"/meetings/{soon.pk}/calendar.ics"))[uid(soon)]
    assert sequence(download) == sequence(event_in_feed(client, feed, soon)) == 2
    assert download.dtend.value - download.dtstart.value == datetime.timedelta(minutes=60)


@pytest.mark.django_db
def test_an_agenda_edit_is_no_new_revision(client, mentee, soon, feed):
    client.force_login(mentee)
    client.post(f"/meetings/{soon.pk}/agenda/", {"agenda": "Step 2"})
    change(client, soon, local(days=3), agenda="Step 3")  # the form, the time unchanged
    soon.refresh_from_db()
    assert soon.agenda == "Step 3"
    event = event_in_feed(client, feed, soon)
    assert sequence(event) == 0
    assert event.last_modified.value < timezone.now() - YESTERDAY / 2


@pytest.mark.django_db
def test_logging_at_another_time_is_a_new_revision(client, mentor, mentorship, feed):
    meeting = make_meeting(mentorship, starts_at=local(days=-2))
    client.force_login(mentor)
    response = client.post(
        f"/meetings/{meeting.pk}/log/",
        {
            "starts_at": form_time(local(days=-2, hour=15)),
            "minutes": "30",
            "mode": "in_person",
            "shared_notes": "",
            "note-text": "",
            "items-TOTAL_FORMS": "0",
            "items-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    event = event_in_feed(client, feed, meeting)
    assert event.dtstart.value == local(days=-2, hour=15)
    assert sequence(event) == 1 and event.status.value == "CONFIRMED"


@pytest.mark.django_db
def test_a_cancelled_meeting_is_published_as_cancelled(client, mentor, mentee, outsider, soon):
    feeds = {user: CalendarFeed.objects.create(user=user) for user in (mentee, mentor, outsider)}
    client.force_login(outsider)
    assert client.post(f"/meetings/{soon.pk}/cancel/").status_code == 404
    client.force_login(mentor)
    assert client.post(f"/meetings/{soon.pk}/cancel/").status_code == 302
    assert Meeting.objects.get(pk=soon.pk).status == "cancelled"
    for user in (mentee, mentor):
        event = event_in_feed(client, feeds[user], soon)
        assert event.status.value == "CANCELLED" and sequence(event) == 1
        assert event.last_modified.value > timezone.now() - YESTERDAY / 2
    assert read_events(client.get(f"/calendar/{feeds[outsider].token}.ics")) == {}
    # Everywhere else a cancelled meeting stays what it was: no download, no way to change it.
    assert client.get(f"/meetings/{soon.pk}/calendar.ics").status_code == 404
    assert client.post(f"/meetings/{soon.pk}/cancel/").status_code == 302
    assert sequence(event_in_feed(client, feeds[mentee], soon)) == 1


@pytest.mark.django_db
def test_meetings_planned_after_a_close_are_published_as_cancelled(
    client, mentor, mentorship, soon, feed
):
    unlogged = make_meeting(mentorship, starts_at=local(days=-3))
    close(mentorship, mentor, "other")
    found = read_events(client.get(f"/calendar/{feed.token}.ics"))
    assert found[uid(soon)].status.value == "CANCELLED" and sequence(found[uid(soon)]) == 1
    assert found[uid(soon)].last_modified.value > timezone.now() - YESTERDAY / 2
    # One planned before the close may have happened unlogged: it stays as it was.
    assert found[uid(unlogged)].status.value == "CONFIRMED" and sequence(found[uid(unlogged)]) == 0
