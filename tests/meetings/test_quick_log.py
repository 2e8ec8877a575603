import datetime

import pytest
import time_machine
from django.utils import timezone

from mentoring.meetings.models import ActionItem, Meeting
from mentoring.notifications.models import Notification
from tests.meetings.factories import NEW_YORK


@pytest.mark.django_db
def test_quick_log_has_few_fields_and_sensible_defaults(
    client, mentor, mentorship, django_assert_max_num_queries
):
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        page = client.get(f"/mentorships/{mentorship.pk}/log/").content.decode()
    assert "Log a session with Sam Okafor" in page
    assert f'name="day" value="{timezone.localdate(timezone=NEW_YORK).isoformat()}"' in page
    assert 'name="minutes" value="45"' in page and '<option value="video" selected>' in page
    assert page.count('class="field') <= 7


@pytest.mark.django_db
def test_mentor_logs_a_session_in_one_post(client, mentor, mentee, mentorship):
    client.force_login(mentor)
    day = timezone.localdate(timezone=NEW_YORK) - datetime.timedelta(days=2)
    response = client.post(
        f"/mentorships/{mentorship.pk}/log/",
        {
            "day": day.isoformat(),
            "minutes": "15",
            "mode": "in_person",
            "shared_notes": "Quick chat on rounds.",
            "action_text": "Draft the case report intro",
            "action_owner": "mentee",
            "action_due_on": (day + datetime.timedelta(days=7)).isoformat(),
        },
    )
    assert response["Location"] == "/mentorships/mentees/"
    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.minutes, meeting.mode) == ("held", 15, "in_person")
    assert timezone.localtime(meeting.starts_at, NEW_YORK).date() == day
    assert meeting.shared_notes == "Quick chat on rounds." and meeting.created_by == mentor
    item = ActionItem.objects.get()
    assert (item.meeting, item.owner, item.due_on) == (
        meeting,
        "mentee",
        day + datetime.timedelta(days=7),
    )
    mentorship.refresh_from_db()
    assert mentorship.last_contact_at == meeting.starts_at
    assert Notification.objects.filter(recipient=mentee, kind="meeting.logged").exists()
    page = client.get(response["Location"]).content.decode()
    assert "Logged your session with Sam Okafor." in page


@pytest.mark.django_db
def test_a_session_this_morning_is_not_in_the_future(client, mentor, mentorship):
    # 09:00 in New York: noon has not come yet, so the session is placed at the present.
    with time_machine.travel(datetime.datetime(2026, 3, 10, 9, 0, tzinfo=NEW_YORK), tick=False):
        client.force_login(mentor)
        client.post(
            f"/mentorships/{mentorship.pk}/log/",
            {"day": "2026-03-10", "minutes": "30", "mode": "video", "action_owner": "mentee"},
        )
        meeting = Meeting.objects.get()
        assert meeting.starts_at == timezone.now()
    assert not ActionItem.objects.exists()


@pytest.mark.django_db
def test_the_mentee_may_quick_log_too(client, mentee, mentorship):
    client.force_login(mentee)
    response = client.post(
        f"/mentorships/{mentorship.pk}/log/",
        {
            "day": timezone.localdate(timezone=NEW_YORK).isoformat(),
            "minutes": "30",
            "mode": "email",
            "action_owner": "mentee",
        },
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == f"/meetings/{meeting.pk}/"
