"""A check-in unanswered for AVAILABILITY_CONFIRM_DAYS: "availability not confirmed" in the
directory and on the mentor's page, and recommendations below every confirmed mentor."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone

from mentoring.profiles.models import MentorProfile
from tests.factories import make_mentee, make_mentor, make_user
from tests.matching.test_directory import DIRECTORY_QUERIES, listed, text

MARK = "availability not confirmed"
DAY = datetime.timedelta(days=1)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def confirm_days(settings):
    settings.AVAILABILITY_CONFIRM_DAYS = 14


def asked(profile, days_ago):
    moment = timezone.now() - days_ago * DAY
    MentorProfile.objects.filter(pk=profile.pk).update(
        availability_asked_at=moment, availability_awaited_since=moment
    )


def card_of(page, name):
    return re.search(rf'<li class="mentor-card">(?:(?!</li>).)*{name}.*?</li>', page, re.S)[0]


def test_the_directory_marks_a_mentor_from_the_fourteenth_day(client, outsider):
    quiet = listed("Dr. Quiet", interests=["Pharmacology"])
    recent = listed("Dr. Recent", interests=["Pharmacology"])
    listed("Dr. Never Asked", interests=["Pharmacology"])
    asked(quiet, 14)
    asked(recent, 13)
    client.force_login(outsider)
    page = client.get("/mentors/").content.decode()
    assert MARK in card_of(page, "Dr. Quiet")
    assert MARK not in card_of(page, "Dr. Recent")
    assert MARK not in card_of(page, "Dr. Never Asked")
    # A day later the cached card of the second one gives way to a marked one.
    with time_machine.travel(timezone.now() + DAY + datetime.timedelta(minutes=1)):
        page = client.get("/mentors/").content.decode()
    assert MARK in card_of(page, "Dr. Recent")
    # The answer lifts the mark at once.
    MentorProfile.objects.get(pk=quiet.pk).confirm_availability(2, timezone.now())
    assert MARK not in card_of(client.get("/mentors/").content.decode(), "Dr. Quiet")


def test_a_mentor_not_taking_mentees_is_not_marked(client, outsider):
    closed = listed("Dr. Closed", is_accepting=False)
    asked(closed, 30)
    client.force_login(outsider)
    card = card_of(client.get("/mentors/").content.decode(), "Dr. Closed")
    assert "Not taking new mentees" in card and MARK not in card


@pytest.mark.parametrize("marked", [0, 1, 20])
def test_marks_cost_no_query(client, outsider, marked, django_assert_max_num_queries):
    for n in range(20):
        profile = listed(f"Dr. {n:02d}")
        if n < marked:
            asked(profile, 20)
    client.force_login(outsider)
    with django_assert_max_num_queries(DIRECTORY_QUERIES + 1):
        page = client.get("/mentors/").content.decode()
    assert page.count(MARK) == marked
    with django_assert_max_num_queries(DIRECTORY_QUERIES + 1):
        assert client.get("/mentors/?sort=name&room=on").content.decode().count(MARK) == marked


def test_the_student_sees_it_on_the_mentors_page_before_asking(
    client, mentee, django_assert_max_num_queries
):
    quiet = listed("Dr. Quiet")
    asked(quiet, 15)
    client.force_login(mentee)
    # Two of them check whether this student may ask (mentorships.asking.ask_refusal), one
    # reads the mentoring lineage (portfolio/lineage.py).
    with django_assert_max_num_queries(9):
        page = text(client.get(f"/mentors/{quiet.pk}/"))
    assert "3 of 3 places free · availability not confirmed" in page
    assert "Availability not confirmed: Dr. Quiet has not confirmed lately" in page
    assert "Ask to be my mentor" in page  # still free to ask


def test_recommendations_put_unconfirmed_mentors_below_every_confirmed_one(
    client, django_assert_max_num_queries
):
    student = make_mentee(
        make_user(display_name="Student Pharm"),
        interests=["Pharmacology", "Addiction psychiatry"],
        areas=["research"],
        mode_video=True,
    )
    best = make_mentor(
        make_user(display_name="Dr. Best Fit But Silent"),
        interests=["pharmacology", "addiction psychiatry"],
        areas=["research"],
        mode_video=True,
    )
    make_mentor(
        make_user(display_name="Dr. Poor Fit"),
        mode_in_person=False,
        mode_phone=True,
        capacity=5,
        active_mentee_count=4,
        pending_request_count=4,
    )
    asked(best.mentor_profile, 20)
    client.force_login(student)
    with django_assert_max_num_queries(12):
        page = text(client.get("/mentors/recommended/"))
    assert page.index("Dr. Poor Fit") < page.index("Dr. Best Fit But Silent")
    assert "availability not confirmed lately, so an answer may take longer" in page
    # Confirmed, the best fit is first again.
    MentorProfile.objects.get(user=best).confirm_availability(2, timezone.now())
    page = text(client.get("/mentors/recommended/"))
    assert page.index("Dr. Best Fit But Silent") < page.index("Dr. Poor Fit")
