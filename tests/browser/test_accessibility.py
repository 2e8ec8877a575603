"""axe-core on the main pages, in Chromium, with the pages' real data and real CSP.

Only violations axe rates serious or critical fail a test; the message lists each rule,
the elements it found and axe's help text. axe runs on the page as served, after its own
scripts ran, so what a screen reader meets is what is checked.
"""

from types import SimpleNamespace

import pytest

from mentoring.meetings.models import Meeting
from mentoring.mentorships import asking
from mentoring.programmes.models import Programme
from mentoring.roster.models import RosterEntry
from tests.browser.helpers import Screenshots, axe_violations, describe, make_person, sign_in_as
from tests.factories import (
    make_clerkship,
    make_goal,
    make_mentee,
    make_mentor,
    make_mentorship,
    make_outcome,
    make_rotation,
)
from tests.meetings.factories import local, make_action_item, make_meeting

pytestmark = pytest.mark.browser

# (name, who looks, path): who is None for a visitor who is not signed in.
PAGES = [
    ("landing", None, lambda w: "/"),
    ("sign-in", None, lambda w: "/accounts/login/"),
    ("directory", "student", lambda w: "/mentors/?interest=pharmacology&room=on"),
    ("mentor-page", "student", lambda w: f"/mentors/{w.mentor_profile_pk}/"),
    ("recommendations", "student", lambda w: "/mentors/recommended/"),
    ("student-home", "student", lambda w: "/home/"),
    ("faculty-requests", "faculty", lambda w: "/requests/"),
    ("timeline", "student", lambda w: f"/mentorships/{w.mentorship.pk}/timeline/"),
    ("meetings", "student", lambda w: f"/mentorships/{w.mentorship.pk}/meetings/"),
    ("goals", "student", lambda w: "/goals/"),
    ("outcomes", "student", lambda w: "/outcomes/"),
    ("outcome-form", "student", lambda w: "/outcomes/new/"),
    ("mentees-outcomes", "faculty", lambda w: "/outcomes/mentees/"),
    ("dashboard", "coordinator", lambda w: f"/dashboards/clerkships/{w.clerkship.pk}/"),
    ("programme-dashboard", "staff", lambda w: f"/dashboards/programmes/{w.programme.pk}/"),
    ("verification-queue", "staff", lambda w: "/verification/"),
    ("roster", "staff", lambda w: "/roster/"),
    ("roster-upload", "staff", lambda w: "/roster/upload/"),
    ("portfolio", "faculty", lambda w: "/portfolio/"),
    (
        "portfolio-consent",
        "student",
        lambda w: f"/mentorships/{w.mentorship.pk}/portfolio-consent/",
    ),
    ("portfolio-totals", "staff", lambda w: "/dashboards/portfolios/"),
]


@pytest.fixture
def world(db):
    """A mentorship with a meeting, an action item and goals; a request waiting for the
    faculty member; a coordinator whose clerkship both students rotate in."""
    faculty = make_mentor(
        make_person("ines.alvarez@med.example.edu", "Dr. Ines Alvarez"),
        interests=["Addiction psychiatry", "Pharmacology"],
        areas=["research", "residency-applications"],
        department="Psychiatry",
        capacity=4,
    )
    student = make_mentee(
        make_person("sam.okafor@med.example.edu", "Sam Okafor"),
        interests=["Pharmacology"],
        areas=["research"],
        stage="clerkship",
    )
    asker = make_mentee(make_person("lee.chen@med.example.edu", "Lee Chen"), stage="final")
    mentorship = make_mentorship(faculty, student, focus_areas=[])
    goal = make_goal(student, "Draft a research question", shared_with=[mentorship])
    make_goal(student, "Keep Sunday afternoons free")
    make_outcome(student, "Poster at the spring meeting", kind="presentation", tied_to=[mentorship])
    meeting = make_meeting(
        mentorship,
        starts_at=local(days=-2),
        status=Meeting.Status.HELD,
        shared_notes="Talked about research questions.",
    )
    meeting.goals_discussed.add(goal)
    make_action_item(meeting, "Read the review article")
    make_meeting(mentorship, starts_at=local(days=12), agenda="The draft question.")
    asking.ask(asker, faculty, message="Could you mentor me toward a psychiatry residency?")
    coordinator = make_person("coordinator@med.example.edu", "Grace Coordinator")
    clerkship = make_clerkship("Internal Medicine", coordinators=[coordinator])
    make_rotation(student, clerkship)
    make_rotation(asker, clerkship)
    # Staff's pages for bringing a school in: a newcomer waits for verification, one
    # person is on the roster.
    staff = make_person("staff@med.example.edu", "Sky Staff", is_staff=True)
    make_mentor(make_person("lena.marsh@med.example.edu", "Dr. Lena Marsh"), verified_at=None)
    RosterEntry.objects.create(
        email="nia.roster@med.example.edu", name="Nia Roster", role="student", programme="MD",
        programme_key="md", stage="Final year",
    )  # fmt: skip
    return SimpleNamespace(
        staff=staff,
        programme=Programme.objects.default(),
        student=student,
        faculty=faculty,
        coordinator=coordinator,
        mentorship=mentorship,
        mentor_profile_pk=faculty.mentor_profile.pk,
        clerkship=clerkship,
    )


@pytest.fixture(scope="module")
def shots():
    return Screenshots("accessibility")


@pytest.mark.parametrize("name, who, path", PAGES, ids=[name for name, _, _ in PAGES])
def test_no_serious_accessibility_violations(page, live_server, world, shots, name, who, path):
    if who is not None:
        sign_in_as(page, getattr(world, who), live_server.url)
    response = page.goto(path(world))
    assert response.ok, f"{path(world)} answered {response.status}"
    shots.take(page, name)
    violations = axe_violations(page)
    assert not violations, f"axe on {name} ({path(world)}):\n{describe(violations)}"


@pytest.mark.parametrize("name, who, path", PAGES, ids=[name for name, _, _ in PAGES])
def test_every_main_page_fits_a_phone_in_the_dark_theme(
    new_page, live_server, world, shots, name, who, path
):
    """390 px wide with the system in dark mode: nothing scrolls sideways, axe (contrast
    included) finds nothing serious, and the menu folds behind one button that opens it."""
    page = new_page(phone=True, dark=True)
    if who is not None:
        sign_in_as(page, getattr(world, who), live_server.url)
    response = page.goto(path(world))
    assert response.ok, f"{path(world)} answered {response.status}"
    shots.take(page, f"{name}-phone-dark")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{name} is {width} px wide"
    violations = axe_violations(page)
    assert not violations, f"axe on {name} ({path(world)}):\n{describe(violations)}"
    if who is not None:
        home = page.get_by_role("navigation", name="Main").get_by_role("link", name="Home")
        assert not home.is_visible()
        page.get_by_role("button", name="Menu").click()
        assert home.is_visible()
