"""Each bad value is refused with a message that says what is wrong, and nothing is saved."""

import datetime

import pytest
from django.utils import timezone

from mentoring.meetings.models import ActionItem, Meeting, PrivateNote
from tests.meetings.factories import NEW_YORK, form_time, local
from tests.meetings.test_log import items, record

TOO_SHORT_OR_LONG = "A meeting lasts from 5 to 480 minutes (eight hours)."


def plan_data(**fields):
    return {"starts_at": form_time(local(days=5)), "minutes": "45", "mode": "video", **fields}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_at": "1989-12-31T10:00"}, "A meeting can&#x27;t be before 1990."),
        (
            {"starts_at": form_time(local(days=3660))},
            "A meeting can&#x27;t be more than ten years ahead.",
        ),
        ({"starts_at": "next tuesday"}, "Enter a valid date/time."),
        ({"minutes": "0"}, TOO_SHORT_OR_LONG),
        ({"minutes": "-30"}, TOO_SHORT_OR_LONG),
        ({"minutes": "481"}, TOO_SHORT_OR_LONG),
        ({"mode": "carrier_pigeon"}, "Select a valid choice."),
        ({"agenda": "x" * 4001}, "Ensure this value has at most 4000 characters"),
    ],
)
def test_planning_refuses(client, mentee, mentorship, fields, message):
    client.force_login(mentee)
    response = client.post(f"/mentorships/{mentorship.pk}/meetings/new/", plan_data(**fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"starts_at": "1985-06-01T10:00"}, "A meeting can&#x27;t be before 1990."),
        ({"starts_at": form_time(local(days=1))}, "A meeting can be logged once it has started."),
        ({"minutes": "0"}, TOO_SHORT_OR_LONG),
        ({"minutes": "500"}, TOO_SHORT_OR_LONG),
        ({"shared_notes": "x" * 8001}, "Ensure this value has at most 8000 characters"),
        ({"note-text": "x" * 8001}, "Ensure this value has at most 8000 characters"),
    ],
)
def test_logging_refuses(client, mentor, mentorship, fields, message):
    client.force_login(mentor)
    data = {**record(local(days=-2)), **items({"text": "Keep this", "owner": "mentee"}), **fields}
    response = client.post(f"/mentorships/{mentorship.pk}/meetings/log/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists() and not ActionItem.objects.exists()
    assert not PrivateNote.objects.exists()


@pytest.mark.django_db
def test_action_item_due_before_the_meeting_is_refused(client, mentor, started):
    client.force_login(mentor)
    meeting_on = timezone.localtime(started.starts_at, NEW_YORK).date()
    early = meeting_on - datetime.timedelta(days=1)
    response = client.post(
        f"/meetings/{started.pk}/log/",
        {
            **record(started.starts_at, shared_notes="Notes"),
            **items({"text": "Too early", "owner": "mentee", "due_on": early.isoformat()}),
        },
    )
    page = response.content.decode()
    assert "An action item can&#x27;t be due before the meeting" in page
    assert "Please correct the action items below." in page
    started.refresh_from_db()
    assert started.status == "planned" and started.shared_notes == ""
    assert not ActionItem.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"day": (timezone.now() + datetime.timedelta(days=2)).date().isoformat()},
            "A meeting can be logged once it has started.",
        ),
        ({"day": "1970-01-01"}, "A meeting can&#x27;t be before 1990."),
        ({"minutes": "0"}, TOO_SHORT_OR_LONG),
        (
            {"action_text": "Read", "action_due_on": "2000-01-01"},
            "An action item can&#x27;t be due before the meeting",
        ),
        ({"action_due_on": "2099-01-01"}, "Write the next step, or leave its date empty."),
        ({"shared_notes": "x" * 8001}, "Ensure this value has at most 8000 characters"),
    ],
)
def test_quick_log_refuses(client, mentor, mentorship, fields, message):
    client.force_login(mentor)
    data = {
        "day": timezone.localdate(timezone=NEW_YORK).isoformat(),
        "minutes": "30",
        "mode": "video",
        "action_owner": "mentee",
        **fields,
    }
    response = client.post(f"/mentorships/{mentorship.pk}/log/", data)
    assert message in response.content.decode()
    assert not Meeting.objects.exists() and not ActionItem.objects.exists()


@pytest.mark.django_db
def test_private_note_over_the_limit_is_refused_and_kept_in_the_form(client, mentee, held):
    client.force_login(mentee)
    text = "y" * 8001
    page = client.post(f"/meetings/{held.pk}/private-note/", {"text": text}).content.decode()
    assert "Ensure this value has at most 8000 characters (it has 8001)." in page
    assert text in page  # not lost: the person can shorten it
    assert not PrivateNote.objects.exists()
