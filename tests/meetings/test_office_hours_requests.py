"""A student whose request waits books office hours the mentor opened to them: the booking is
held on the request, with a calendar entry of its own, and becomes the first planned meeting
of the mentorship if the mentor accepts; if the request ends otherwise, the slot is free."""

import pytest

from mentoring.meetings.models import Booking, CalendarFeed, Meeting
from mentoring.mentorships import asking
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.models import Notification
from tests.factories import make_mentee, make_mentorship
from tests.meetings.ics import read_events, sequence
from tests.meetings.ics import uid as meeting_uid
from tests.meetings.office_hours_data import book_url, make_office_hours, slot_at, slot_value

EXPECTATIONS = {
    "cadence_days": "14",
    "meeting_minutes": "45",
    "main_mode": "video",
    "response_hours": "24",
    "reassess_every_days": "90",
    "focus_areas": [],
}


@pytest.fixture
def waiting(mentee, mentor):
    return asking.ask(mentee, mentor, message="Could you help with research?")


@pytest.fixture
def open_to_requests(mentor):
    return make_office_hours(
        mentor, is_open_to_requests=True, mode="video", place="https://v.example/ia"
    )


def book(client, office_hours, starts_at):
    return client.post(book_url(office_hours.mentor), {"slot": slot_value(office_hours, starts_at)})


def booking_uid(booking):
    return f"office-hours-booking-{booking.pk}@testserver"


@pytest.mark.django_db
def test_office_hours_are_for_mentees_unless_opened_to_requests(client, mentor, mentee, waiting):
    closed = make_office_hours(mentor)
    client.force_login(mentee)
    page = client.get(book_url(mentor)).content.decode()
    assert "Dr. Ines Alvarez has no office hours open to you yet." in page
    assert "You can still plan a meeting" not in page
    page = book(client, closed, slot_at()).content.decode()
    assert "Those office hours are no longer on offer; pick another slot." in page
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_waiting_student_books_and_the_booking_is_held_on_the_request(
    client, mentor, mentee, waiting, open_to_requests, django_assert_max_num_queries
):
    client.force_login(mentee)
    with django_assert_max_num_queries(10):
        page = client.get(book_url(mentor)).content.decode()
    assert "Your request to Dr. Ines Alvarez is still waiting." in page
    response = book(client, open_to_requests, slot_at())
    assert response["Location"] == book_url(mentor)
    booking = Booking.objects.get()
    assert (booking.request, booking.mentorship, booking.meeting) == (waiting, None, None)
    assert not Meeting.objects.exists()
    notice = Notification.objects.get(recipient=mentor, kind="meeting.booked")
    assert "Their request to you is still waiting." in notice.body
    assert notice.url == "/office-hours/"
    page = client.get(book_url(mentor)).content.decode()
    assert "If they accept, your slot becomes your first meeting" in page
    assert f"/office-hours/bookings/{booking.pk}/calendar.ics" in page
    # Both of them get its calendar entry, with the call link.
    for person in (mentee, mentor):
        client.force_login(person)
        with django_assert_max_num_queries(4):
            events = read_events(client.get(f"/office-hours/bookings/{booking.pk}/calendar.ics"))
        event = events[booking_uid(booking)]
        assert event.status.value == "CONFIRMED" and event.location.value == "https://v.example/ia"
    assert event.summary.value == "Office hours with Sam Okafor (Video)"


@pytest.mark.django_db
def test_accepting_turns_the_booking_into_the_first_meeting(
    client, mentor, mentee, waiting, open_to_requests
):
    client.force_login(mentee)
    book(client, open_to_requests, slot_at())
    booking = Booking.objects.get()
    feed = CalendarFeed.objects.create(user=mentee)
    before = read_events(client.get(f"/calendar/{feed.token}.ics"))[booking_uid(booking)]

    client.force_login(mentor)
    client.post(f"/requests/{waiting.pk}/accept/", EXPECTATIONS)

    mentorship = Mentorship.objects.get()
    meeting = Meeting.objects.get()
    assert (meeting.mentorship, meeting.status, meeting.starts_at) == (
        mentorship,
        "planned",
        slot_at(),
    )
    assert (meeting.mode, meeting.place, meeting.created_by) == (
        "video",
        "https://v.example/ia",
        mentee,
    )
    booking.refresh_from_db()
    assert (booking.meeting, booking.mentorship, booking.status) == (meeting, mentorship, "booked")
    mentorship.refresh_from_db()
    assert mentorship.next_meeting_at == slot_at()
    # In the calendar, the meeting replaces the booking's own event.
    events = read_events(client.get(f"/calendar/{feed.token}.ics"))
    assert events[meeting_uid(meeting)].status.value == "CONFIRMED"
    replaced = events[booking_uid(booking)]
    assert replaced.status.value == "CANCELLED" and sequence(replaced) > sequence(before)
    assert client.get(f"/office-hours/bookings/{booking.pk}/calendar.ics").status_code == 404
    # The slot stays theirs.
    client.force_login(mentee)
    page = client.get(book_url(mentor)).content.decode()
    assert page.count('name="slot"') == 7 and f"/meetings/{meeting.pk}/" in page


@pytest.mark.parametrize("ending", ["decline", "withdraw"])
@pytest.mark.django_db
def test_a_request_that_ends_frees_its_slot(
    client, mentor, mentee, waiting, open_to_requests, ending
):
    client.force_login(mentee)
    book(client, open_to_requests, slot_at())
    booking = Booking.objects.get()
    if ending == "decline":
        asking.decline(waiting, mentor)
    else:
        asking.withdraw(waiting, mentee)
    feed = CalendarFeed.objects.create(user=mentor)
    event = read_events(client.get(f"/calendar/{feed.token}.ics"))[booking_uid(booking)]
    assert event.status.value == "CANCELLED"
    assert client.get(f"/office-hours/bookings/{booking.pk}/calendar.ics").status_code == 404
    client.force_login(mentor)
    assert "with Sam Okafor" not in client.get("/office-hours/").content.decode()
    # A mentee may book the slot now; the old booking is written down as cancelled.
    other = make_mentee()
    make_mentorship(mentor, other)
    client.force_login(other)
    book(client, open_to_requests, slot_at())
    assert Booking.objects.get(student=other).status == "booked"
    assert Booking.objects.get(pk=booking.pk).status == "cancelled"


@pytest.mark.django_db
def test_an_invitation_is_not_a_waiting_request(client, mentor, mentee, open_to_requests):
    asking.invite(mentor, mentee, message="Would you like me to mentor you?")
    client.force_login(mentee)
    assert client.get(book_url(mentor)).status_code == 404


@pytest.mark.django_db
def test_the_mentor_cancels_a_waiting_students_booking(
    client, mentor, mentee, waiting, open_to_requests
):
    client.force_login(mentee)
    book(client, open_to_requests, slot_at())
    booking = Booking.objects.get()
    client.force_login(mentor)
    assert "their request to you is waiting" in client.get("/office-hours/").content.decode()
    client.post(f"/office-hours/bookings/{booking.pk}/cancel/")
    booking.refresh_from_db()
    assert booking.status == "cancelled" and booking.sequence == 1
    notice = Notification.objects.get(recipient=mentee, kind="meeting.booking_cancelled")
    assert notice.url == book_url(mentor)


@pytest.mark.django_db
def test_a_booking_whose_request_ended_cannot_be_cancelled_again(
    client, mentor, mentee, waiting, open_to_requests
):
    client.force_login(mentee)
    book(client, open_to_requests, slot_at())
    booking = Booking.objects.get()
    asking.withdraw(waiting, mentee)
    response = client.post(f"/office-hours/bookings/{booking.pk}/cancel/", follow=True)
    assert "This booking has lapsed" in response.content.decode()
    assert not Notification.objects.filter(kind="meeting.booking_cancelled").exists()


@pytest.mark.django_db
def test_the_request_page_offers_booking_to_the_student(client, mentor, mentee, waiting):
    client.force_login(mentee)
    page = client.get(f"/requests/{waiting.pk}/").content.decode()
    assert f'href="{book_url(mentor)}">Book office hours</a>' in page
    client.force_login(mentor)
    assert "Book office hours" not in client.get(f"/requests/{waiting.pk}/").content.decode()
