import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from mentoring.mentorships import asking, reminders
from mentoring.mentorships.models import MentorshipRequest
from mentoring.notifications.models import Notification

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def sent_at():
    return timezone.now()


@pytest.fixture
def pending(mentee, mentor, sent_at):
    with time_machine.travel(sent_at, tick=False):
        return asking.ask(mentee, mentor, message="Could you help with research?")


def kinds_for(person):
    return list(
        Notification.objects.filter(recipient=person, kind__startswith="reminder")
        .order_by("pk")
        .values_list("dedupe_key", flat=True)
    )


@pytest.mark.django_db
def test_mentor_reminded_after_their_own_commitment_then_once_more(pending, mentor, sent_at):
    reminders.send_request_reminders(sent_at + 23 * HOUR)
    assert kinds_for(mentor) == []
    reminders.send_request_reminders(sent_at + 25 * HOUR)
    reminders.send_request_reminders(sent_at + 30 * HOUR)  # a later sweep: nothing new
    assert kinds_for(mentor) == [f"reminder:request:{pending.pk}:first"]
    reminders.send_request_reminders(sent_at + 73 * HOUR)
    assert kinds_for(mentor) == [
        f"reminder:request:{pending.pk}:first",
        f"reminder:request:{pending.pk}:second",
    ]
    reminder = Notification.objects.filter(recipient=mentor, kind="reminder.request").first()
    assert reminder.title == "Sam Okafor is waiting for your answer"


@pytest.mark.django_db
def test_commitment_is_the_mentors_own(mentee, mentor, sent_at):
    mentor.mentor_profile.response_hours = 72
    mentor.mentor_profile.save()
    with time_machine.travel(sent_at, tick=False):
        asking.ask(mentee, mentor, message="hello")
    reminders.send_request_reminders(sent_at + 48 * HOUR)
    assert kinds_for(mentor) == []
    reminders.send_request_reminders(sent_at + 73 * HOUR)
    assert len(kinds_for(mentor)) == 1


@pytest.mark.django_db
def test_mentee_told_kindly_after_several_days(pending, mentee, sent_at, settings):
    settings.REQUEST_MENTEE_NUDGE_DAYS = 5
    reminders.send_request_reminders(sent_at + datetime.timedelta(days=4))
    assert kinds_for(mentee) == []
    reminders.send_request_reminders(sent_at + datetime.timedelta(days=5, hours=1))
    note = Notification.objects.get(recipient=mentee, kind="reminder.request")
    assert note.title == "No answer from Dr. Ines Alvarez yet"
    assert note.url == "/mentors/recommended/"


@pytest.mark.django_db
def test_answered_requests_are_not_reminded(pending, mentor, sent_at):
    asking.decline(pending, mentor)
    reminders.send_request_reminders(sent_at + 100 * HOUR)
    assert kinds_for(mentor) == []


@pytest.mark.django_db
def test_requests_expire_with_a_message_to_both(pending, mentee, mentor, sent_at, settings):
    settings.REQUEST_EXPIRY_DAYS = 14
    assert reminders.expire_requests(sent_at + datetime.timedelta(days=13)) == 0
    assert reminders.expire_requests(sent_at + datetime.timedelta(days=15)) == 1
    assert reminders.expire_requests(sent_at + datetime.timedelta(days=16)) == 0
    pending.refresh_from_db()
    assert pending.status == MentorshipRequest.Status.EXPIRED
    for person in (mentee, mentor):
        assert Notification.objects.filter(recipient=person, kind="request.expired").count() == 1
    mentor.mentor_profile.refresh_from_db()
    assert mentor.mentor_profile.pending_request_count == 0


@pytest.mark.django_db
def test_demo_command_runs_every_sweep_at_a_chosen_time(pending, mentor, capsys):
    call_command("send_reminders", "--days-ahead", "2")
    output = capsys.readouterr().out
    assert "request reminders" in output and "periodic reassessments" in output
    assert kinds_for(mentor) == [f"reminder:request:{pending.pk}:first"]
