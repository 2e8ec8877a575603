import pytest
from django.utils import timezone

from mentoring.meetings.models import ActionItem, Meeting, PrivateNote
from mentoring.notifications.models import Notification
from tests.factories import make_goal, make_mentor, make_mentorship, make_user
from tests.meetings.factories import form_time, local, make_action_item


def items(*rows, initial=0, total=None):
    """The action item formset's POST data: rows of dicts, then empty extra rows."""
    total = total if total is not None else max(len(rows), initial) + 3
    data = {
        "items-TOTAL_FORMS": str(total),
        "items-INITIAL_FORMS": str(initial),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        data.update({f"items-{i}-{name}": value for name, value in row.items()})
    for i in range(len(rows), total):
        data[f"items-{i}-owner"] = "mentee"
    return data


def record(starts_at, **fields):
    return {
        "starts_at": form_time(starts_at),
        "minutes": "45",
        "mode": "video",
        "shared_notes": "",
        "note-text": "",
        **fields,
    }


@pytest.mark.django_db
def test_mentor_logs_a_planned_meeting(
    client, mentor, mentee, mentorship, started, django_assert_max_num_queries
):
    goal = make_goal(mentee, "Pass Step 1", shared_with=[mentorship])
    client.force_login(mentor)
    with django_assert_max_num_queries(12):
        page = client.get(f"/meetings/{started.pk}/log/").content.decode()
    assert "Log your meeting with Sam Okafor" in page and "Step 1 plan" in page
    assert "Pass Step 1" in page
    assert "Agree one or two concrete tasks with a date each" in page  # mentor, early mentee

    due = timezone.localdate() + timezone.timedelta(days=7)
    response = client.post(
        f"/meetings/{started.pk}/log/",
        {
            **record(started.starts_at, shared_notes="Made a study plan.", minutes="50"),
            "goals_discussed": [goal.pk],
            "note-text": "Seems tired; ask about sleep next time.",
            **items(
                {"text": "Book the practice exam", "owner": "mentee", "due_on": due.isoformat()},
                {"text": "Send the question bank link", "owner": "mentor", "done": "on"},
            ),
        },
    )
    assert response["Location"] == f"/meetings/{started.pk}/"
    started.refresh_from_db()
    assert (started.status, started.minutes, started.shared_notes) == (
        "held",
        50,
        "Made a study plan.",
    )
    assert started.agenda == "Step 1 plan" and started.held_at is not None
    assert list(started.goals_discussed.all()) == [goal]
    book, send = ActionItem.objects.order_by("pk")
    assert (book.owner, book.due_on, book.done_at) == ("mentee", due, None)
    assert send.owner == "mentor" and send.done_at is not None
    assert PrivateNote.objects.get().author == mentor
    mentorship.refresh_from_db()
    assert mentorship.last_contact_at == started.starts_at and mentorship.next_meeting_at is None
    notice = Notification.objects.get(recipient=mentee, kind="meeting.logged")
    assert "Dr. Ines Alvarez logged your meeting of" in notice.title


@pytest.mark.django_db
def test_goals_offered_are_only_those_shared_with_this_mentorship(client, mentee, mentorship):
    shared = make_goal(mentee, "Shared with this mentor", shared_with=[mentorship])
    other = make_mentorship(make_mentor(make_user(display_name="Dr. Second")), mentee)
    elsewhere = make_goal(mentee, "Shared with another mentor", shared_with=[other])
    private = make_goal(mentee, "Kept to myself")
    client.force_login(mentee)
    page = client.get(f"/mentorships/{mentorship.pk}/meetings/log/").content.decode()
    assert shared.title in page
    assert elsewhere.title not in page and private.title not in page

    for goal in (elsewhere, private):
        response = client.post(
            f"/mentorships/{mentorship.pk}/meetings/log/",
            {**record(local(days=-1)), "goals_discussed": [shared.pk, goal.pk], **items()},
        )
        assert "Choose among the goals shared with this mentorship." in response.content.decode()
    assert not Meeting.objects.exists()


@pytest.mark.django_db
def test_log_a_past_meeting_that_was_never_planned(client, mentee, mentor, mentorship):
    client.force_login(mentee)
    page = client.get(f"/mentorships/{mentorship.pk}/meetings/log/").content.decode()
    assert 'name="minutes" value="45"' in page
    assert "Bring a decision" not in page  # an early mentee gets the early prompts
    when = local(days=-3, hour=8)
    client.post(
        f"/mentorships/{mentorship.pk}/meetings/log/",
        {
            **record(when, mode="phone", shared_notes="Talked about electives."),
            "note-text": "I felt heard.",
            **items({"text": "Email the elective office", "owner": "mentee"}),
        },
    )
    meeting = Meeting.objects.get()
    assert (meeting.status, meeting.starts_at, meeting.mode) == ("held", when, "phone")
    assert meeting.created_by == mentee
    assert meeting.action_items.get().text == "Email the elective office"
    assert PrivateNote.objects.get(author=mentee).text == "I felt heard."
    mentorship.refresh_from_db()
    assert mentorship.last_contact_at == when
    assert Notification.objects.filter(recipient=mentor, kind="meeting.logged").count() == 1


@pytest.mark.django_db
def test_correcting_the_record(client, mentor, mentee, held):
    done = make_action_item(held, "Old item")
    dropped = make_action_item(held, "Item to drop")
    client.force_login(mentor)
    page = client.get(f"/meetings/{held.pk}/log/").content.decode()
    assert "The record of your meeting with Sam Okafor" in page and "Old item" in page
    client.post(
        f"/meetings/{held.pk}/log/",
        {
            **record(held.starts_at, shared_notes="We met. Corrected."),
            **items(
                {"id": done.pk, "text": "Old item", "owner": "mentee", "done": "on"},
                {"id": dropped.pk, "text": "Item to drop", "owner": "mentee", "DELETE": "on"},
                initial=2,
            ),
        },
    )
    held.refresh_from_db()
    assert held.shared_notes == "We met. Corrected."
    assert [(i.text, i.done_at is not None) for i in held.action_items.all()] == [
        ("Old item", True)
    ]
    # Only the first log tells the partner.
    assert not Notification.objects.filter(kind="meeting.logged").exists()


@pytest.mark.django_db
def test_a_future_or_cancelled_meeting_cannot_be_logged(client, mentee, planned, started):
    client.force_login(mentee)
    response = client.get(f"/meetings/{planned.pk}/log/", follow=True)
    assert "A meeting can be logged once it has started." in response.content.decode()
    started.status = "cancelled"
    started.save()
    response = client.post(
        f"/meetings/{started.pk}/log/", {**record(started.starts_at), **items()}, follow=True
    )
    assert "This meeting was cancelled." in response.content.decode()
    assert set(Meeting.objects.values_list("status", flat=True)) == {"planned", "cancelled"}
