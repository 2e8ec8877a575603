"""Calendar links point where the site is served: the host and port a page or file was asked
on, unless SITE_URL is set, which then wins (behind a proxy, or for one public name). Never a
hard-coded localhost:8000. UIDs name events, not places: they stay the same either way."""

import pytest
from icalendar import Calendar

from mentoring.meetings.models import Booking, CalendarFeed
from mentoring.mentorships import asking
from tests.meetings.factories import local, make_meeting
from tests.meetings.office_hours_data import make_office_hours, slot_at

SERVED_ON = "mentoring.school.example:8443"


@pytest.fixture
def served_elsewhere(settings):
    """SITE_URL left unset (its default would be http://localhost:8000), the site served on
    another host and port."""
    settings.SITE_URL_IS_SET = False
    settings.SITE_URL = "http://localhost:8000"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "mentoring.school.example"]


def events(response):
    assert response.status_code == 200
    return {str(e["uid"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.mark.django_db
def test_calendar_page_links_to_the_host_it_is_served_on(
    client, mentor, served_elsewhere, settings, django_assert_max_num_queries
):
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        page = client.get("/calendar/", HTTP_HOST=SERVED_ON).content.decode()
    token = CalendarFeed.objects.get(user=mentor).token
    assert f'value="http://{SERVED_ON}/calendar/{token}.ics"' in page
    assert f'href="webcal://{SERVED_ON}/calendar/{token}.ics"' in page
    assert "localhost:8000" not in page

    # Set explicitly (one public name, whatever address the request came on), it wins.
    settings.SITE_URL_IS_SET = True
    settings.SITE_URL = "https://mentoring.med.example.edu"
    page = client.get("/calendar/", HTTP_HOST=SERVED_ON).content.decode()
    assert f'value="https://mentoring.med.example.edu/calendar/{token}.ics"' in page
    assert f'href="webcal://mentoring.med.example.edu/calendar/{token}.ics"' in page
    assert SERVED_ON not in page


@pytest.mark.django_db
def test_https_behind_a_proxy_gives_https_links(client, mentor, served_elsewhere, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client.force_login(mentor)
    page = client.get(
        "/calendar/", HTTP_HOST="mentoring.school.example", HTTP_X_FORWARDED_PROTO="https"
    ).content.decode()
    token = CalendarFeed.objects.get(user=mentor).token
    assert f'value="https://mentoring.school.example/calendar/{token}.ics"' in page
    assert f'href="webcal://mentoring.school.example/calendar/{token}.ics"' in page


@pytest.mark.django_db
def test_downloads_and_feed_link_back_to_the_host_they_came_from(
    client, mentor, mentee, mentorship, served_elsewhere
):
    meeting = make_meeting(mentorship, starts_at=local(days=3), place="Room 4B")
    client.force_login(mentee)
    response = client.get(f"/meetings/{meeting.pk}/calendar.ics", HTTP_HOST=SERVED_ON)
    [event] = events(response).values()
    assert str(event["url"]) == f"http://{SERVED_ON}/meetings/{meeting.pk}/"
    assert f"http://{SERVED_ON}/meetings/{meeting.pk}/" in str(event["description"])
    # The UID is the same as on any other address, so calendars never hold the event twice.
    assert str(event["uid"]) == f"meeting-{meeting.pk}@localhost"
    assert b"localhost:8000" not in response.content

    feed = CalendarFeed.objects.create(user=mentee)
    client.logout()
    found = events(client.get(f"/calendar/{feed.token}.ics", HTTP_HOST=SERVED_ON))
    assert str(found[f"meeting-{meeting.pk}@localhost"]["url"]) == (
        f"http://{SERVED_ON}/meetings/{meeting.pk}/"
    )


@pytest.mark.django_db
def test_office_hours_booking_download_links_to_the_served_host(
    client, mentor, mentee, served_elsewhere
):
    request = asking.ask(mentee, mentor, message="Could you help with research?")
    office_hours = make_office_hours(mentor, is_open_to_requests=True)
    booking = Booking.objects.create(
        office_hours=office_hours,
        mentor=mentor,
        student=mentee,
        request=request,
        starts_at=slot_at(),
        minutes=30,
        mode=office_hours.mode,
        place=office_hours.place,
    )
    client.force_login(mentee)
    response = client.get(f"/office-hours/bookings/{booking.pk}/calendar.ics", HTTP_HOST=SERVED_ON)
    [event] = events(response).values()
    assert str(event["url"]) == f"http://{SERVED_ON}/office-hours/with/{mentor.pk}/"
