"""Every main page at a phone's width (390 CSS px) in Chromium: nothing scrolls sideways.

test_accessibility.py checks a dozen pages this way along with axe; this file covers the
rest of the pages people use from day to day, each with the data that makes it long or
wide (tables, long links in messages, e-mail addresses), for each persona. A failure names
the page and the elements that reach past the screen's edge.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from mentoring.feedback.models import Reassessment
from mentoring.meetings import bookings
from mentoring.meetings.models import Meeting
from mentoring.mentorships import asking
from tests.browser.helpers import Screenshots, make_person, sign_in_as
from tests.conversations.responses_factory import send
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
from tests.meetings.office_hours_data import make_office_hours, slot_at

pytestmark = pytest.mark.browser

LONG_LINK = (
    "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/figure/F3/"
    "?report=objectonly&utm_source=mentoring-thread-with-a-very-long-address"
)

# Elements whose right edge passes the viewport's: what to fix when a page is too wide.
WIDE_ELEMENTS = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > width + 1)
    .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > width + 1))
    .slice(0, 5)
    .map((e) => `<${e.tagName.toLowerCase()} class="${e.className}"> `
      + (e.textContent || '').trim().slice(0, 50));
}"""


@pytest.fixture
def world(db):
    faculty = make_mentor(
        make_person("ines.alvarez-montgomery@med.example.edu", "Dr. Ines Alvarez-Montgomery"),
        interests=["Addiction psychiatry", "Pharmacology", "Medical education research"],
        areas=["research", "residency-applications"],
        department="Psychiatry",
        capacity=4,
    )
    student = make_mentee(
        make_person("samuel.okafor-whitfield@med.example.edu", "Samuel Okafor-Whitfield"),
        interests=["Pharmacology"],
        areas=["research"],
        stage="clerkship",
    )
    asker = make_mentee(make_person("lee.chen@med.example.edu", "Lee Chen"), stage="final")
    mentorship = make_mentorship(faculty, student)
    goal = make_goal(student, "Draft a research question", shared_with=[mentorship])
    outcome = make_outcome(
        student,
        "Buprenorphine initiation in the emergency department: a retrospective chart review",
        venue="Academic Medicine, annual meeting of the Association of American Medical Colleges",
        doi="10.1097/ACM.0000000000001234.supplementary-material-with-a-long-suffix",
        pmid="15671207",
        tied_to=[mentorship],
    )
    held = make_meeting(
        mentorship,
        starts_at=local(days=-3),
        status=Meeting.Status.HELD,
        shared_notes=f"Talked about research questions; the figure is at {LONG_LINK}",
    )
    make_action_item(held, "Read the review article")
    make_meeting(mentorship, starts_at=local(days=5), agenda="The draft question.")
    now = timezone.now()
    send(mentorship, student, now - datetime.timedelta(hours=3), f"Here is the figure: {LONG_LINK}")
    send(mentorship, faculty, now - datetime.timedelta(hours=1), "Thanks, I will read it tonight.")
    Reassessment.objects.create(
        mentorship=mentorship, respondent=student, due_on=timezone.localdate()
    )
    request = asking.ask(asker, faculty, message="Could you mentor me toward psychiatry?")
    office_hours = make_office_hours(faculty)
    bookings.book(student, office_hours, slot_at())
    coordinator = make_person("grace.coordinator@med.example.edu", "Grace Coordinator")
    clerkship = make_clerkship("Internal Medicine and Ambulatory Care", coordinators=[coordinator])
    make_rotation(student, clerkship)
    make_rotation(asker, clerkship)
    return SimpleNamespace(
        student=student,
        faculty=faculty,
        coordinator=coordinator,
        mentorship=mentorship,
        goal=goal,
        outcome=outcome,
        meeting=held,
        request=request,
        clerkship=clerkship,
        reassessment=Reassessment.objects.get(respondent=student),
    )


# who -> paths, each a function of the world.
PAGES = {
    None: [
        lambda w: "/",
        lambda w: "/accounts/login/",
        lambda w: "/accounts/signup/",
        lambda w: "/accounts/password/reset/",
    ],
    "student": [
        lambda w: "/home/",
        lambda w: "/notifications/",
        lambda w: "/notifications/settings/",
        lambda w: "/account/settings/",
        lambda w: "/accounts/email/",
        lambda w: "/accounts/password/change/",
        lambda w: "/accounts/2fa/",
        lambda w: "/profile/mentee/",
        lambda w: "/mentors/",
        lambda w: f"/mentors/{w.faculty.mentor_profile.pk}/",
        lambda w: "/mentorships/mentors/",
        lambda w: "/requests/",
        lambda w: f"/mentorships/{w.mentorship.pk}/",
        lambda w: f"/mentorships/{w.mentorship.pk}/messages/",
        lambda w: f"/mentorships/{w.mentorship.pk}/meetings/",
        lambda w: f"/meetings/{w.meeting.pk}/",
        lambda w: f"/mentorships/{w.mentorship.pk}/timeline/",
        lambda w: f"/mentorships/{w.mentorship.pk}/feedback/",
        lambda w: "/goals/",
        lambda w: f"/goals/{w.goal.pk}/",
        lambda w: "/outcomes/",
        lambda w: "/outcomes/new/",
        lambda w: f"/outcomes/{w.outcome.pk}/",
        lambda w: f"/outcomes/{w.outcome.pk}/edit/",
        lambda w: f"/mentorships/{w.mentorship.pk}/outcomes/",
        lambda w: "/reassessments/",
        lambda w: f"/reassessments/{w.reassessment.pk}/",
        lambda w: "/calendar/",
        lambda w: "/rotations/",
        lambda w: f"/office-hours/with/{w.faculty.pk}/",
        lambda w: "/record/",
    ],
    "faculty": [
        lambda w: "/home/",
        lambda w: "/requests/",
        lambda w: f"/requests/{w.request.pk}/",
        lambda w: "/mentorships/mentees/",
        lambda w: "/requests/roster/",
        lambda w: "/office-hours/",
        lambda w: "/profile/mentor/",
        lambda w: f"/mentorships/{w.mentorship.pk}/messages/",
        lambda w: "/outcomes/mentees/",
        lambda w: f"/outcomes/{w.outcome.pk}/",
    ],
    "coordinator": [
        lambda w: "/home/",
        lambda w: "/clerkships/",
        lambda w: f"/clerkships/{w.clerkship.pk}/",
        lambda w: f"/clerkships/{w.clerkship.pk}/import/",
        lambda w: "/dashboards/",
        lambda w: f"/dashboards/clerkships/{w.clerkship.pk}/",
        lambda w: f"/dashboards/clerkships/{w.clerkship.pk}/students/",
    ],
}


@pytest.fixture(scope="module")
def shots():
    return Screenshots("phone-pages")


@pytest.mark.parametrize("who", list(PAGES), ids=lambda who: who or "visitor")
def test_no_main_page_scrolls_sideways_on_a_phone(new_page, live_server, world, shots, who):
    page = new_page(phone=True)
    if who is not None:
        sign_in_as(page, getattr(world, who), live_server.url)
    too_wide = []
    for path in (make(world) for make in PAGES[who]):
        response = page.goto(path)
        assert response.ok, f"{path} answered {response.status}"
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > page.viewport_size["width"]:
            shots.take(page, f"{who or 'visitor'}-{path.strip('/').replace('/', '-') or 'landing'}")
            too_wide.append(f"{path} is {width} px wide: {page.evaluate(WIDE_ELEMENTS)}")
    assert not too_wide, "\n".join(too_wide)
