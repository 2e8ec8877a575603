import datetime

import pytest
from icalendar import Calendar

from mentoring.meetings.models import CalendarFeed
from tests.meetings.factories import local, make_meeting


def events(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(e["uid"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.mark.django_db
def test_a_planned_meeting_downloads_as_ics(client, mentee, planned, django_assert_max_num_queries):
    planned.agenda = "Private-ish agenda"
    planned.save()
    client.force_login(mentee)
    with django_assert_max_num_queries(6):
        response = client.get(f"/meetings/{planned.pk}/calendar.ics")
    assert response["Content-Disposition"] == f'attachment; filename="meeting-{planned.pk}.ics"'
    [event] = events(response).values()
    assert event["uid"] == f"meeting-{planned.pk}@testserver"
    assert event.decoded("dtstart") == planned.starts_at
    assert event.decoded("dtstart").utcoffset() == datetime.timedelta(0)
    assert event.decoded("dtend") - event.decoded("dtstart") == datetime.timedelta(minutes=30)
    assert str(event["summary"]) == "Mentoring: Sam Okafor and Dr. Ines Alvarez"
    assert str(event["location"]) == "Room 4B"
    assert str(event["url"]) == f"http://testserver/meetings/{planned.pk}/"
    assert b"agenda" not in response.content.replace(b"The agenda and notes are on", b"")
    assert b"Private-ish" not in response.content


@pytest.mark.django_db
def test_only_planned_meetings_download(client, mentee, held):
    client.force_login(mentee)
    assert client.get(f"/meetings/{held.pk}/calendar.ics").status_code == 404


@pytest.mark.django_db
def test_calendar_page_makes_a_private_link_once(client, mentor, django_assert_max_num_queries):
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        page = client.get("/calendar/").content.decode()
    feed = CalendarFeed.objects.get(user=mentor)
    assert f"http://testserver/calendar/{feed.token}.ics" in page
    assert f"webcal://testserver/calendar/{feed.token}.ics" in page
    for app in ("Outlook", "Google Calendar", "Apple Calendar"):
        assert app in page
    client.get("/calendar/")
    assert CalendarFeed.objects.get(user=mentor).token == feed.token


@pytest.mark.django_db
def test_feed_lists_recent_and_upcoming_meetings_without_content(
    client, mentor, mentee, mentorship, django_assert_max_num_queries
):
    soon = make_meeting(mentorship, starts_at=local(days=2), agenda="AGENDA-TEXT")
    recent = make_meeting(
        mentorship, starts_at=local(days=-10), status="held", shared_notes="NOTES-TEXT"
    )
    make_meeting(mentorship, starts_at=local(days=-61), status="held")  # too old
    make_meeting(mentorship, starts_at=local(days=3), status="cancelled")
    feed = CalendarFeed.objects.create(user=mentee)

    client.logout()  # calendar apps do not sign in
    with django_assert_max_num_queries(3):
        response = client.get(f"/calendar/{feed.token}.ics")
    assert response.status_code == 200
    found = events(response)
    assert set(found) == {f"meeting-{m.pk}@testserver" for m in (soon, recent)}
    assert found[f"meeting-{soon.pk}@testserver"].decoded("dtstart") == soon.starts_at
    assert b"DTSTART:" in response.content and b"Z\r\n" in response.content  # UTC
    assert b"AGENDA-TEXT" not in response.content and b"NOTES-TEXT" not in response.content
    # The mentor's own feed has the same meetings.
    mentor_feed = CalendarFeed.objects.create(user=mentor)
    assert set(events(client.get(f"/calendar/{mentor_feed.token}.ics"))) == set(found)


@pytest.mark.django_db
def test_reset_link_cuts_the_old_one(client, mentee, planned):
    client.force_login(mentee)
    client.get("/calendar/")
    old = CalendarFeed.objects.get(user=mentee).token
    response = client.post("/calendar/reset/", follow=True)
    assert "The old one no longer works" in response.content.decode()
    new = CalendarFeed.objects.get(user=mentee).token
    assert new != old and new in response.content.decode()
    client.logout()
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200


@pytest.mark.django_db
def test_unknown_token_or_deactivated_person_is_404(client, mentee):
    assert client.get("/calendar/not-a-real-token.ics").status_code == 404
    feed = CalendarFeed.objects.create(user=mentee)
    mentee.is_active = False
    mentee.save()
    assert client.get(f"/calendar/{feed.token}.ics").status_code == 404
    assert client.post(f"/calendar/{feed.token}.ics").status_code == 405
