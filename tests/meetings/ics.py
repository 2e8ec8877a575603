"""Reading our calendar files the way a calendar app would: with vobject, a parser that
shares no code with icalendar, which writes them, plus the line rules of RFC 5545 3.1 that
vobject forgives (CRLF endings, lines of at most 75 octets)."""

import vobject


def read_events(response):
    """{uid: VEVENT} of a calendar response, after checking its lines."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content
    assert raw.endswith(b"\r\n")
    lines = raw[:-2].split(b"\r\n")
    for line in lines:
        assert b"\n" not in line and b"\r" not in line, line
        assert len(line) <= 75, line
    calendar = vobject.readOne(raw.decode("utf-8"), validate=True)
    assert calendar.name == "VCALENDAR"
    assert calendar.version.value == "2.0" and calendar.method.value == "PUBLISH"
    return {event.uid.value: event for event in calendar.contents.get("vevent", [])}


def uid(meeting):
    return f"meeting-{meeting.pk}@testserver"


def sequence(event):
    return int(event.sequence.value)
