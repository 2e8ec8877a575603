"""Booking and cancelling office-hours slots, removing office hours, and carrying a booking
held on a request over to the mentorship: every write that spans a booking, its meeting and
the notices it causes.

Each function runs in one transaction with its notices and raises BookingProblem, with words
for the person, when it cannot go on; nothing is written then.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import dateformat, timezone

from accounts.models import User
from mentoring.meetings.contact import refresh_contact
from mentoring.meetings.models import Booking, Meeting, OfficeHours
from mentoring.meetings.office_hours import CLOSED, offers, standing_of, zone_of
from mentoring.notifications.services import notify

TAKEN = "Someone just booked that slot; pick another."
PASSED = "That slot has passed; pick another."
NOT_OFFERED = "That time is not one of the slots on offer; pick one from the list."
REMOVED = "Those office hours are no longer on offer; pick another slot."
BOOKED, CANCELLED, MOVED = Booking.Status.BOOKED, Booking.Status.CANCELLED, Booking.Status.MOVED


class BookingProblem(Exception):
    """Why a slot cannot be booked or a booking cancelled, in words for the person."""


def when_for(person, moment):
    """The moment as the person reads it: in their own time zone, with the zone's name."""
    return dateformat.format(timezone.localtime(moment, zone_of(person)), "D j M Y, H:i T")


def booking_link(booking, for_user):
    """Where a notice about the booking takes its reader."""
    if booking.meeting_id and booking.status == BOOKED:
        return reverse("meetings:detail", args=[booking.meeting_id])
    if for_user.pk == booking.mentor_id:
        return reverse("meetings:office-hours")
    return reverse("meetings:office-hours-book", args=[booking.mentor_id])


def _release_stale(mentor, starts_at, now):
    """A booking whose mentorship closed or whose request ended no longer holds its slot,
    but its row still counts under the unique constraint: mark it cancelled first."""
    Booking.objects.filter(mentor=mentor, starts_at=starts_at, status=BOOKED).exclude(
        Booking.objects.holding_q()
    ).update(status=CANCELLED, cancelled_at=now, sequence=F("sequence") + 1, changed_at=now)


@transaction.atomic
def book(student, office_hours, starts_at, agenda="", now=None):
    """Book one slot of these office hours for the student. A mentee's booking is a planned
    meeting of their mentorship at once; a waiting request's is held on the request."""
    now = now or timezone.now()
    mentor = office_hours.mentor
    if starts_at <= now:
        raise BookingProblem(PASSED)
    if not offers(office_hours, starts_at, now):
        raise BookingProblem(NOT_OFFERED)
    if not OfficeHours.objects.published().filter(pk=office_hours.pk).exists():
        raise BookingProblem(REMOVED)
    # Lock the student's row, so that two slots booked at once from two tabs see each other.
    User.objects.select_for_update().filter(pk=student.pk).first()
    standing = standing_of(student, mentor)
    if not standing.may_book:
        raise BookingProblem(
            CLOSED.format(mentor=mentor) if standing.closed else "You can't book these."
        )
    if standing.request and not office_hours.is_open_to_requests:
        raise BookingProblem(f"These office hours of {mentor} are for their current mentees.")
    mine = Booking.objects.holding().filter(mentor=mentor, student=student, starts_at__gt=now)
    if upcoming := mine.first():
        raise BookingProblem(
            f"You already have a slot with {mentor} on {when_for(student, upcoming.starts_at)}. "
            "Cancel it to pick another, or book again once it has passed."
        )
    _release_stale(mentor, starts_at, now)
    if Booking.objects.holding().filter(mentor=mentor, starts_at=starts_at).exists():
        raise BookingProblem(TAKEN)
    booking = Booking(
        office_hours=office_hours,
        mentor=mentor,
        student=student,
        mentorship=standing.mentorship,
        request=standing.request,
        starts_at=starts_at,
        minutes=office_hours.slot_minutes,
        mode=office_hours.mode,
        place=office_hours.place,
        agenda=agenda,
        created_at=now,
        changed_at=now,
    )
    try:
        # A savepoint: when two people book the slot at once, the unique constraint lets
        # the first through and the second lands here, once the first has committed.
        with transaction.atomic():
            booking.save()
    except IntegrityError:
        raise BookingProblem(TAKEN) from None
    if standing.mentorship:
        _plan_meeting(booking, standing.mentorship)
    notify(
        mentor,
        "meeting.booked",
        f"{student} booked your office hours on {when_for(mentor, starts_at)}",
        body=f"{booking.get_mode_display()}, {booking.minutes} minutes."
        + ("" if standing.mentorship else " Their request to you is still waiting."),
        url=booking_link(booking, mentor),
    )
    return booking


def _plan_meeting(booking, mentorship):
    booking.mentorship = mentorship
    booking.meeting = Meeting.objects.create(
        mentorship=mentorship,
        starts_at=booking.starts_at,
        minutes=booking.minutes,
        mode=booking.mode,
        place=booking.place,
        agenda=booking.agenda,
        created_by=booking.student,
    )
    booking.save(update_fields=["mentorship", "meeting"])
    refresh_contact(mentorship.pk)


def _cancel(booking, by, now):
    """Free the slot and cancel the booking's meeting, through the meeting's own cancel (which
    publishes the change to calendars)."""
    booking.status, booking.cancelled_at, booking.cancelled_by = CANCELLED, now, by
    booking.sequence, booking.changed_at = F("sequence") + 1, now
    booking.save(update_fields=["status", "cancelled_at", "cancelled_by", "sequence", "changed_at"])
    if booking.meeting_id:
        planned = Meeting.objects.select_for_update().filter(
            pk=booking.meeting_id, status=Meeting.Status.PLANNED
        )
        meeting = planned.first()
        if meeting is not None:
            meeting.cancel()
            refresh_contact(meeting.mentorship_id)


@transaction.atomic
def cancel(booking, by, now=None):
    """Either side cancels a booking still to come; the other side is told."""
    now = now or timezone.now()
    locked = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("mentor", "student")
        .filter(pk=booking.pk, status=BOOKED)
        .first()
    )
    if locked is None:
        raise BookingProblem("This booking was cancelled already.")
    if not Booking.objects.holding().filter(pk=locked.pk).exists():
        raise BookingProblem("This booking has lapsed: the request or mentorship it was on ended.")
    if locked.starts_at <= now:
        raise BookingProblem("This slot has begun or passed; it can no longer be cancelled.")
    _cancel(locked, by, now)
    partner = locked.partner_of(by)
    notify(
        partner,
        "meeting.booking_cancelled",
        f"{by} cancelled the office-hours slot of {when_for(partner, locked.starts_at)}",
        url=booking_link(locked, partner),
    )
    return locked


@transaction.atomic
def remove(office_hours, by, cancel_bookings, now=None):
    """Remove office hours. Their bookings still to come are cancelled, each student told,
    or kept as they are (cancel_bookings False). Returns how many there were."""
    now = now or timezone.now()
    # Locked, so that a second removal (another tab) waits and then finds them removed.
    if not OfficeHours.objects.select_for_update().published().filter(pk=office_hours.pk).exists():
        raise BookingProblem("These office hours were removed already.")
    upcoming = list(
        Booking.objects.holding()
        .filter(office_hours=office_hours, starts_at__gt=now)
        .select_for_update(of=("self",))
        .select_related("student")
    )
    if cancel_bookings:
        for booking in upcoming:
            _cancel(booking, by, now)
            notify(
                booking.student,
                "meeting.booking_cancelled",
                f"{by} removed their office hours: your slot of "
                f"{when_for(booking.student, booking.starts_at)} is cancelled",
                url=booking_link(booking, booking.student),
            )
    office_hours.removed_at = now
    office_hours.save(update_fields=["removed_at"])
    return len(upcoming)


def release_for_meeting(meeting, status, by=None):
    """The booking behind a meeting frees its slot when the meeting is cancelled (CANCELLED)
    or moved to another time (MOVED) on the meeting's own pages."""
    now = timezone.now()
    Booking.objects.filter(meeting=meeting, status=BOOKED).update(
        status=status, cancelled_at=now, cancelled_by=by, changed_at=now
    )


def carry_over(request_obj, mentorship):
    """Called when a request is accepted, in the same transaction (settings.
    REQUEST_ACCEPTED_HANDLERS): each booking held on the request becomes a planned meeting
    of the new mentorship, so the first meeting is already in both calendars."""
    held = Booking.objects.select_for_update().filter(
        request=request_obj, status=BOOKED, meeting=None
    )
    for booking in held:
        _plan_meeting(booking, mentorship)
        # Its own calendar entry gives way to the meeting's: published as replaced.
        booking.sequence, booking.changed_at = F("sequence") + 1, timezone.now()
        booking.save(update_fields=["sequence", "changed_at"])
