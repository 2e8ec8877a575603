"""Send recommendations: a kind note and the student's current top three, once a day."""

import pytest
import time_machine

from mentoring.dashboards.models import AccessLog
from mentoring.notifications.models import Notification
from tests.dashboards.conftest import (
    DAY,
    NOW,
    make_faculty,
    make_student,
    recommend_url,
    students_url,
)
from tests.factories import make_mentorship, make_rotation, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def student(clerkship):
    return make_student(clerkship, name="Riley Unmatched", interests=["cardiology"])


@pytest.fixture
def faculty(db):
    """Four mentors with room who share the student's interest, and one who is full."""
    fitting = [
        make_faculty(f"Dr. Cardio {n}", interests=["Cardiology"], capacity=3) for n in range(4)
    ]
    full = make_faculty("Dr. Full Cardio", interests=["Cardiology"], capacity=1)
    make_mentorship(full, make_student())
    return fitting


def sent_to(student):
    return Notification.objects.filter(recipient=student, kind="dashboard.recommendations")


def test_sends_the_top_three_with_links_and_a_kind_note(
    client, coordinator, clerkship, student, faculty
):
    client.force_login(coordinator)
    response = client.post(
        recommend_url(clerkship, student), {"start": "2026-01-01", "end": "2026-03-16", "page": "1"}
    )

    assert response.status_code == 302
    assert response["Location"] == students_url(
        clerkship, start="2026-01-01", end="2026-03-16", page=1
    )
    notification = sent_to(student).get()
    assert notification.title == "Coordinator In Scope suggests mentors you might like to meet"
    assert "I coordinate the Internal Medicine clerkship." in notification.body
    assert "— Coordinator In Scope" in notification.body
    named = [user for user in faculty if user.display_name in notification.body]
    assert len(named) == 3
    for user in named:
        assert f"/mentors/{user.mentor_profile.pk}/" in notification.body
    assert "Dr. Full Cardio" not in notification.body
    assert "not assignments" in notification.body
    assert notification.url == "/mentors/recommended/"
    # The coordinator is told it went, not whom it named (that would hint at the
    # student's preferences).
    page = client.get(response["Location"]).content.decode()
    assert "Recommendations sent to Riley Unmatched." in page
    assert "Dr. Cardio" not in page


def test_a_note_of_ones_own(client, coordinator, clerkship, student, faculty):
    client.force_login(coordinator)
    client.post(recommend_url(clerkship, student), {"note": "Lovely to meet you on the ward!"})
    body = sent_to(student).get().body
    assert body.startswith("Lovely to meet you on the ward!\n— Coordinator In Scope")
    assert "I coordinate" not in body


def test_once_a_day_per_student_whoever_sends(
    client, coordinator, clerkship, student, faculty, staff
):
    client.force_login(coordinator)
    client.post(recommend_url(clerkship, student))
    client.force_login(staff)
    response = client.post(recommend_url(None, student), follow=True)
    assert "already received recommendations today" in response.content.decode()
    assert sent_to(student).count() == 1

    with time_machine.travel(NOW + DAY, tick=False):
        client.post(recommend_url(None, student))
    assert sent_to(student).count() == 2


def test_nothing_sent_to_a_student_who_found_a_mentor(
    client, coordinator, clerkship, student, faculty
):
    make_mentorship(faculty[0], student)
    client.force_login(coordinator)
    response = client.post(recommend_url(clerkship, student), follow=True)
    assert "has an active mentor now; nothing was sent" in response.content.decode()
    assert not sent_to(student).exists()


def test_nothing_sent_when_no_mentor_has_room(client, coordinator, clerkship, student):
    client.force_login(coordinator)
    response = client.post(recommend_url(clerkship, student), follow=True)
    assert "No mentor with room fits Riley Unmatched" in response.content.decode()
    assert not sent_to(student).exists()


def test_a_too_long_note_sends_nothing(client, coordinator, clerkship, student, faculty):
    client.force_login(coordinator)
    response = client.post(recommend_url(clerkship, student), {"note": "x" * 601}, follow=True)
    assert "under 600 characters" in response.content.decode()
    assert not sent_to(student).exists()
    assert not AccessLog.objects.filter(action=AccessLog.Action.SEND_RECOMMENDATIONS).exists()


def test_get_is_not_allowed(client, coordinator, clerkship, student):
    client.force_login(coordinator)
    assert client.get(recommend_url(clerkship, student)).status_code == 405


def test_the_list_offers_the_action_per_student(client, coordinator, clerkship, student):
    client.force_login(coordinator)
    page = client.get(students_url(clerkship)).content.decode()
    assert f'action="{recommend_url(clerkship, student)}"' in page
    assert 'Send recommendations<span class="visually-hidden"> to Riley Unmatched' in page
    assert '<span class="tag">cardiology</span>' in page


def test_a_student_without_a_mentee_profile_is_listed_but_not_matched(
    client, coordinator, clerkship
):
    newcomer = make_user(display_name="Rotation Only")
    make_rotation(newcomer, clerkship)
    client.force_login(coordinator)

    page = client.get(students_url(clerkship)).content.decode()
    assert "Rotation Only" in page and "No mentee profile yet" in page
    coverage = client.get(f"/dashboards/clerkships/{clerkship.pk}/?export=coverage")
    assert "Stage not given,1,0,0.0" in coverage.content.decode()
    response = client.post(recommend_url(clerkship, newcomer), follow=True)
    assert "has no mentee profile yet" in response.content.decode()
    assert not sent_to(newcomer).exists()
