"""Withdraw and pause ask first (GET shows the question, POST does it); pausing offers to
cancel the pair's planned meetings."""

import datetime

import pytest
from django.utils import timezone

from mentoring.meetings.contact import refresh_contact
from mentoring.meetings.models import Meeting
from mentoring.mentorships import asking
from mentoring.notifications.models import Notification
from tests.factories import make_mentorship


@pytest.fixture
def mentorship(mentor, mentee):
    return make_mentorship(mentor, mentee)


@pytest.fixture
def planned(mentorship, mentee):
    """One meeting still to come and one held last week."""
    now = timezone.now()
    coming = Meeting.objects.create(
        mentorship=mentorship, starts_at=now + datetime.timedelta(days=3), created_by=mentee
    )
    Meeting.objects.create(
        mentorship=mentorship,
        starts_at=now - datetime.timedelta(days=7),
        status=Meeting.Status.HELD,
        created_by=mentee,
    )
    refresh_contact(mentorship.pk)
    return coming


@pytest.mark.django_db
def test_withdraw_asks_first_then_withdraws(client, mentee, mentor, django_assert_max_num_queries):
    request_obj = asking.ask(mentee, mentor, message="Hello")
    client.force_login(mentee)
    detail = client.get(f"/requests/{request_obj.pk}/").content.decode()
    assert f'href="/requests/{request_obj.pk}/withdraw/"' in detail

    with django_assert_max_num_queries(10):
        page = client.get(f"/requests/{request_obj.pk}/withdraw/").content.decode()
    assert "Withdraw your request to Dr. Ines Alvarez?" in page
    request_obj.refresh_from_db()
    assert request_obj.status == "pending"  # looking changes nothing

    response = client.post(f"/requests/{request_obj.pk}/withdraw/", {"next": "list"})
    assert response["Location"] == "/requests/"
    request_obj.refresh_from_db()
    assert request_obj.status == "withdrawn"


@pytest.mark.django_db
def test_the_list_links_to_the_confirmation_not_a_one_click_withdraw(client, mentee, mentor):
    request_obj = asking.ask(mentee, mentor, message="Hello")
    client.force_login(mentee)
    listing = client.get("/requests/").content.decode()
    assert f'href="/requests/{request_obj.pk}/withdraw/?next=list"' in listing
    assert 'action="/requests/' not in listing


@pytest.mark.django_db
def test_only_the_sender_sees_the_withdraw_question(client, mentee, mentor, outsider):
    request_obj = asking.ask(mentee, mentor, message="Hello")
    client.force_login(mentor)
    assert client.get(f"/requests/{request_obj.pk}/withdraw/").status_code == 403
    client.force_login(outsider)
    assert client.get(f"/requests/{request_obj.pk}/withdraw/").status_code == 404


@pytest.mark.django_db
def test_pause_asks_first_and_can_cancel_planned_meetings(
    client, mentorship, planned, mentee, mentor, django_assert_max_num_queries
):
    client.force_login(mentee)
    detail = client.get(f"/mentorships/{mentorship.pk}/").content.decode()
    assert f'href="/mentorships/{mentorship.pk}/pause/"' in detail
    with django_assert_max_num_queries(10):
        page = client.get(f"/mentorships/{mentorship.pk}/pause/").content.decode()
    assert "Pause your mentorship with Dr. Ines Alvarez?" in page
    assert "Also cancel our planned meetings" in page
    mentorship.refresh_from_db()
    assert mentorship.status == "active"

    client.post(f"/mentorships/{mentorship.pk}/pause/", {"cancel_meetings": "on"})

    mentorship.refresh_from_db()
    planned.refresh_from_db()
    assert mentorship.status == "paused"
    assert (planned.status, planned.sequence) == ("cancelled", 1)  # calendars see it go
    assert mentorship.next_meeting_at is None
    assert Meeting.objects.filter(status="held").count() == 1
    assert Notification.objects.filter(recipient=mentor, kind="meeting.cancelled").exists()


@pytest.mark.django_db
def test_pause_without_the_box_keeps_the_meetings(client, mentorship, planned, mentee, mentor):
    client.force_login(mentor)
    page = client.get(f"/mentorships/{mentorship.pk}/pause/").content.decode()
    assert "Pause your mentorship with Sam Okafor?" in page
    client.post(f"/mentorships/{mentorship.pk}/pause/")
    mentorship.refresh_from_db()
    planned.refresh_from_db()
    assert (mentorship.status, planned.status) == ("paused", "planned")
    assert not Notification.objects.filter(kind="meeting.cancelled").exists()


@pytest.mark.django_db
def test_pausing_a_paused_mentorship_says_so(client, mentorship, mentee):
    client.force_login(mentee)
    client.post(f"/mentorships/{mentorship.pk}/pause/")
    response = client.get(f"/mentorships/{mentorship.pk}/pause/", follow=True)
    assert "Only an active mentorship can be paused." in response.content.decode()


@pytest.mark.django_db
def test_pause_page_without_planned_meetings_offers_no_box(client, mentorship, mentee):
    client.force_login(mentee)
    page = client.get(f"/mentorships/{mentorship.pk}/pause/").content.decode()
    assert "No meetings are planned." in page
    assert "Also cancel our planned meetings" not in page
