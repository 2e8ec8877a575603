"""iCalendar for meetings: one planned meeting to download, or a person's feed to subscribe to.

What an event carries, and why:
- The feed is a URL whose secret token is the only key: it gets pasted into shared calendars
  and synced to servers outside the school (Google, Microsoft, Apple). So it carries when,
  the partner's name, how (in person, video, phone) and a link back that needs a sign-in:
  never the place, which may be a phone number or a call link, nor any text of the meeting.
- The one-meeting download is asked for by the signed-in person for themselves, once: it adds
  the place (what they need to get there or join) and a description with the length.
Neither ever carries the agenda, shared notes or private notes.

An office-hours booking held on a waiting request has no meeting yet: it is an event of its
own, on the same terms, until it is cancelled or the request ends (published as cancelled)
or the request is accepted and its meeting takes over (published as cancelled too, since the
meeting's event replaces it).

Links point where the site is served: `root` is site_root(request), the configured SITE_URL
when it was set, else the scheme, host and port of the request that asked for the file.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event, vDuration

from mentoring.meetings.models import Booking, Meeting
from mentoring.mentorships.models import MentorshipRequest

PRODID = "-//Mentoring//Meetings//EN"
# How often subscribed calendars should poll (Google ignores it and polls when it likes).
REFRESH = datetime.timedelta(hours=1)


def site_root(request):
    """Scheme, host and port that links handed out with this request start with: SITE_URL
    when it was set in the environment, else the address this request came on (its host
    was checked against ALLOWED_HOSTS; behind a TLS proxy, BEHIND_TLS_PROXY gives https)."""
    if settings.SITE_URL_IS_SET:
        return settings.SITE_URL
    return f"{request.scheme}://{request.get_host()}"


def meeting_url(meeting, root):
    return root + reverse("meetings:detail", args=[meeting.pk])


def feed_url(feed, root):
    return root + reverse("meetings:feed", args=[feed.token])


def webcal_url(url):
    """The same address for Apple Calendar's subscribe link."""
    return "webcal://" + url.split("://", 1)[1]


def revision(meeting):
    """(status, SEQUENCE, LAST-MODIFIED) as calendars should see the meeting.

    A meeting planned for after its mentorship closed will not happen: it is published as
    cancelled, one revision above its own, as of the close. (One planned before the close may
    have happened without being logged: it stays.)"""
    if meeting.status == Meeting.Status.CANCELLED:
        return "CANCELLED", meeting.sequence, meeting.changed_at
    closed_at = meeting.mentorship.closed_at
    if (
        meeting.status == Meeting.Status.PLANNED
        and not meeting.mentorship.is_open
        and (closed_at is None or meeting.starts_at >= closed_at)
    ):
        return (
            "CANCELLED",
            meeting.sequence + 1,
            max(meeting.changed_at, closed_at or meeting.changed_at),
        )
    return "CONFIRMED", meeting.sequence, meeting.changed_at


def calendar_event(uid, stamp, revised, span, summary, place, description, url):
    """One VEVENT: `revised` is (STATUS, SEQUENCE, LAST-MODIFIED), `span` (start, end);
    `place` and `description` are None where the calendar may not show them."""
    # Not the request's host: a UID names the event, not a place, and must stay the same
    # whichever address a file was fetched on, or one meeting shows twice in a calendar.
    host = urlsplit(settings.SITE_URL).hostname or "mentoring"
    status, sequence, changed_at = revised
    event = Event()
    # Stable across downloads and feed refreshes, so calendars update the event in place:
    # the higher SEQUENCE tells them this copy replaces theirs.
    event.add("uid", f"{uid}@{host}")
    # With METHOD:PUBLISH, DTSTAMP is when this file was made (RFC 5545 3.8.7.2).
    event.add("dtstamp", stamp)
    event.add("last-modified", changed_at.astimezone(datetime.UTC))
    event.add("sequence", sequence)
    event.add("status", status)
    event.add("dtstart", span[0].astimezone(datetime.UTC))
    event.add("dtend", span[1].astimezone(datetime.UTC))
    event.add("summary", summary)
    if place:
        event.add("location", place)
    if description:
        event.add("description", description)
    event.add("url", url)
    return event


def meeting_event(meeting, viewer, stamp, root, *, with_place):
    """One VEVENT for `viewer`, one of the pair. Needs meeting.mentorship with its mentor and
    mentee loaded."""
    url = meeting_url(meeting, root)
    mode = meeting.get_mode_display()
    return calendar_event(
        f"meeting-{meeting.pk}",
        stamp,
        revision(meeting),
        (meeting.starts_at, meeting.ends_at),
        f"Mentoring with {meeting.mentorship.partner_of(viewer)} ({mode})",
        meeting.place if with_place else None,
        f"{mode}, {meeting.minutes} minutes. The agenda and notes are on the mentoring site: {url}"
        if with_place
        else None,
        url,
    )


def booking_revision(booking):
    """(status, SEQUENCE, LAST-MODIFIED) of a booking's own event. Still standing only while
    it holds its slot on a waiting request; a request that ended without a cancel written
    down shows as cancelled one revision up. Needs booking.request loaded."""
    standing = booking.status == Booking.Status.BOOKED and booking.meeting_id is None
    if standing and booking.request.status == MentorshipRequest.Status.PENDING:
        return "CONFIRMED", booking.sequence, booking.changed_at
    if standing:
        return "CANCELLED", booking.sequence + 1, booking.request.answered_at or booking.changed_at
    return "CANCELLED", booking.sequence, booking.changed_at


def booking_event(booking, viewer, stamp, root, *, with_place):
    """One VEVENT for a booking held on a request, for `viewer`, the mentor or the student.
    Needs booking.mentor, booking.student and booking.request loaded."""
    if viewer.pk == booking.mentor_id:
        url = root + reverse("meetings:office-hours")
    else:
        url = root + reverse("meetings:office-hours-book", args=[booking.mentor_id])
    mode = booking.get_mode_display()
    return calendar_event(
        f"office-hours-booking-{booking.pk}",
        stamp,
        booking_revision(booking),
        (booking.starts_at, booking.ends_at),
        f"Office hours with {booking.partner_of(viewer)} ({mode})",
        booking.place if with_place else None,
        f"{mode}, {booking.minutes} minutes, while the request is waiting for an answer. "
        f"More on the mentoring site: {url}"
        if with_place
        else None,
        url,
    )


def to_ical(meetings, name, viewer, root, *, is_feed=False, bookings=()):
    """The calendar file of these meetings, and of bookings held on requests, as `viewer`
    sees them, linking under `root` (site_root): a feed (is_feed) carries no place and no
    description, see the docstring."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    if is_feed:
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        # Outlook reads this one; icalendar knows no type for an X- name, so say it.
        calendar.add("x-published-ttl", vDuration(REFRESH))
    stamp = timezone.now().astimezone(datetime.UTC)
    for meeting in sorted(meetings, key=lambda m: (m.starts_at, m.pk)):
        calendar.add_component(meeting_event(meeting, viewer, stamp, root, with_place=not is_feed))
    for booking in sorted(bookings, key=lambda b: (b.starts_at, b.pk)):
        calendar.add_component(booking_event(booking, viewer, stamp, root, with_place=not is_feed))
    return calendar.to_ical()
