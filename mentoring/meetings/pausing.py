"""Cancelling a mentorship's planned meetings when the pair pauses it.

The pause page belongs to mentorships, an app below this one: it calls cancel_planned through
settings.CANCEL_PLANNED_MEETINGS (docs/architecture.md: no upward imports).
"""

from mentoring.meetings.bookings import release_for_meeting
from mentoring.meetings.contact import refresh_contact
from mentoring.meetings.models import Booking, Meeting


def cancel_planned(mentorship, by):
    """Cancel each meeting of `mentorship` still to come, through Meeting.cancel (so that
    calendars publish it as cancelled), free the office-hours slots behind them and return
    how many were cancelled. Call it inside the caller's transaction."""
    planned = list(Meeting.objects.upcoming().select_for_update().filter(mentorship=mentorship))
    for meeting in planned:
        meeting.cancel()
        release_for_meeting(meeting, Booking.Status.CANCELLED, by)
    if planned:
        refresh_contact(mentorship.pk)
    return len(planned)
