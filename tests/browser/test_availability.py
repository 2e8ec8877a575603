"""On a phone: a mentor answers a check-in in one click, a student sees a mentor who did not,
and a partner reaches the other by a tap on their number; axe finds nothing serious."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mentoring.profiles.models import ContactDetails, MentorProfile
from tests.browser.helpers import Screenshots, axe_violations, describe, sign_in_as
from tests.factories import make_mentee, make_mentor, make_mentorship, make_user

pytestmark = pytest.mark.browser


def fits_the_screen(page):
    """Nothing wider than the phone: no sideways scrolling."""
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_check_in_the_mark_and_contact_details_on_a_phone(new_page, live_server):
    shots = Screenshots("availability")
    mentor = make_mentor(make_user(display_name="Dr. Ines Alvarez"), capacity=3)
    student = make_mentee(make_user(display_name="Sam Okafor"))
    mentorship = make_mentorship(mentor, student)
    long_ago = timezone.now() - datetime.timedelta(days=20)
    MentorProfile.objects.filter(user=mentor).update(
        availability_asked_at=long_ago, availability_awaited_since=long_ago
    )
    ContactDetails.objects.create(
        user=mentor,
        phone="+1 617 555 0100",
        video_url="https://zoom.us/j/12345678901234567890?pwd=averyveryverylongpassword",
        best_hours="Weekdays 8-9 am",
    )

    # The student, before asking: the mark on the mentor's page.
    page = new_page(phone=True)
    other = make_mentee(make_user(display_name="Another Student"))
    sign_in_as(page, other, live_server.url)
    page.goto(f"/mentors/{mentor.mentor_profile.pk}/")
    expect(page.get_by_text("availability not confirmed", exact=True)).to_be_visible()
    expect(page.get_by_text("Availability not confirmed: Dr. Ines Alvarez")).to_be_visible()
    shots.take(page, "mentor-page-unconfirmed")
    assert fits_the_screen(page)

    # The partner: a tap on the number calls, the long link wraps.
    page = new_page(phone=True)
    sign_in_as(page, student, live_server.url)
    page.goto(f"/mentorships/{mentorship.pk}/")
    call = page.get_by_role("link", name="+1 617 555 0100")
    expect(call).to_have_attribute("href", "tel:+16175550100")
    shots.take(page, "partner-contact")
    assert fits_the_screen(page)
    violations = axe_violations(page)
    assert not violations, describe(violations)

    # The mentor answers in one click.
    page = new_page(phone=True)
    sign_in_as(page, mentor, live_server.url)
    page.goto("/profile/availability/")
    expect(page.get_by_label("Places free for new mentees")).to_have_value("2")
    assert fits_the_screen(page)
    violations = axe_violations(page)
    assert not violations, describe(violations)
    shots.take(page, "check-in")
    page.get_by_role("button", name="Still accepting").click()
    expect(page.get_by_text("Students see you accepting, with 2 places free.")).to_be_visible()
    profile = MentorProfile.objects.get(user=mentor)
    assert profile.availability_awaited_since is None and profile.is_accepting
