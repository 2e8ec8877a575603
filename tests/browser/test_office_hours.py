"""Office hours in a real browser, on a desktop screen and on a phone: a mentor publishes
weekly times, their mentee books a slot and finds it as a planned meeting, and the mentor
sees it booked. Each page is checked with axe and for sideways scrolling on the phone."""

import pytest
from playwright.sync_api import expect

from mentoring.meetings.models import Booking, Meeting, OfficeHours
from mentoring.notifications.models import Notification
from tests.browser.helpers import Screenshots, axe_violations, describe, make_person, sign_in_as
from tests.factories import make_mentee, make_mentor, make_mentorship
from tests.meetings.factories import local

pytestmark = pytest.mark.browser


@pytest.fixture
def pair(db):
    mentor = make_mentor(
        make_person("ines.alvarez@med.example.edu", "Dr. Ines Alvarez"), department="Psychiatry"
    )
    mentee = make_mentee(make_person("sam.okafor@med.example.edu", "Sam Okafor"))
    return mentor, mentee, make_mentorship(mentor, mentee)


def check(page, shots, step):
    """Readable on this screen: no serious axe violation, nothing wider than the window."""
    shots.take(page, step)
    violations = axe_violations(page)
    assert not violations, describe(violations)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), step


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_mentor_publishes_office_hours_and_mentee_books_a_slot(new_page, live_server, pair, phone):
    mentor, mentee, mentorship = pair
    shots = Screenshots(f"office-hours-{'phone' if phone else 'desktop'}")
    day = local(days=3)  # the weekday three days from now: its first slot is ahead

    page = new_page(phone=phone)
    sign_in_as(page, mentor, live_server.url)
    page.goto("/home/")
    page.get_by_role("link", name="My office hours").click()
    expect(page.get_by_role("heading", name="Your office hours")).to_be_visible()
    page.get_by_role("link", name="Publish office hours").click()
    page.get_by_label("Every").select_option(label=f"{day:%A}")
    page.get_by_label("From").fill("17:00")
    page.get_by_label("Until").fill("18:00")
    page.get_by_label("Each slot lasts (minutes)").fill("30")
    page.get_by_label("How").select_option(label="In person")
    page.get_by_label("Where, or the video link").fill("Room 4B, Psychiatry")
    check(page, shots, "publish-form")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(f"Published: {day:%A}s 17:00-18:00.")).to_be_visible()
    expect(page.get_by_text("8 free slots in the next 4 weeks")).to_be_visible()
    check(page, shots, "published")
    assert OfficeHours.objects.get().mentor == mentor

    page = new_page(phone=phone)
    sign_in_as(page, mentee, live_server.url)
    page.goto(f"/mentorships/{mentorship.pk}/")
    page.get_by_role("link", name="Book office hours").click()
    expect(page.get_by_role("heading", name="Office hours of Dr. Ines Alvarez")).to_be_visible()
    check(page, shots, "free-slots")
    page.get_by_role("group", name=f"{day:%A} {day.day} {day:%B}").get_by_label(
        "17:30–18:00"
    ).check()
    page.get_by_label("What would you like to talk about?").fill("My research question")
    page.get_by_role("button", name="Book this slot").click()

    expect(page.get_by_role("heading", name="Meeting with Dr. Ines Alvarez")).to_be_visible()
    expect(page.get_by_text("Dr. Ines Alvarez has been told.")).to_be_visible()
    check(page, shots, "booked-meeting")
    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.starts_at) == ("planned", local(days=3, hour=17, minute=30))
    assert meeting.agenda == "My research question"
    assert Booking.objects.get().meeting == meeting
    assert Notification.objects.filter(recipient=mentor, kind="meeting.booked").exists()

    page = new_page(phone=phone)
    sign_in_as(page, mentor, live_server.url)
    page.goto("/office-hours/")
    expect(page.get_by_text("with Sam Okafor")).to_be_visible()
    expect(page.get_by_text("7 free slots in the next 4 weeks")).to_be_visible()
    check(page, shots, "mentor-sees-booking")
