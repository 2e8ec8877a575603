"""One student's path to a mentor, in a real browser, as each person would click through it.

A student signs up and verifies their address, fills in their profile, filters the faculty
directory and asks; the faculty member accepts and logs a first session; the student adds
goals and answers a reassessment; the clerkship coordinator sees the student leave the
"without a mentor" list. Each step asserts what the person sees and what the database holds.
"""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from mentoring.feedback.models import Reassessment
from mentoring.feedback.reassessment import send_periodic_prompts
from mentoring.goals.models import Goal
from mentoring.meetings.models import ActionItem, Meeting
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from tests.browser.helpers import (
    PHONE,
    Screenshots,
    make_person,
    open_menu,
    sign_in,
    table_row,
    verification_link,
)
from tests.factories import make_clerkship, make_mentor, make_rotation

pytestmark = pytest.mark.browser

STUDENT_EMAIL = "maya.patel@med.example.edu"
STUDENT_PASSWORD = "stethoscope-lantern-42"


@pytest.fixture
def school(db):
    """Two faculty in the directory and a coordinator for Internal Medicine."""
    psychiatrist = make_mentor(
        make_person("ines.alvarez@med.example.edu", "Dr. Ines Alvarez"),
        interests=["Addiction psychiatry", "Pharmacology"],
        areas=["research", "residency-applications"],
        department="Psychiatry",
        title="Associate Professor",
        capacity=3,
    )
    make_mentor(
        make_person("tom.reyes@med.example.edu", "Dr. Tom Reyes"),
        interests=["Cardiology"],
        areas=["clinical-skills"],
        department="Internal Medicine",
    )
    coordinator = make_person("coordinator@med.example.edu", "Grace Coordinator")
    return {
        "faculty": psychiatrist,
        "coordinator": coordinator,
        "clerkship": make_clerkship("Internal Medicine", coordinators=[coordinator]),
    }


def sign_up_and_verify(page, shots):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Find a mentor")
    shots.take(page, "landing")
    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("E-mail").fill(STUDENT_EMAIL)
    page.get_by_label("Your name as others will see it").fill("Maya Patel")
    page.get_by_label("I'm looking for mentors").check()
    page.get_by_label("Password:", exact=True).fill(STUDENT_PASSWORD)
    page.get_by_label("Password (again)").fill(STUDENT_PASSWORD)
    shots.take(page, "sign-up")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", name="Verify your e-mail address")).to_be_visible()

    # The link reaches the student by e-mail: follow it as they would from their inbox.
    page.goto(verification_link(STUDENT_EMAIL))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text(f"You have confirmed {STUDENT_EMAIL}")).to_be_visible()
    sign_in(page, STUDENT_EMAIL, STUDENT_PASSWORD)
    # A first sign-in leads to the set-up (issue 19); this journey fills the profile later.
    expect(page.get_by_role("heading", name="Your stage of training")).to_be_visible()
    page.get_by_role("button", name="Skip the rest of set-up").click()
    expect(page.get_by_role("heading", name="Welcome, Maya Patel")).to_be_visible()
    shots.take(page, "student-home")

    student = User.objects.get(email=STUDENT_EMAIL)
    assert EmailAddress.objects.get(user=student).verified
    return student


def complete_mentee_profile(page, shots):
    page.get_by_role("link", name="My profile", exact=True).click()
    page.get_by_label("Stage of training").select_option(label="Clerkship year")
    page.get_by_label("Expected graduation year").fill(str(timezone.localdate().year + 2))
    page.get_by_label("Interests").fill("addiction psychiatry, pharmacology")
    page.get_by_label("Research", exact=True).check()
    page.get_by_label("My vision for the future").fill(
        "A psychiatry residency, with time for research on addiction treatment."
    )
    page.get_by_label("In person").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    shots.take(page, "mentee-profile")


def coordinator_sees(page, clerkship, shots, step):
    """What the dashboard says: students with an active mentor (all stages), reassessments
    completed by students, and the names listed as without an active mentor. The figures
    are kept a few minutes, so the coordinator asks for them afresh."""
    page.goto("/dashboards/")
    page.get_by_role("link", name=clerkship.name).click()
    page.get_by_role("button", name="Recompute now").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(clerkship.name)
    _, students, with_mentor, share = table_row(page, "coverage", "All stages")
    completed_by_students = table_row(page, "reassessments", "Of those, completed")[2]
    shots.take(page, f"{step}-dashboard")
    page.get_by_role("link", name="Students without an active mentor").click()
    without = page.locator(".students-table tbody th").all_inner_texts()
    shots.take(page, f"{step}-students-without-mentor")
    return {
        "students": students,
        "with a mentor": with_mentor,
        "share (%)": share,
        "reassessed": completed_by_students,
        "without a mentor": without,
    }


def find_and_ask(page, faculty, shots):
    open_menu(page, "Find a mentor")
    page.get_by_label("Interest:", exact=True).fill("pharmacology")
    page.get_by_label("Area offered").select_option(label="Research")
    page.get_by_label("Has room now").check()
    page.get_by_role("button", name="Show mentors").click()
    # Every filter lives in the URL, so that a search can be bookmarked or shared.
    assert "interest=pharmacology" in page.url and "area=research" in page.url
    results = page.locator(".mentor-card h2")
    expect(results).to_have_text(["Dr. Ines Alvarez"])
    expect(page.get_by_text("1 mentor match")).to_be_visible()
    shots.take(page, "directory-filtered")

    page.get_by_role("link", name="Dr. Ines Alvarez").click()
    expect(page.get_by_role("heading", name="Dr. Ines Alvarez", level=1)).to_be_visible()
    shots.take(page, "mentor-page")
    page.get_by_role("link", name="Ask to be my mentor").click()
    page.get_by_label("Your message").fill(
        "Who I am: a clerkship-year student.\nWhat I hope for: help with a first research "
        "project in addiction pharmacology.\nHow often I'd like to meet: every two weeks."
    )
    page.get_by_label("I'd prefer to meet by").select_option(label="In person")
    page.get_by_role("button", name="Send request").click()
    expect(page.get_by_text("Your request is on its way to Dr. Ines Alvarez")).to_be_visible()
    shots.take(page, "request-sent")
    request = MentorshipRequest.objects.get(mentor=faculty)
    assert request.status == MentorshipRequest.Status.PENDING
    assert "addiction pharmacology" in request.message


def accept_and_log_session(page, student, shots):
    open_menu(page, "Requests")
    expect(page.locator("section", has_text="Waiting for your answer")).to_contain_text(
        "Maya Patel"
    )
    shots.take(page, "faculty-requests")
    page.get_by_role("link", name="Request: Maya Patel and Dr. Ines Alvarez").click()
    expect(page.get_by_text("addiction pharmacology")).to_be_visible()
    page.get_by_role("link", name="Accept", exact=True).click()
    page.get_by_label("Meet every (days)").fill("14")
    page.get_by_label("Usual length (minutes)").fill("45")
    page.get_by_label("Reassess together every (days)").fill("90")
    shots.take(page, "faculty-accept")
    page.get_by_role("button", name="Accept and start").click()
    expect(page.get_by_text("Accepted. Your agreement is below")).to_be_visible()
    expect(page.get_by_text("every 14 days, about 45 minutes, in person")).to_be_visible()
    shots.take(page, "mentorship")
    mentorship = Mentorship.objects.get(mentee=student)
    assert (mentorship.status, mentorship.cadence_days) == (Mentorship.Status.ACTIVE, 14)

    open_menu(page, "My mentees")
    page.get_by_role("row", name="Maya Patel").get_by_role("link", name="Log a session").click()
    page.get_by_label("Notes (both of you see these)").fill(
        "Talked about research questions in addiction pharmacology."
    )
    page.get_by_label("Next step (optional)").fill("Draft a research question")
    page.get_by_label("Who").select_option(label="Maya Patel (mentee)")
    due_on = timezone.localdate() + datetime.timedelta(days=14)
    page.get_by_label("Due").fill(due_on.isoformat())
    shots.take(page, "faculty-log-session")
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_text("Logged your session with Maya Patel.")).to_be_visible()
    expect(page.get_by_role("row", name="Maya Patel")).not_to_contain_text("not yet")
    meeting = Meeting.objects.get(mentorship=mentorship)
    assert meeting.status == Meeting.Status.HELD
    item = ActionItem.objects.get(meeting=meeting)
    assert (item.text, item.owner, item.due_on) == (
        "Draft a research question",
        ActionItem.Owner.MENTEE,
        due_on,
    )
    return mentorship


def add_goals(page, shots):
    open_menu(page, "My goals")
    page.get_by_role("link", name="Add your first goal").click()
    page.get_by_label("Specific (e.g. pass my anatomy course)").check()
    page.get_by_label("Your goal").fill("Draft a research question by the end of the month")
    page.get_by_label("Dr. Ines Alvarez").check()
    page.get_by_role("button", name="Add goal").click()
    expect(page.get_by_text("Goal added at the end of your list")).to_be_visible()

    open_menu(page, "My goals")
    page.get_by_role("link", name="Add a goal").click()
    page.get_by_label("Personal (e.g. have a life outside of medical school)").check()
    page.get_by_label("Your goal").fill("Keep Sunday afternoons free")
    page.get_by_role("button", name="Add goal").click()
    expect(page.get_by_role("heading", name="Keep Sunday afternoons free")).to_be_visible()
    open_menu(page, "My goals")
    goals = page.locator("ol.list > li")
    expect(goals.nth(0)).to_contain_text("Seen by Dr. Ines Alvarez")
    expect(goals.nth(1)).to_contain_text("Private: only you see it")
    shots.take(page, "goals")


def answer_reassessment(page, mentorship, shots):
    # A month goes by: the pair's dates move back, then the beat's own sweep makes the prompt.
    today = timezone.localdate()
    Mentorship.objects.filter(pk=mentorship.pk).update(
        started_on=today - datetime.timedelta(days=31), reassess_on=today
    )
    assert send_periodic_prompts(timezone.now()) == 2  # one for each of the pair

    open_menu(page, "Home")
    page.get_by_role("link", name="Reassessments", exact=True).click()
    page.get_by_role("link", name="Periodic reassessment: Dr. Ines Alvarez").click()
    # Every scale's last option is its best ("Always", "Very satisfied"); the two yes-or-no
    # questions list "Yes" first.
    for group in page.locator("form.card fieldset").all():
        options = group.get_by_role("radio")
        if options.count():
            options.last.check()
    for question in ("Are the goals still the right ones?", "Does the way you meet still fit?"):
        page.get_by_role("group", name=question).get_by_label("Yes").check()
    page.get_by_label("What is going well").fill("Clear next steps after every meeting.")
    shots.take(page, "reassessment-form")
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Thank you. Your answers are saved.")).to_be_visible()
    shots.take(page, "reassessment-answered")
    answered = Reassessment.objects.get(mentorship=mentorship, respondent=mentorship.mentee)
    assert answered.completed_at is not None
    assert (answered.satisfaction, answered.goals_fit, answered.arrangement_fit) == (
        5,
        "yes",
        "yes",
    )
    assert set(answered.scores.values()) == {5}
    assert not answered.is_shared


def timeline_on_a_phone(page, shots):
    sign_in(page, STUDENT_EMAIL, STUDENT_PASSWORD)
    open_menu(page, "My mentors")
    page.get_by_role("link", name="Dr. Ines Alvarez").click()
    page.get_by_role("link", name="Timeline").click()
    expect(page.get_by_role("heading", name="Timeline", level=1)).to_be_visible()
    expect(page.get_by_text("Draft a research question (mentee")).to_be_visible()
    shots.take(page, "phone-timeline")
    # Nothing may stick out sideways: on a phone that means scrolling both ways to read.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the timeline is {width}px wide on a {PHONE['width']}px phone"


def test_student_finds_a_mentor_and_the_coordinator_sees_it(new_page, school):
    shots = Screenshots("journey")
    student_page = new_page()
    student = sign_up_and_verify(student_page, shots)
    complete_mentee_profile(student_page, shots)
    # The rotation schedule a coordinator imports puts the student on Internal Medicine.
    make_rotation(student, school["clerkship"])

    coordinator_page = new_page()
    sign_in(coordinator_page, school["coordinator"].email)
    assert coordinator_sees(coordinator_page, school["clerkship"], shots, "before") == {
        "students": "1",
        "with a mentor": "0",
        "share (%)": "0.0",
        "reassessed": "0",
        "without a mentor": ["Maya Patel"],
    }

    find_and_ask(student_page, school["faculty"], shots)

    faculty_page = new_page()
    sign_in(faculty_page, school["faculty"].email)
    mentorship = accept_and_log_session(faculty_page, student, shots)

    add_goals(student_page, shots)
    assert list(Goal.objects.filter(mentee=student, shared_with=mentorship)) == [
        Goal.objects.get(title__startswith="Draft a research question")
    ]
    answer_reassessment(student_page, mentorship, shots)
    timeline_on_a_phone(new_page(phone=True), shots)

    assert coordinator_sees(coordinator_page, school["clerkship"], shots, "after") == {
        "students": "1",
        "with a mentor": "1",
        "share (%)": "100.0",
        "reassessed": "1",
        "without a mentor": [],
    }
    expect(
        coordinator_page.get_by_text("Every student in scope has an active mentor")
    ).to_be_visible()
