"""Which slots weekly office hours give: the mentor's wall-clock times, four weeks ahead,
daylight saving included, and the booked ones left out."""

import datetime
import zoneinfo

import pytest

from mentoring.meetings.models import Booking, OfficeHours
from mentoring.meetings.office_hours import coming_slots, slot_starts, standing_of
from mentoring.mentorships import asking
from tests.factories import make_mentee, make_mentorship
from tests.meetings.office_hours_data import make_office_hours, slot_at

NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def tuesdays(start, end, slot):
    return OfficeHours(
        weekday=OfficeHours.Weekday.TUESDAY,
        start_time=datetime.time(*start),
        end_time=datetime.time(*end),
        slot_minutes=slot,
    )


def test_tuesday_evenings_in_half_hours_for_four_weeks():
    starts = slot_starts(tuesdays((17, 0), (18, 0), 30), NEW_YORK, datetime.date(2025, 6, 2))
    assert [f"{s:%a %d %b %H:%M}" for s in starts] == [
        "Tue 03 Jun 17:00",
        "Tue 03 Jun 17:30",
        "Tue 10 Jun 17:00",
        "Tue 10 Jun 17:30",
        "Tue 17 Jun 17:00",
        "Tue 17 Jun 17:30",
        "Tue 24 Jun 17:00",
        "Tue 24 Jun 17:30",
    ]


def test_slots_keep_the_mentors_clock_across_daylight_saving():
    # New York moves its clocks on Sunday 9 March 2025: 17:00 stays 17:00 there, which is
    # 22:00 UTC before and 21:00 UTC after.
    starts = slot_starts(tuesdays((17, 0), (17, 30), 30), NEW_YORK, datetime.date(2025, 3, 3))
    assert [f"{s.astimezone(datetime.UTC):%d %b %H:%M}" for s in starts] == [
        "04 Mar 22:00",
        "11 Mar 21:00",
        "18 Mar 21:00",
        "25 Mar 21:00",
    ]


def test_a_time_the_clocks_skip_is_no_slot():
    sundays = tuesdays((1, 30), (3, 30), 30)
    sundays.weekday = OfficeHours.Weekday.SUNDAY
    starts = slot_starts(sundays, NEW_YORK, datetime.date(2025, 3, 9), weeks=1)
    # 02:00 and 02:30 do not exist in New York that night.
    assert [f"{s:%H:%M}" for s in starts] == ["01:30", "03:00"]


@pytest.mark.django_db
def test_booked_and_past_slots_are_not_offered(mentor, mentee):
    office_hours = make_office_hours(mentor)
    mentorship = make_mentorship(mentor, mentee)
    Booking.objects.create(
        office_hours=office_hours,
        mentor=mentor,
        student=mentee,
        mentorship=mentorship,
        starts_at=slot_at(hour=17),
        minutes=30,
        mode="in_person",
    )
    free = coming_slots([office_hours], mentor, now=slot_at(hour=17, minute=10))
    # That evening's 17:00 is booked (and begun); 17:30 is still to come; three weeks follow.
    assert [slot.starts_at for slot in free][:3] == [
        slot_at(hour=17, minute=30),
        slot_at(days=10, hour=17),
        slot_at(days=10, hour=17, minute=30),
    ]
    assert len(free) == 7


@pytest.mark.django_db
def test_a_closed_mentorship_no_longer_holds_its_booked_slot(mentor, mentee):
    office_hours = make_office_hours(mentor)
    mentorship = make_mentorship(mentor, mentee)
    Booking.objects.create(
        office_hours=office_hours,
        mentor=mentor,
        student=mentee,
        mentorship=mentorship,
        starts_at=slot_at(),
        minutes=30,
        mode="in_person",
    )
    mentorship.status = "closed"
    mentorship.save()
    free = coming_slots([office_hours], mentor, slot_at(days=0, hour=0))
    assert free[0].starts_at == slot_at()


@pytest.mark.django_db
def test_standing_of_mentee_waiting_student_former_mentee_and_stranger(mentor, mentee, outsider):
    assert standing_of(mentee, mentor).may_see is False
    mentorship = make_mentorship(mentor, mentee)
    assert standing_of(mentee, mentor).mentorship == mentorship
    waiting = asking.ask(outsider, mentor, message="Could we talk?")
    assert standing_of(outsider, mentor).request == waiting
    mentorship.status = "closed"
    mentorship.save()
    former = standing_of(mentee, mentor)
    assert former.closed and former.may_see and not former.may_book
    assert not standing_of(make_mentee(), mentor).may_see
