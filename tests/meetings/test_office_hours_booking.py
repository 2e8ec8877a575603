"""A mentee books a slot of their mentor's office hours: a planned meeting with its calendar
entry, and a notice for the mentor. Refusals say why and change nothing."""

import pytest
import time_machine

from mentoring.meetings.models import Booking, Meeting
from mentoring.notifications.models import Notification
from tests.factories import make_mentee, make_mentorship
from tests.meetings.factories import local
from tests.meetings.office_hours_data import book_url, make_office_hours, slot_at, slot_value


@pytest.fixture
def office_hours(mentor):
    return make_office_hours(mentor, place="Room 4B, Psychiatry")


@pytest.fixture
def mentorship(mentor, mentee):
    return make_mentorship(mentor, mentee)


def book(client, office_hours, starts_at, **fields):
    data = {"slot": slot_value(office_hours, starts_at), **fields}
    return client.post(book_url(office_hours.mentor), data)


@pytest.mark.django_db
def test_mentee_sees_free_slots_in_their_own_time_zone(
    client, mentor, mentee, mentorship, office_hours, django_assert_max_num_queries
):
    mentee.time_zone = "Europe/London"
    mentee.save()
    client.force_login(mentee)
    with django_assert_max_num_queries(10):
        page = client.get(book_url(mentor)).content.decode()
    assert "Office hours of Dr. Ines Alvarez" in page
    assert "Times are in your time zone, Europe/London (Dr. Ines Alvarez keeps them in " in page
    # 17:00 in New York is 22:00 in London (or 21:00 while their clocks change apart).
    assert page.count('name="slot"') == 8
    assert ("22:00–22:30" in page) or ("21:00–21:30" in page)


@pytest.mark.django_db
def test_mentee_books_a_slot_and_the_mentor_is_told(
    client, mentor, mentee, mentorship, office_hours
):
    client.force_login(mentee)
    response = book(client, office_hours, slot_at(hour=17, minute=30), agenda="My CV")
    meeting = Meeting.objects.get()
    assert response["Location"] == f"/meetings/{meeting.pk}/"
    assert (meeting.mentorship, meeting.status) == (mentorship, "planned")
    assert (meeting.starts_at, meeting.minutes) == (slot_at(hour=17, minute=30), 30)
    assert (meeting.mode, meeting.place, meeting.agenda) == (
        "in_person",
        "Room 4B, Psychiatry",
        "My CV",
    )
    booking = Booking.objects.get()
    assert (booking.meeting, booking.student, booking.status) == (meeting, mentee, "booked")
    mentorship.refresh_from_db()
    assert mentorship.next_meeting_at == meeting.starts_at
    notice = Notification.objects.get(recipient=mentor, kind="meeting.booked")
    assert notice.title.startswith("Sam Okafor booked your office hours on ")
    assert "17:30" in notice.title and notice.url == f"/meetings/{meeting.pk}/"
    assert "My CV" not in notice.body  # the agenda stays on the site
    # The meeting's calendar entry is there at once.
    ics = client.get(f"/meetings/{meeting.pk}/calendar.ics")
    assert ics.status_code == 200 and b"LOCATION:Room 4B\\, Psychiatry" in ics.content
    # The slot is gone from the list, and the booking shows as the mentee's.
    page = client.get(book_url(mentor)).content.decode()
    assert page.count('name="slot"') == 7 and "Your booked slot" in page


@pytest.mark.django_db
def test_a_taken_slot_says_pick_another(client, mentor, mentee, mentorship, office_hours):
    rival = make_mentee()
    make_mentorship(mentor, rival)
    client.force_login(rival)
    book(client, office_hours, slot_at())
    client.force_login(mentee)
    page = book(client, office_hours, slot_at()).content.decode()
    assert "Someone just booked that slot; pick another." in page
    assert Booking.objects.get().student == rival
    assert Meeting.objects.count() == 1


@pytest.mark.django_db
def test_one_slot_at_a_time_with_a_mentor(client, mentee, mentorship, office_hours):
    client.force_login(mentee)
    book(client, office_hours, slot_at())
    page = book(client, office_hours, slot_at(days=10)).content.decode()
    assert "You already have a slot with Dr. Ines Alvarez on " in page
    assert "Cancel it to pick another" in page
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    ("slot", "message"),
    [
        (lambda oh: slot_value(oh, slot_at(days=-4)), "That slot has passed; pick another."),
        (lambda oh: slot_value(oh, slot_at(hour=17, minute=10)), "not one of the slots on offer"),
        (lambda oh: slot_value(oh, slot_at(days=4)), "not one of the slots on offer"),
        (lambda oh: slot_value(oh, slot_at(days=31)), "not one of the slots on offer"),
        (lambda oh: f"{oh.pk + 1000}@{int(slot_at().timestamp())}", "no longer on offer"),
        (lambda oh: "tomorrow at five", "Pick a slot from the list."),
        (lambda oh: f"{oh.pk}@99999999999999", "Pick a slot from the list."),
        (lambda oh: "", "Pick a slot from the list."),
    ],
)
@pytest.mark.django_db
def test_bad_slots_are_refused(client, mentee, mentorship, office_hours, slot, message):
    client.force_login(mentee)
    response = client.post(book_url(office_hours.mentor), {"slot": slot(office_hours)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Booking.objects.exists() and not Meeting.objects.exists()


@pytest.mark.django_db
def test_a_slot_that_began_while_the_page_was_open(client, mentee, mentorship, office_hours):
    client.force_login(mentee)
    slot = slot_at()
    with time_machine.travel(slot_at(hour=17, minute=1), tick=False):
        page = book(client, office_hours, slot).content.decode()
    assert "That slot has passed; pick another." in page
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_a_closed_mentorship_books_nothing(client, mentor, mentee, mentorship, office_hours):
    mentorship.status = "closed"
    mentorship.save()
    client.force_login(mentee)
    page = client.get(book_url(mentor)).content.decode()
    assert "Your mentorship with Dr. Ines Alvarez is closed" in page
    assert 'name="slot"' not in page
    response = book(client, office_hours, slot_at(), follow=True)
    assert "Your mentorship with Dr. Ines Alvarez is closed" in response.content.decode()
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_outsiders_get_404(client, mentor, outsider, other_faculty, office_hours):
    for person in (outsider, other_faculty, mentor):
        client.force_login(person)
        assert client.get(book_url(mentor)).status_code == 404
        assert book(client, office_hours, slot_at()).status_code == 404
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_a_mentor_without_office_hours(client, mentor, mentee, mentorship):
    client.force_login(mentee)
    page = client.get(book_url(mentor)).content.decode()
    assert "Dr. Ines Alvarez has no office hours open to you yet." in page


@pytest.mark.django_db
def test_mentee_cancels_and_the_slot_is_free_again(
    client, mentor, mentee, mentorship, office_hours, django_assert_max_num_queries
):
    client.force_login(mentee)
    book(client, office_hours, slot_at())
    booking = Booking.objects.get()
    with django_assert_max_num_queries(6):
        page = client.get(f"/office-hours/bookings/{booking.pk}/cancel/").content.decode()
    assert "Cancel your office-hours slot with Dr. Ines Alvarez?" in page
    response = client.post(f"/office-hours/bookings/{booking.pk}/cancel/")
    assert response["Location"] == book_url(mentor)
    booking.refresh_from_db()
    assert (booking.status, booking.cancelled_by) == ("cancelled", mentee)
    meeting = Meeting.objects.get()
    assert meeting.status == "cancelled" and meeting.sequence == 1
    notice = Notification.objects.get(recipient=mentor, kind="meeting.booking_cancelled")
    assert notice.title.startswith("Sam Okafor cancelled the office-hours slot of ")
    # Someone else may book it now.
    rival = make_mentee()
    make_mentorship(mentor, rival)
    client.force_login(rival)
    book(client, office_hours, slot_at())
    assert Booking.objects.filter(status="booked").get().student == rival


@pytest.mark.django_db
def test_mentor_cancels_from_their_page(client, mentor, mentee, mentorship, office_hours):
    client.force_login(mentee)
    book(client, office_hours, slot_at())
    booking = Booking.objects.get()
    client.force_login(mentor)
    page = client.get("/office-hours/").content.decode()
    assert "with Sam Okafor" in page and f"/office-hours/bookings/{booking.pk}/cancel/" in page
    response = client.post(f"/office-hours/bookings/{booking.pk}/cancel/")
    assert response["Location"] == "/office-hours/"
    assert Meeting.objects.get().status == "cancelled"
    assert Notification.objects.filter(recipient=mentee, kind="meeting.booking_cancelled").exists()
    # A second cancel (another tab) changes nothing and says so.
    again = client.post(f"/office-hours/bookings/{booking.pk}/cancel/", follow=True)
    assert "This booking was cancelled already." in again.content.decode()
    assert Notification.objects.filter(kind="meeting.booking_cancelled").count() == 1


@pytest.mark.django_db
def test_outsider_cannot_cancel(client, mentee, mentorship, office_hours, outsider):
    client.force_login(mentee)
    book(client, office_hours, slot_at())
    booking = Booking.objects.get()
    client.force_login(outsider)
    assert client.get(f"/office-hours/bookings/{booking.pk}/cancel/").status_code == 404
    assert client.post(f"/office-hours/bookings/{booking.pk}/cancel/").status_code == 404
    assert Booking.objects.get().status == "booked"


@pytest.mark.django_db
def test_cancelling_the_meeting_frees_the_slot(client, mentee, mentorship, office_hours):
    client.force_login(mentee)
    book(client, office_hours, slot_at())
    meeting = Meeting.objects.get()
    client.post(f"/meetings/{meeting.pk}/cancel/")
    assert Booking.objects.get().status == "cancelled"
    page = client.get(book_url(mentorship.mentor)).content.decode()
    assert page.count('name="slot"') == 8


@pytest.mark.django_db
def test_moving_the_meeting_frees_the_slot(client, mentee, mentorship, office_hours):
    client.force_login(mentee)
    book(client, office_hours, slot_at())
    meeting = Meeting.objects.get()
    client.post(
        f"/meetings/{meeting.pk}/edit/",
        {
            "starts_at": local(days=5).strftime("%Y-%m-%dT%H:%M"),
            "minutes": "30",
            "mode": "in_person",
            "place": "Room 4B",
        },
    )
    assert Booking.objects.get().status == "moved"
    assert Meeting.objects.get().status == "planned"
    page = client.get(book_url(mentorship.mentor)).content.decode()
    assert page.count('name="slot"') == 8 and "Your booked slot" not in page


@pytest.mark.django_db
def test_the_mentorship_page_offers_booking_to_the_mentee_only(client, mentor, mentee, mentorship):
    client.force_login(mentee)
    page = client.get(f"/mentorships/{mentorship.pk}/").content.decode()
    assert f'href="{book_url(mentor)}">Book office hours</a>' in page
    client.force_login(mentor)
    assert "Book office hours" not in client.get(f"/mentorships/{mentorship.pk}/").content.decode()


@pytest.mark.django_db
def test_the_mentors_page_reads_many_bookings_in_a_few_queries(
    client, mentor, office_hours, django_assert_max_num_queries
):
    make_office_hours(mentor, days=4, start=9, end=12, slot=20)
    for hour, minute in ((17, 0), (17, 30)):
        student = make_mentee()
        make_mentorship(mentor, student)
        client.force_login(student)
        book(client, office_hours, slot_at(hour=hour, minute=minute))
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        page = client.get("/office-hours/").content.decode()
    assert page.count("/cancel/") == 2
    assert "6 free slots in the next 4 weeks" in page and "36 free slots" in page
