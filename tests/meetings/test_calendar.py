import datetime

import pytest
from icalendar import Calendar

from mentoring.meetings.models import CalendarFeed
from tests.meetings.factories import local, make_meeting, make_private_note


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
    # Downloaded by the person for themselves: the partner's name, and the place to go.
    assert str(event["summary"]) == "Mentoring with Dr. Ines Alvarez (In person)"
    assert str(event["location"]) == "Room 4B"
    assert "30 minutes" in str(event["description"])
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
def test_feed_carries_times_names_and_modes_only(
    client, mentor, mentee, mentorship, django_assert_max_num_queries
):
    soon = make_meeting(
        mentorship,
        starts_at=local(days=2),
        mode="video",
        place="https://zoom.example/j/PLACE-LINK",
        agenda="AGENDA-TEXT",
    )
    recent = make_meeting(
        mentorship,
        starts_at=local(days=-10),
        status="held",
        place="+1 555 PLACE-PHONE",
        shared_notes="NOTES-TEXT",
    )
    make_private_note(recent, mentee, "PRIVATE-NOTE-TEXT")
    make_meeting(mentorship, starts_at=local(days=-61), status="held")  # too old
    called_off = make_meeting(mentorship, starts_at=local(days=3), status="cancelled")
    feed = CalendarFeed.objects.create(user=mentee)

    client.logout()  # calendar apps do not sign in
    with django_assert_max_num_queries(3):
        response = client.get(f"/calendar/{feed.token}.ics")
    assert response.status_code == 200
    found = events(response)
    assert set(found) == {f"meeting-{m.pk}@testserver" for m in (soon, recent, called_off)}
    event = found[f"meeting-{soon.pk}@testserver"]
    assert event.decoded("dtstart") == soon.starts_at
    assert str(event["summary"]) == "Mentoring with Dr. Ines Alvarez (Video)"
    assert str(event["url"]) == f"http://testserver/meetings/{soon.pk}/"
    assert str(found[f"meeting-{called_off.pk}@testserver"]["status"]) == "CANCELLED"
    assert b"DTSTART:" in response.content and b"Z\r\n" in response.content  # UTC
    # The link may be pasted into a shared calendar: no place or call link, no text at all.
    assert all("location" not in e and "description" not in e for e in found.values())
    for canary in (b"PLACE-", b"AGENDA-TEXT", b"NOTES-TEXT", b"PRIVATE-NOTE-TEXT"):
        assert canary not in response.content
    # The mentor's own feed has the same meetings, named after the mentee.
    mentor_feed = CalendarFeed.objects.create(user=mentor)
    theirs = events(client.get(f"/calendar/{mentor_feed.token}.ics"))
    assert set(theirs) == set(found)
    assert str(theirs[f"meeting-{soon.pk}@testserver"]["summary"]) == (
        "Mentoring with Sam Okafor (Video)"
    )


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
