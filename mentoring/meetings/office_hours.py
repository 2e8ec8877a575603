"""Office hours: the slots a mentor's weekly times give over the next weeks, which of them are
free, and who may book them.

Who may book a mentor's office hours: their mentees in an open (active or paused)
mentorship, and, where the mentor ticked it on those office hours, students whose request
to them is still waiting. A student whose mentorship with them closed sees why they can't
book; anyone else gets a 404.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from mentoring.meetings.models import Booking, OfficeHours
from mentoring.mentorships.models import Mentorship, MentorshipRequest

WEEKS_AHEAD = 4
CLOSED = (
    "Your mentorship with {mentor} is closed, so their office hours are no longer open to you. "
    "Ask them again if you would like to start anew."
)


def zone_of(user):
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.DEFAULT_USER_TIME_ZONE)


def exists_in(moment, zone):
    """False for a wall-clock time skipped when clocks go forward (02:30 on that night)."""
    there = moment.astimezone(datetime.UTC).astimezone(zone)
    return there.replace(tzinfo=None) == moment.replace(tzinfo=None)


def slot_starts(office_hours, zone, first_day, weeks=WEEKS_AHEAD):
    """Every slot start of these office hours on the days from first_day for `weeks` weeks,
    as times in `zone` (the mentor's). Adding minutes to a zoned time is wall-clock arithmetic
    in Python, so a slot at 17:30 stays 17:30 on the day clocks change."""
    length = datetime.timedelta(minutes=office_hours.slot_minutes)
    starts = []
    for offset in range(weeks * 7):
        day = first_day + datetime.timedelta(days=offset)
        if day.weekday() != office_hours.weekday:
            continue
        moment = datetime.datetime.combine(day, office_hours.start_time, tzinfo=zone)
        end = datetime.datetime.combine(day, office_hours.end_time, tzinfo=zone)
        while moment + length <= end:
            if exists_in(moment, zone):
                starts.append(moment)
            moment += length
    return starts


@dataclass(frozen=True)
class Slot:
    office_hours: OfficeHours
    starts_at: datetime.datetime

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.office_hours.slot_minutes)

    @property
    def value(self):
        """How the booking form names the slot: office hours id, then the start in seconds."""
        return f"{self.office_hours.pk}@{int(self.starts_at.timestamp())}"


def coming_slots(office_hours_list, mentor, now):
    """All slots of these office hours (of one mentor) still to come in the next weeks, in
    time order, with the ones a booking holds left out. One query, for the bookings."""
    zone = zone_of(mentor)
    first_day = timezone.localtime(now, zone).date()
    slots = [
        Slot(office_hours, start)
        for office_hours in office_hours_list
        for start in slot_starts(office_hours, zone, first_day)
        if start > now
    ]
    if not slots:
        return []
    last = max(slot.starts_at for slot in slots)
    # Aware datetimes hash and compare by their moment, so a booking read back in UTC
    # matches the slot worked out in the mentor's zone.
    taken = set(
        Booking.objects.holding()
        .filter(mentor=mentor, starts_at__gt=now, starts_at__lte=last)
        .values_list("starts_at", flat=True)
    )
    return sorted(
        (slot for slot in slots if slot.starts_at not in taken),
        key=lambda slot: (slot.starts_at, slot.office_hours.pk),
    )


def offers(office_hours, starts_at, now):
    """Whether `starts_at` is one of the slots these office hours give in the coming weeks."""
    zone = zone_of(office_hours.mentor)
    first_day = timezone.localtime(now, zone).date()
    return starts_at in slot_starts(office_hours, zone, first_day)


@dataclass(frozen=True)
class Standing:
    """What a student is to a mentor, for their office hours: a mentee (`mentorship`, open),
    a student whose request waits (`request`), a former mentee (`closed`), or nothing."""

    mentorship: Mentorship | None = None
    request: MentorshipRequest | None = None
    closed: bool = False

    @property
    def may_see(self):
        return bool(self.mentorship or self.request or self.closed)

    @property
    def may_book(self):
        return bool(self.mentorship or self.request)


def standing_of(student, mentor):
    """The student's standing with the mentor (a User or its id), in one to three small
    queries."""
    mentorship = (
        Mentorship.objects.open()
        .filter(mentor=mentor, mentee=student)
        .select_related("mentor")
        .first()
    )
    if mentorship:
        return Standing(mentorship=mentorship)
    request_obj = (
        MentorshipRequest.objects.pending()
        .filter(kind=MentorshipRequest.Kind.ASK, mentor=mentor, mentee=student)
        .select_related("mentor")
        .first()
    )
    if request_obj:
        return Standing(request=request_obj)
    return Standing(closed=Mentorship.objects.filter(mentor=mentor, mentee=student).exists())


def bookable_by(standing, mentor):
    """The mentor's office hours this student may book: all of them for a mentee, those open
    to requests for a student whose request waits, none otherwise."""
    office_hours = OfficeHours.objects.published().filter(mentor=mentor)
    if standing.mentorship:
        return office_hours
    if standing.request:
        return office_hours.filter(is_open_to_requests=True)
    return office_hours.none()
