"""Each persona's home, in Chromium on a desktop screen and on a phone: it lists what waits
on them (mentoring/next_steps.py, dashboards/changes.py), the most urgent first on the
first screen, and one click on a step's button opens the page where it is done."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mentoring.meetings.models import Meeting
from mentoring.mentorships import asking
from mentoring.mentorships.models import MentorshipRequest
from tests.browser.helpers import Screenshots, make_person, sign_in_as
from tests.factories import make_clerkship, make_mentee, make_mentor, make_mentorship, make_rotation
from tests.meetings.factories import local, make_action_item, make_meeting

pytestmark = pytest.mark.browser

SIZES = ["desktop", "phone"]


@pytest.fixture
def world(db):
    """A student with an invitation to answer, a meeting in two days without an agenda and
    an overdue action item; their mentor with a student's request waiting; a coordinator
    whose clerkship has a student rotating now without a mentor."""
    faculty = make_mentor(
        make_person("ines.alvarez@med.example.edu", "Dr. Ines Alvarez"),
        interests=["Pharmacology"],
        areas=["research"],
        capacity=4,
        response_hours=48,
    )
    inviter = make_mentor(make_person("omar.haddad@med.example.edu", "Dr. Omar Haddad"))
    student = make_mentee(
        make_person("sam.okafor@med.example.edu", "Sam Okafor"),
        interests=["Pharmacology"],
        areas=["research"],
        vision="A research career in psychopharmacology.",
    )
    asker = make_mentee(make_person("lee.chen@med.example.edu", "Lee Chen"), stage="final")
    mentorship = make_mentorship(faculty, student)
    held = make_meeting(mentorship, starts_at=local(days=-10), status=Meeting.Status.HELD)
    make_action_item(
        held, "Send the revised abstract", due_on=timezone.localdate() - datetime.timedelta(2)
    )
    meeting = make_meeting(mentorship, starts_at=local(days=2))
    invitation = MentorshipRequest.objects.create(
        mentor=inviter,
        mentee=student,
        created_by=inviter,
        kind=MentorshipRequest.Kind.INVITE,
        message="Your poster was excellent; shall we meet?",
    )
    request = asking.ask(asker, faculty, message="Could you mentor me toward psychiatry?")
    coordinator = make_person("coordinator@med.example.edu", "Grace Coordinator")
    clerkship = make_clerkship("Internal Medicine", coordinators=[coordinator])
    make_rotation(student, clerkship)
    make_rotation(asker, clerkship)
    return SimpleNamespace(
        student=student,
        faculty=faculty,
        coordinator=coordinator,
        meeting=meeting,
        held=held,
        invitation=invitation,
        request=request,
        clerkship=clerkship,
    )


@pytest.fixture(scope="module")
def shots():
    return Screenshots("home")


def open_home(new_page, live_server, user, size):
    page = new_page(phone=size == "phone")
    sign_in_as(page, user, live_server.url)
    assert page.goto("/home/").ok
    return page


def steps(page):
    """The 'What is next' list, as the texts of its items in order."""
    section = page.get_by_role("region", name="What is next")
    texts = section.get_by_role("listitem").all_inner_texts()
    return [re.sub(r"\s+", " ", text).strip() for text in texts]


def step(page, text):
    return (
        page.get_by_role("region", name="What is next")
        .get_by_role("listitem")
        .filter(has_text=text)
    )


def on_first_screen(page, locator):
    box = locator.bounding_box()
    return box is not None and box["y"] + box["height"] <= page.viewport_size["height"]


@pytest.mark.parametrize("size", SIZES)
def test_the_students_home_lists_what_waits_and_each_step_is_one_click(
    new_page, live_server, world, shots, size
):
    page = open_home(new_page, live_server, world.student, size)
    shots.take(page, f"student-{size}")
    items = steps(page)
    assert items[0].startswith("Late: Action item overdue since")
    assert "Send the revised abstract" in items[0]
    assert any("Dr. Omar Haddad sent you an invitation." in item for item in items)
    assert any(
        item.startswith("Meeting with Dr. Ines Alvarez on") and "no agenda yet." in item
        for item in items
    )
    first = step(page, "Send the revised abstract").get_by_role("link")
    assert on_first_screen(page, first), "the most urgent step is below the first screen"

    step(page, "sent you an invitation").get_by_role("link", name="Answer").click()
    expect(page).to_have_url(re.compile(rf"/requests/{world.invitation.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Dr. Omar Haddad")

    page.go_back()
    step(page, "no agenda yet").get_by_role("link", name="Write the agenda").click()
    expect(page).to_have_url(re.compile(rf"/meetings/{world.meeting.pk}/agenda/$"))
    expect(page.get_by_role("textbox").first).to_be_visible()


@pytest.mark.parametrize("size", SIZES)
def test_the_faculty_home_lists_the_request_to_answer_first(
    new_page, live_server, world, shots, size
):
    page = open_home(new_page, live_server, world.faculty, size)
    shots.take(page, f"faculty-{size}")
    items = steps(page)
    assert items[0].startswith("Lee Chen asks you to be their mentor (") and "left)" in items[0]
    assert any("Meeting with Sam Okafor on" in item for item in items)
    answer = step(page, "Lee Chen asks you").get_by_role("link", name="Answer")
    assert on_first_screen(page, answer), "the request to answer is below the first screen"

    answer.click()
    expect(page).to_have_url(re.compile(rf"/requests/{world.request.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Lee Chen")


@pytest.mark.parametrize("size", SIZES)
def test_the_coordinators_home_says_what_changed_and_opens_the_dashboard(
    new_page, live_server, world, shots, size
):
    page = open_home(new_page, live_server, world.coordinator, size)
    shots.take(page, f"coordinator-{size}")
    card = page.get_by_role("region", name="Internal Medicine")
    expect(card).to_contain_text("1 student rotating now without a mentor")
    link = card.get_by_role("link", name="Open the dashboard")
    assert on_first_screen(page, link), "the clerkship's changes are below the first screen"

    link.click()
    expect(page).to_have_url(re.compile(rf"/dashboards/clerkships/{world.clerkship.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Mentoring dashboard: Internal Medicine"
    )
