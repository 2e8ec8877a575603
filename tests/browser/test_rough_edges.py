"""Issue 19's rough edges in a real browser, on a desktop and on a phone: withdrawing and
pausing ask first (pausing offers to cancel the planned meetings), and the directory's
filters fold away on a phone so that the mentors come first. axe on each new page."""

from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from mentoring.meetings.models import Meeting
from mentoring.mentorships import asking
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from tests.browser.helpers import Screenshots, axe_violations, describe, make_person, sign_in_as
from tests.factories import make_mentee, make_mentor, make_mentorship
from tests.meetings.factories import local, make_meeting

pytestmark = pytest.mark.browser
SIZES = pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])


@pytest.fixture
def world(db):
    """A student with a mentor, a meeting planned with them, and a request out to another."""
    # Interests and areas filled in, as a listed profile has them.
    mentor = make_mentor(
        make_person("ines.alvarez@med.example.edu", "Dr. Ines Alvarez"),
        interests=["Pharmacology"],
        areas=["research"],
    )
    asked = make_mentor(
        make_person("ben.okoro@med.example.edu", "Dr. Ben Okoro"),
        interests=["Cardiology"],
        areas=["research"],
    )
    student = make_mentee(make_person("sam.okafor@med.example.edu", "Sam Okafor"))
    mentorship = make_mentorship(mentor, student)
    meeting = make_meeting(mentorship, starts_at=local(days=5))
    request_obj = asking.ask(student, asked, message="Could you help me with cardiology?")
    return SimpleNamespace(
        student=student, mentorship=mentorship, meeting=meeting, request_obj=request_obj
    )


@pytest.fixture(scope="module")
def shots():
    return Screenshots("rough-edges")


def assert_fits_and_passes_axe(page, what):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{what} is {width} px wide"
    violations = axe_violations(page)
    assert not violations, f"axe on {what}:\n{describe(violations)}"


def on_first_screen(page, locator):
    box = locator.bounding_box()
    return box is not None and box["y"] + box["height"] <= page.viewport_size["height"]


@SIZES
def test_withdrawing_asks_first(new_page, live_server, world, shots, phone):
    page = new_page(phone=phone)
    sign_in_as(page, world.student, live_server.url)
    page.goto("/requests/")
    page.get_by_role("link", name="Withdraw…").click()
    expect(
        page.get_by_role("heading", name="Withdraw your request to Dr. Ben Okoro?")
    ).to_be_visible()
    shots.take(page, f"withdraw-{'phone' if phone else 'desktop'}")
    assert_fits_and_passes_axe(page, "the withdraw question")
    world.request_obj.refresh_from_db()
    assert world.request_obj.status == MentorshipRequest.Status.PENDING

    page.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_role("status")).to_contain_text("Withdrawn.")
    assert page.url.endswith("/requests/")
    world.request_obj.refresh_from_db()
    assert world.request_obj.status == MentorshipRequest.Status.WITHDRAWN


@SIZES
def test_pausing_asks_first_and_cancels_the_planned_meeting(
    new_page, live_server, world, shots, phone
):
    page = new_page(phone=phone)
    sign_in_as(page, world.student, live_server.url)
    page.goto(f"/mentorships/{world.mentorship.pk}/")
    page.get_by_role("link", name="Pause…").click()
    expect(
        page.get_by_role("heading", name="Pause your mentorship with Dr. Ines Alvarez?")
    ).to_be_visible()
    box = page.get_by_label("Also cancel our planned meetings")
    assert on_first_screen(page, page.get_by_role("button", name="Pause the mentorship"))
    shots.take(page, f"pause-{'phone' if phone else 'desktop'}")
    assert_fits_and_passes_axe(page, "the pause question")

    box.check()
    page.get_by_role("button", name="Pause the mentorship").click()
    expect(page.get_by_role("status")).to_contain_text("1 planned meeting cancelled.")
    world.mentorship.refresh_from_db()
    world.meeting.refresh_from_db()
    assert world.mentorship.status == Mentorship.Status.PAUSED
    assert world.meeting.status == Meeting.Status.CANCELLED


@SIZES
def test_directory_filters_fold_on_a_phone_and_the_mentors_come_first(
    new_page, live_server, world, shots, phone
):
    page = new_page(phone=phone)
    sign_in_as(page, world.student, live_server.url)
    page.goto("/mentors/?sort=name")
    expect(page.get_by_text("2 mentors, by name, from A to Z.")).to_be_visible()
    search = page.get_by_role("textbox", name="Search")
    first_mentor = page.get_by_role("link", name="Dr. Ben Okoro")
    shots.take(page, f"directory-{'phone' if phone else 'desktop'}")
    assert_fits_and_passes_axe(page, "the directory")
    if phone:
        expect(search).to_be_hidden()
        assert on_first_screen(page, first_mentor)
        page.get_by_text("Filters and order").click()
        expect(search).to_be_visible()
    else:
        expect(page.locator("details.filters")).to_have_attribute("open", "")
        expect(search).to_be_visible()
        assert on_first_screen(page, first_mentor)
