"""iCalendar for meetings: one planned meeting to download, or a person's feed to subscribe to.

Calendars sync to servers outside the school (Google, Microsoft, Apple), so an event carries
who, when, how and where, and a link back: never the agenda, shared notes or private notes.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Mentoring//Meetings//EN"
# How often subscribed calendars should poll (Google ignores it and polls when it likes).
REFRESH = datetime.timedelta(hours=1)


def meeting_url(meeting):
    return settings.SITE_URL + reverse("meetings:detail", args=[meeting.pk])


def feed_url(feed):
    return settings.SITE_URL + reverse("meetings:feed", args=[feed.token])


def meeting_event(meeting, stamp):
    """One VEVENT. Needs meeting.mentorship with its mentor and mentee loaded."""
    mentorship = meeting.mentorship
    host = urlsplit(settings.SITE_URL).hostname or "mentoring"
    url = meeting_url(meeting)
    event = Event()
    # Stable across downloads and feed refreshes, so calendars update the event in place.
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", stamp)
    event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
    event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
    event.add("summary", f"Mentoring: {mentorship.mentee} and {mentorship.mentor}")
    if meeting.place:
        event.add("location", meeting.place)
    event.add(
        "description",
        f"{meeting.get_mode_display()}, {meeting.minutes} minutes. "
        f"The agenda and notes are on the mentoring site: {url}",
    )
    event.add("url", url)
    event.add("status", "CONFIRMED")
    return event


def to_ical(meetings, name, *, is_feed=False):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if is_feed:
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", REFRESH)
    stamp = timezone.now().astimezone(datetime.UTC)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, stamp))
    return calendar.to_ical()
