import zoneinfo

import pytest
from django.utils import timezone

from mentoring.meetings.models import Meeting
from mentoring.notifications.models import Notification
from tests.factories import stage_of
from tests.meetings.factories import form_time, local


def plan(client, mentorship, **fields):
    data = {"starts_at": form_time(local(days=5)), "minutes": "45", "mode": "video"}
    return client.post(f"/mentorships/{mentorship.pk}/meetings/new/", {**data, **fields})


@pytest.mark.django_db
def test_plan_form_starts_from_the_agreement(
    client, mentee, mentorship, django_assert_max_num_queries
):
    client.force_login(mentee)
    with django_assert_max_num_queries(8):
        page = client.get(f"/mentorships/{mentorship.pk}/meetings/new/").content.decode()
    assert "Plan a meeting with Dr. Ines Alvarez" in page
    assert 'name="minutes" value="45"' in page
    assert '<option value="video" selected>' in page
    assert "Asynchronous (messages)" in page and "E-mail" in page
    assert 'type="datetime-local"' in page
    # An early mentee (preclinical) is prompted to bring an agenda.
    assert "Bring an agenda: two or three things you want help with today." in page


@pytest.mark.django_db
def test_mentee_plans_a_meeting_in_their_own_time_zone(client, mentee, mentor, mentorship):
    mentor.time_zone = "Europe/Berlin"
    mentor.save()
    client.force_login(mentee)
    when = local(days=5, hour=9, minute=30)
    response = plan(client, mentorship, starts_at=form_time(when), place="https://video.example/x")

    meeting = Meeting.objects.get()
    assert response["Location"] == f"/meetings/{meeting.pk}/"
    assert meeting.starts_at == when  # 09:30 in New York, whatever the server's zone
    assert (meeting.status, meeting.minutes, meeting.mode) == ("planned", 45, "video")
    assert meeting.created_by == mentee
    mentorship.refresh_from_db()
    assert mentorship.next_meeting_at == when
    notice = Notification.objects.get(recipient=mentor, kind="meeting.planned")
    berlin = timezone.localtime(when, zoneinfo.ZoneInfo("Europe/Berlin"))
    assert f"{berlin:%H:%M}" in notice.title and "Sam Okafor planned a meeting" in notice.title
    assert notice.url == f"/meetings/{meeting.pk}/"


@pytest.mark.django_db
def test_mentor_plans_an_asynchronous_exchange(client, mentor, mentee, mentorship):
    client.force_login(mentor)
    plan(client, mentorship, mode="async", minutes="20")
    assert Meeting.objects.get().get_mode_display() == "Asynchronous (messages)"
    assert Notification.objects.filter(recipient=mentee, kind="meeting.planned").exists()


@pytest.mark.django_db
def test_planning_in_the_past_points_to_logging(client, mentee, mentorship):
    client.force_login(mentee)
    page = plan(client, mentorship, starts_at=form_time(local(days=-2))).content.decode()
    assert "That time has passed. To record a meeting that happened, log it instead." in page
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_no_planning_in_a_closed_mentorship(client, mentee, mentorship):
    mentorship.status = "closed"
    mentorship.save()
    client.force_login(mentee)
    response = client.get(f"/mentorships/{mentorship.pk}/meetings/new/", follow=True)
    assert "This mentorship is closed" in response.content.decode()
    plan(client, mentorship)
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_changing_the_time_tells_the_partner(client, mentee, mentor, planned):
    client.force_login(mentor)
    page = client.get(f"/meetings/{planned.pk}/edit/").content.decode()
    assert "Change your meeting with Sam Okafor" in page and "Room 4B" in page
    later = local(days=4, hour=16)
    client.post(
        f"/meetings/{planned.pk}/edit/",
        {"starts_at": form_time(later), "minutes": "30", "mode": "phone", "place": ""},
    )
    planned.refresh_from_db()
    assert (planned.starts_at, planned.minutes, planned.mode) == (later, 30, "phone")
    planned.mentorship.refresh_from_db()
    assert planned.mentorship.next_meeting_at == later
    notice = Notification.objects.get(recipient=mentee, kind="meeting.changed")
    assert "Dr. Ines Alvarez changed your meeting to" in notice.title and "16:00" in notice.title


@pytest.mark.django_db
def test_cancelled_meeting_cannot_be_changed(client, mentee, planned):
    planned.status = "cancelled"
    planned.save()
    client.force_login(mentee)
    response = client.post(
        f"/meetings/{planned.pk}/edit/",
        {"starts_at": form_time(local(days=9)), "minutes": "30", "mode": "phone"},
        follow=True,
    )
    assert "This meeting was cancelled." in response.content.decode()
    planned.refresh_from_db()
    assert planned.minutes == 30 and planned.starts_at == local(days=3)


@pytest.mark.django_db
def test_prompts_follow_the_mentees_stage(client, mentor, mentee, mentorship):
    url = f"/mentorships/{mentorship.pk}/meetings/new/"
    client.force_login(mentor)
    assert "Agree one or two concrete tasks" in client.get(url).content.decode()
    mentee.mentee_profile.stage = stage_of("resident")
    mentee.mentee_profile.save()
    page = client.get(url).content.decode()
    assert "Ask them to reason aloud" in page and "Agree one or two" not in page
    client.force_login(mentee)
    assert "Bring a decision you are weighing" in client.get(url).content.decode()
    # Without a profile the stage is unknown: the early, concrete prompts.
    mentee.mentee_profile.delete()
    client.force_login(mentor)
    assert "Agree one or two concrete tasks" in client.get(url).content.decode()
