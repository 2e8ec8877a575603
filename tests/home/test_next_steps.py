"""Home as "what is next": each persona sees what waits on them, most urgent first, each
step one click from where it is done, and nothing that belongs to someone else."""

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.dashboards.models import DashboardVisit
from mentoring.feedback.models import Reassessment
from mentoring.mentorships.models import MentorshipRequest
from tests.factories import make_mentee, make_mentor, make_mentorship, make_rotation, make_user
from tests.meetings.factories import local, make_action_item, make_meeting

pytestmark = pytest.mark.django_db


def steps_of(client, user):
    """The home page's steps as (text, link) pairs, in the order shown."""
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    section = page.split('id="next-heading"', 1)[1].split("</section>", 1)[0]
    items = re.findall(r"<li[^>]*>\s*<span>(.*?)</span>\s*<a [^>]*href=\"([^\"]+)\"", section, re.S)
    return [
        (html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text))).strip(), url)
        for text, url in items
    ]


def ask(mentee, mentor, hours_ago=0, kind=MentorshipRequest.Kind.ASK, by=None):
    return MentorshipRequest.objects.create(
        mentor=mentor,
        mentee=mentee,
        created_by=by or mentee,
        kind=kind,
        message="Could we talk about research?",
        created_at=timezone.now() - datetime.timedelta(hours=hours_ago),
    )


def test_nothing_waiting_says_so(client, mentee):
    mentee.mentee_profile.vision = "A rural psychiatry practice."
    mentee.mentee_profile.save()
    client.force_login(mentee)
    page = client.get(reverse("home")).content.decode()
    assert "Nothing waits on you right now." in page


def test_student_sees_their_request_with_its_expiry_and_an_invitation_to_answer(
    client, mentee, mentor, other_faculty, settings
):
    settings.REQUEST_EXPIRY_DAYS = 14
    sent = ask(mentee, mentor)
    invitation = ask(mentee, other_faculty, kind=MentorshipRequest.Kind.INVITE, by=other_faculty)
    steps = steps_of(client, mentee)
    expires = timezone.localdate(sent.created_at + datetime.timedelta(days=14))
    assert steps[0] == (
        f"{other_faculty} sent you an invitation.",
        reverse("mentorships:request", args=[invitation.pk]),
    )
    assert (
        f"Your request to {mentor} is waiting for an answer; it expires on {expires:%-d %B}.",
        reverse("mentorships:request", args=[sent.pk]),
    ) in steps


def test_mentor_sees_time_left_under_their_commitment_and_late_ones_first(
    client, mentor, mentee, outsider
):
    mentor.mentor_profile.response_hours = 24
    mentor.mentor_profile.save()
    fresh = ask(mentee, mentor, hours_ago=4)
    late = ask(outsider, mentor, hours_ago=30)
    steps = steps_of(client, mentor)
    assert steps[0] == (
        f"Late: {outsider} asks you to be their mentor (past the time you committed to).",
        reverse("mentorships:request", args=[late.pk]),
    )
    assert steps[1] == (
        f"{mentee} asks you to be their mentor (20 hours left).",
        reverse("mentorships:request", args=[fresh.pk]),
    )


def test_next_meeting_asks_the_mentee_for_an_agenda_and_shows_the_mentor_the_meeting(
    client, mentor, mentee
):
    mentorship = make_mentorship(mentor, mentee)
    meeting = make_meeting(mentorship, starts_at=local(days=2))
    (text, url), *_ = steps_of(client, mentee)
    assert text.endswith("no agenda yet.") and text.startswith(f"Meeting with {mentor} on ")
    assert url == reverse("meetings:agenda", args=[meeting.pk])
    assert client.get(url).status_code == 200  # one click reaches where it is done
    meeting.agenda = "Poster for the spring meeting"
    meeting.save()
    assert steps_of(client, mentee)[0][1] == reverse("meetings:detail", args=[meeting.pk])
    assert any(
        url == reverse("meetings:detail", args=[meeting.pk]) for _, url in steps_of(client, mentor)
    )


def test_action_items_owned_and_due_and_reassessments_waiting(client, mentor, mentee):
    mentorship = make_mentorship(mentor, mentee)
    meeting = make_meeting(mentorship, starts_at=local(days=-3), status="held")
    today = timezone.localdate()
    make_action_item(meeting, text="Draft the abstract", due_on=today - datetime.timedelta(days=1))
    make_action_item(meeting, text="Mentor's own task", owner="mentor", due_on=today)
    make_action_item(meeting, text="Done already", due_on=today, done_at=timezone.now())
    make_action_item(meeting, text="Next month", due_on=today + datetime.timedelta(days=30))
    reassessment = Reassessment.objects.create(
        mentorship=mentorship, respondent=mentee, due_on=today
    )
    steps = steps_of(client, mentee)
    texts = [text for text, _ in steps]
    assert (
        texts[0].startswith("Late: Action item overdue since") and "Draft the abstract" in texts[0]
    )
    assert not any(
        "Mentor's own task" in t or "Done already" in t or "Next month" in t for t in texts
    )
    assert (
        f"Periodic reassessment of your mentorship with {mentor}: a few minutes on how it is "
        "going.",
        reverse("feedback:reassessment", args=[reassessment.pk]),
    ) in steps
    mentor_texts = [text for text, _ in steps_of(client, mentor)]
    assert any("Mentor's own task" in t for t in mentor_texts)
    assert not any("Draft the abstract" in t for t in mentor_texts)


def test_mentor_sees_mentees_overdue_for_contact_with_a_one_click_log(client, mentor, mentee):
    mentorship = make_mentorship(mentor, mentee, cadence_days=14)
    mentorship.started_on = timezone.localdate() - datetime.timedelta(days=40)
    mentorship.save()
    steps = steps_of(client, mentor)
    assert steps[0] == (
        f"Late: {mentee} is overdue for contact (you have not met yet; you agreed every 14 days).",
        reverse("meetings:quick-log", args=[mentorship.pk]),
    )
    assert not any("overdue for contact" in text for text, _ in steps_of(client, mentee))


def test_mentor_learns_how_many_students_on_their_rotations_have_no_mentor(
    client, mentor, clerkship
):
    from mentoring.clerkships.models import ClerkshipFaculty

    ClerkshipFaculty.objects.create(clerkship=clerkship, faculty=mentor)
    matched, alone = make_mentee(), make_mentee()
    for student in (matched, alone):
        make_rotation(student, clerkship)
    make_mentorship(make_mentor(), matched)
    assert ("1 student on your rotations has no mentor yet.", reverse("mentorships:roster")) in (
        steps_of(client, mentor)
    )


def test_mentor_is_asked_about_availability_until_they_answer(client, mentor):
    profile = mentor.mentor_profile
    profile.availability_awaited_since = timezone.now() - datetime.timedelta(days=2)
    profile.save()
    step = (
        "Are you still taking mentees? Students see your answer before they ask.",
        reverse("profiles:availability"),
    )
    assert step in steps_of(client, mentor)
    client.post(reverse("profiles:availability"), {"answer": "accepting", "places": 2})
    assert step not in steps_of(client, mentor)


def test_student_is_told_what_recommendations_still_lack(client):
    student = make_mentee(make_user(display_name="New Student"))
    assert steps_of(client, student) == [
        (
            "Recommendations would fit you better with your interests, the areas you want "
            "help with and your vision for the future.",
            reverse("profiles:edit-mentee"),
        )
    ]


def test_coordinator_sees_what_changed_since_opening_the_dashboard(
    client, coordinator, clerkship, mentee
):
    client.force_login(coordinator)
    page = client.get(reverse("home")).content.decode()
    assert "In the last seven days" in page
    assert "1 student rotating now without a mentor (1 new)" in page
    client.get(reverse("dashboards:clerkship", args=[clerkship.pk]))
    assert DashboardVisit.objects.filter(viewer=coordinator, clerkship=clerkship).exists()
    page = client.get(reverse("home")).content.decode()
    assert "Since you opened its dashboard on" in page
    assert "nothing new." in page
    assert "No relationship is quiet beyond its rhythm" in page
    assert "1 student rotating now without a mentor</li>" in page
    newcomer = make_mentee(make_user(display_name="Newly Rotating"))
    make_rotation(newcomer, clerkship, starts_on=timezone.localdate())
    page = client.get(reverse("home")).content.decode()
    assert "2 students rotating now without a mentor (1 new)" in page
    assert "Newly Rotating" not in page  # counts only: names stay behind the audited list


def test_steps_never_name_other_peoples_requests(client, mentor, mentee, outsider):
    ask(mentee, mentor)
    assert not any(str(mentor) in text for text, _ in steps_of(client, outsider))


def test_home_query_budget_with_every_kind_of_step(
    client, mentor, mentee, coordinator, django_assert_max_num_queries
):
    mentee_two = make_mentee()
    ask(mentee_two, mentor)
    mentorship = make_mentorship(mentor, mentee)
    meeting = make_meeting(mentorship, starts_at=local(days=2))
    make_action_item(meeting, due_on=timezone.localdate())
    Reassessment.objects.create(
        mentorship=mentorship, respondent=mentor, due_on=timezone.localdate()
    )
    # A coordinator who also mentors, with every kind of step at once: a request to answer,
    # an unread message, a reassessment, a mentee, and their clerkship's changes.
    from tests.conversations.helpers import write

    make_mentor(coordinator)
    ask(make_mentee(), coordinator)
    theirs = make_mentorship(coordinator, make_mentee())
    write(theirs, theirs.mentee, "Are we still on for Friday?")
    Reassessment.objects.create(
        mentorship=theirs, respondent=coordinator, due_on=timezone.localdate()
    )
    write(mentorship, mentee, "I wrote the agenda.")
    for person in (mentor, mentee, coordinator):
        client.force_login(person)
        with django_assert_max_num_queries(12):
            assert client.get(reverse("home")).status_code == 200


def test_unread_messages_wait_until_the_thread_is_opened(client, mentor, mentee):
    from tests.conversations.helpers import thread_url, write

    mentorship = make_mentorship(mentor, mentee)
    write(mentorship, mentor, "How did the presentation go?")
    write(mentorship, mentor, "And do you have the slides?")
    step = (f"{mentor} wrote you 2 messages.", thread_url(mentorship))
    assert steps_of(client, mentee)[0] == step
    assert step not in steps_of(client, mentor)
    client.force_login(mentee)
    client.get(thread_url(mentorship))  # reading them
    assert step not in steps_of(client, mentee)
