"""A new student and a new faculty member sign in for the first time and go through the
set-up, on a desktop screen and on a phone: each step passes axe, none scrolls sideways,
and the time zone comes from the browser through static/js/time_zone.js (CSP 'self')."""

import pytest
from playwright.sync_api import expect

from accounts.models import User
from mentoring.profiles.models import MenteeProfile, MentorProfile
from mentoring.profiles.roles import Role, add_roles
from mentoring.profiles.setup import known_zone
from mentoring.profiles.verification import verify
from tests.browser.helpers import Screenshots, axe_violations, describe, make_person, sign_in

pytestmark = pytest.mark.browser


def check(page, shots, name):
    """axe clean, no sideways scroll, and a screenshot of the step."""
    violations = axe_violations(page)
    assert not violations, describe(violations)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    shots.take(page, name)


def save(page, last=False):
    page.get_by_role("button", name="Save and finish" if last else "Save and continue").click()


def browser_zone(page):
    return known_zone(page.evaluate("() => Intl.DateTimeFormat().resolvedOptions().timeZone"))


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_a_new_student_goes_through_the_set_up(new_page, phone):
    email = f"new.student.{int(phone)}@med.example.edu"
    user = make_person(email, "New Student", setup_done_at=None, time_zone="Pacific/Fiji")
    add_roles(user, [Role.MENTEE])
    page = new_page(phone=phone)
    shots = Screenshots(f"onboarding-student-{'phone' if phone else 'desktop'}")
    sign_in(page, email)
    expect(page.get_by_role("heading", name="Your stage of training")).to_be_visible()
    check(page, shots, "stage")
    page.get_by_label("Final year").check()
    save(page)
    expect(page.get_by_role("heading", name="Your interests")).to_be_visible()
    check(page, shots, "interests")
    page.get_by_label("Interests").fill("Pharmacology")
    save(page)
    check(page, shots, "areas")
    page.get_by_role("button", name="Skip this step").click()
    expect(page.get_by_role("heading", name="Your vision for the future")).to_be_visible()
    page.get_by_label("Your vision for the future").fill("Addiction medicine, with research.")
    save(page)
    expect(page.get_by_role("heading", name="How and when you like to meet")).to_be_visible()
    zone = browser_zone(page)
    expect(page.locator("#browser-zone")).to_be_visible()
    check(page, shots, "meeting")
    page.get_by_label("Video").check()
    save(page, last=True)
    expect(page.get_by_role("heading", name="Recommended for you")).to_be_visible()
    check(page, shots, "recommendations")
    # Areas were skipped: the page says so, and nothing was assumed for the stage or modes.
    expect(page.get_by_role("status").filter(has_text="would fit you better")).to_contain_text(
        "the areas you want help with"
    )
    profile = MenteeProfile.objects.get(user=user)
    assert (profile.stage.name, profile.modes) == ("Final year", ["Video"])
    assert not profile.areas_sought.exists()
    user = User.objects.get(pk=user.pk)
    assert user.time_zone == zone and user.setup_done_at is not None


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_a_new_faculty_member_goes_through_the_set_up_and_is_listed(new_page, phone):
    email = f"new.faculty.{int(phone)}@med.example.edu"
    user = make_person(email, "Dr. New Faculty", setup_done_at=None)
    add_roles(user, [Role.MENTOR])
    verify(user, how="roster")  # on the faculty roster: listed once the set-up says enough
    page = new_page(phone=phone)
    shots = Screenshots(f"onboarding-faculty-{'phone' if phone else 'desktop'}")
    sign_in(page, email)
    expect(page.get_by_role("heading", name="Your career stage")).to_be_visible()
    check(page, shots, "career")
    page.get_by_role("button", name="Skip this step").click()
    page.get_by_label("Interests").fill("Cardiology, medical education")
    save(page)
    expect(page.get_by_role("heading", name="What you offer, and what you don't")).to_be_visible()
    check(page, shots, "offer")
    page.get_by_label("Research").check()
    page.get_by_label("What I can't offer").fill("Help with residency applications.")
    save(page)
    expect(page.get_by_role("heading", name="How many mentees you can take")).to_be_visible()
    check(page, shots, "capacity")
    page.get_by_label("Most active mentees at once").fill("2")
    save(page)
    check(page, shots, "meeting")
    page.get_by_label("In person").check()
    save(page, last=True)
    expect(page.get_by_text("Students can now find you in the directory.")).to_be_visible()
    check(page, shots, "home")
    assert MentorProfile.objects.listed().filter(user=user, capacity=2).exists()
