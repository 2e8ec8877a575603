"""A mentor publishes, changes and removes weekly office hours; bad times are refused with
words that say what to change, and nothing is saved."""

import datetime

import pytest

from mentoring.meetings.models import Booking, Meeting, OfficeHours
from mentoring.notifications.models import Notification
from tests.factories import make_mentorship
from tests.meetings.office_hours_data import book_url, make_office_hours, slot_at, slot_value

TUESDAY = {
    "weekday": "1",
    "start_time": "17:00",
    "end_time": "18:00",
    "slot_minutes": "30",
    "mode": "in_person",
    "place": "Room 4B, Psychiatry",
}


def publish(client, **fields):
    return client.post("/office-hours/new/", {**TUESDAY, **fields})


@pytest.mark.django_db
def test_mentor_publishes_tuesday_evenings(client, mentor, django_assert_max_num_queries):
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        form = client.get("/office-hours/new/").content.decode()
    assert 'type="time"' in form and "In your time zone, America/New_York." in form
    response = publish(client, is_open_to_requests="on")
    assert response["Location"] == "/office-hours/"
    office_hours = OfficeHours.objects.get()
    assert (office_hours.mentor, office_hours.weekday, office_hours.slot_minutes) == (mentor, 1, 30)
    assert (office_hours.start_time, office_hours.end_time) == (
        datetime.time(17),
        datetime.time(18),
    )
    assert office_hours.is_open_to_requests
    with django_assert_max_num_queries(8):
        page = client.get("/office-hours/").content.decode()
    assert "Published: Tuesdays 17:00-18:00." in page
    assert "30-minute slots" in page and "8 free slots in the next 4 weeks" in page
    assert "open to students whose request waits" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"end_time": "16:00"}, "The end must be after the start."),
        ({"end_time": "17:00"}, "The end must be after the start."),
        (
            {"slot_minutes": "45"},
            "17:00 to 18:00 is 60 minutes, which does not divide into 45-minute slots. "
            "Lengths that fit: 10, 12, 15, 20, 30, 60; or change the times.",
        ),
        ({"slot_minutes": "5"}, "A slot lasts from 10 to 120 minutes."),
        ({"end_time": "23:30", "start_time": "08:00"}, "Office hours last at most eight hours"),
        ({"mode": "video", "place": "Room 4B"}, "For video, give the call link"),
        ({"place": ""}, "This field is required."),
        ({"start_time": "5pm"}, "Enter a valid time."),
        ({"weekday": "9"}, "Select a valid choice."),
        ({"mode": "phone"}, "Select a valid choice."),
    ],
)
@pytest.mark.django_db
def test_bad_times_are_refused_and_nothing_is_saved(client, mentor, fields, message):
    client.force_login(mentor)
    page = publish(client, **fields).content.decode()
    assert message in page
    assert not OfficeHours.objects.exists()


@pytest.mark.django_db
def test_overlapping_office_hours_are_refused(client, mentor):
    make_office_hours(mentor, start=16, end=18)
    client.force_login(mentor)
    weekday = str(OfficeHours.objects.get().weekday)
    page = publish(client, weekday=weekday).content.decode()
    assert "This overlaps your office hours on" in page
    assert OfficeHours.objects.count() == 1
    # Back to back is fine.
    publish(client, weekday=weekday, start_time="18:00", end_time="19:00")
    assert OfficeHours.objects.count() == 2


@pytest.mark.django_db
def test_only_mentors_publish(client, mentee):
    client.force_login(mentee)
    assert client.get("/office-hours/").status_code == 404
    assert publish(client).status_code == 404
    assert not OfficeHours.objects.exists()


@pytest.mark.django_db
def test_another_mentor_cannot_change_or_remove_them(client, mentor, other_faculty):
    office_hours = make_office_hours(mentor)
    client.force_login(other_faculty)
    assert client.get(f"/office-hours/{office_hours.pk}/edit/").status_code == 404
    assert client.post(f"/office-hours/{office_hours.pk}/remove/").status_code == 404
    assert OfficeHours.objects.filter(pk=office_hours.pk).exists()


@pytest.mark.django_db
def test_changing_office_hours_keeps_booked_slots(
    client, mentor, mentee, django_assert_max_num_queries
):
    office_hours = make_office_hours(mentor)
    make_mentorship(mentor, mentee)
    client.force_login(mentee)
    client.post(book_url(mentor), {"slot": slot_value(office_hours, slot_at())})
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        page = client.get(f"/office-hours/{office_hours.pk}/edit/").content.decode()
    assert "The 1 slot already booked keeps its time and place" in page
    fields = {**TUESDAY, "weekday": str(office_hours.weekday), "start_time": "08:00"}
    fields.update(end_time="09:00")
    client.post(f"/office-hours/{office_hours.pk}/edit/", fields)
    office_hours.refresh_from_db()
    assert office_hours.start_time == datetime.time(8)
    meeting = Meeting.objects.get()
    assert meeting.starts_at == slot_at() and meeting.status == "planned"


@pytest.fixture
def booked(client, mentor, mentee):
    """Office hours with one slot booked by the mentee; the mentor signed in."""
    office_hours = make_office_hours(mentor)
    make_mentorship(mentor, mentee)
    client.force_login(mentee)
    client.post(book_url(mentor), {"slot": slot_value(office_hours, slot_at())})
    client.force_login(mentor)
    return office_hours


@pytest.mark.django_db
def test_removing_asks_what_happens_to_booked_slots(
    client, booked, mentee, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        page = client.get(f"/office-hours/{booked.pk}/remove/").content.decode()
    assert "1 slot already booked:" in page and "with Sam Okafor" in page
    page = client.post(f"/office-hours/{booked.pk}/remove/").content.decode()
    assert "Choose what happens to the slots already booked." in page
    assert OfficeHours.objects.published().exists()
    assert Meeting.objects.get().status == "planned"


@pytest.mark.django_db
def test_removing_and_cancelling_tells_each_student(client, booked, mentee):
    response = client.post(f"/office-hours/{booked.pk}/remove/", {"bookings": "cancel"})
    assert response["Location"] == "/office-hours/"
    assert not OfficeHours.objects.published().exists()
    assert Booking.objects.get().status == "cancelled"
    meeting = Meeting.objects.get()
    assert meeting.status == "cancelled" and meeting.sequence == 1  # calendars see the cancel
    notice = Notification.objects.get(recipient=mentee, kind="meeting.booking_cancelled")
    assert "Dr. Ines Alvarez removed their office hours" in notice.title


@pytest.mark.django_db
def test_removing_and_keeping_leaves_the_meetings(client, booked, mentee):
    client.post(f"/office-hours/{booked.pk}/remove/", {"bookings": "keep"})
    assert not OfficeHours.objects.published().exists()
    booking = Booking.objects.get()
    assert booking.status == "booked" and booking.office_hours == booked
    assert Meeting.objects.get().status == "planned"
    assert not Notification.objects.filter(recipient=mentee, kind__contains="cancel").exists()


@pytest.mark.django_db
def test_removing_office_hours_nobody_booked_needs_no_choice(client, mentor):
    office_hours = make_office_hours(mentor)
    client.force_login(mentor)
    response = client.post(f"/office-hours/{office_hours.pk}/remove/", follow=True)
    assert "Removed your office hours" in response.content.decode()
    assert "No office hours yet." in response.content.decode()
    assert OfficeHours.objects.get().removed_at is not None
    # Gone for the mentor's pages; a second removal (another tab) finds nothing.
    assert client.post(f"/office-hours/{office_hours.pk}/remove/").status_code == 404


@pytest.mark.django_db
def test_removed_office_hours_offer_no_slot(client, mentor, mentee):
    office_hours = make_office_hours(mentor)
    make_mentorship(mentor, mentee)
    client.force_login(mentor)
    client.post(f"/office-hours/{office_hours.pk}/remove/")
    client.force_login(mentee)
    page = client.get(book_url(mentor)).content.decode()
    assert "Dr. Ines Alvarez has no office hours open to you yet." in page
    # A page opened before the removal, sent after it.
    page = client.post(book_url(mentor), {"slot": slot_value(office_hours, slot_at())})
    assert "Those office hours are no longer on offer; pick another slot." in page.content.decode()
    assert not Booking.objects.exists()
