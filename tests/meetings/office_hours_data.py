"""make_office_hours and the slot values a booking form sends, for the office-hours tests."""

import datetime

from mentoring.meetings.models import OfficeHours
from tests.meetings.factories import NEW_YORK, local

DAYS_AHEAD = 3  # the office hours fall three days from today, so their first slot is ahead


def make_office_hours(mentor, days=DAYS_AHEAD, start=17, end=18, slot=30, **fields):
    """Weekly office hours on the weekday `days` from today (New York), start:00 to end:00."""
    fields.setdefault("place", "Room 4B, Psychiatry")
    return OfficeHours.objects.create(
        mentor=mentor,
        weekday=local(days=days).weekday(),
        start_time=datetime.time(start),
        end_time=datetime.time(end),
        slot_minutes=slot,
        **fields,
    )


def slot_at(days=DAYS_AHEAD, hour=17, minute=0, zone=NEW_YORK):
    return local(days=days, hour=hour, minute=minute, zone=zone)


def slot_value(office_hours, starts_at):
    return f"{office_hours.pk}@{int(starts_at.timestamp())}"


def book_url(mentor):
    return f"/office-hours/with/{mentor.pk}/"
