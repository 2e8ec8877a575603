"""make_meeting and friends, beside tests/factories.py until they move there."""

import datetime
import zoneinfo

from django.utils import timezone

from mentoring.meetings.contact import refresh_contact
from mentoring.meetings.models import ActionItem, Meeting, PrivateNote

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")  # the test users' time zone (the default)


def local(days=0, hour=14, minute=0, zone=NEW_YORK):
    """A whole hour in `zone`, `days` from today there (negative for the past)."""
    day = timezone.localtime(timezone.now(), zone).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def form_time(moment, zone=NEW_YORK):
    """How a datetime-local input sends a moment: no zone, minutes only."""
    return timezone.localtime(moment, zone).strftime("%Y-%m-%dT%H:%M")


def make_meeting(mentorship, starts_at=None, status=Meeting.Status.PLANNED, **fields):
    starts_at = starts_at or local(days=3)
    if status == Meeting.Status.HELD:
        fields.setdefault("held_at", starts_at)
    meeting = Meeting.objects.create(
        mentorship=mentorship,
        starts_at=starts_at,
        status=status,
        created_by=mentorship.mentee,
        **fields,
    )
    refresh_contact(mentorship.pk)
    return meeting


def make_action_item(meeting, text="Read the review article", **fields):
    return ActionItem.objects.create(meeting=meeting, text=text, **fields)


def make_private_note(meeting, author, text):
    return PrivateNote.objects.create(meeting=meeting, author=author, text=text)
