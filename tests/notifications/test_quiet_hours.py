import datetime

import pytest
import time_machine

from mentoring.notifications import delivery, preferences
from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify
from mentoring.notifications.tasks import sweep_undelivered
from tests.factories import make_user

UTC = datetime.UTC
Status = Notification.EmailStatus


def at(*args):
    return time_machine.travel(datetime.datetime(*args, tzinfo=UTC), tick=False)


@pytest.fixture(autouse=True)
def _nights(settings):
    settings.NOTIFICATION_QUIET_HOURS = (21, 7)


@pytest.fixture
def in_tokyo(db):
    return make_user(display_name="Kenji in Tokyo", time_zone="Asia/Tokyo")


@pytest.fixture
def in_chicago(db):
    return make_user(display_name="Maria in Chicago", time_zone="America/Chicago")


@pytest.mark.django_db
def test_night_in_tokyo_holds_the_email_until_seven_there_then_the_sweeper_sends_it(
    in_tokyo, in_chicago, django_capture_on_commit_callbacks, mailoutbox
):
    with at(2026, 11, 23, 13, 0), django_capture_on_commit_callbacks(execute=True):
        # 22:00 in Tokyo, 07:00 in Chicago.
        for person in (in_tokyo, in_chicago):
            notify(person, "request.new", f"Hello {person}")
    assert [m.to for m in mailoutbox] == [[in_chicago.email]]
    held = Notification.objects.get(recipient=in_tokyo)
    assert held.email_status == Status.PENDING
    assert held.email_not_before == datetime.datetime(2026, 11, 23, 22, 0, tzinfo=UTC)

    with at(2026, 11, 23, 21, 55):  # 06:55 in Tokyo
        assert delivery.undelivered_ids() == []
        sweep_undelivered()
        assert delivery.deliver([held.pk]) == 0  # a retried task waits as well
    assert len(mailoutbox) == 1

    with at(2026, 11, 23, 22, 5):  # 07:05 in Tokyo: the next sweep sends it
        sweep_undelivered()
    assert [m.to for m in mailoutbox] == [[in_chicago.email], [in_tokyo.email]]
    held.refresh_from_db()
    assert held.email_status == Status.SENT and held.email_attempts == 1


@pytest.mark.django_db
def test_night_in_chicago_is_day_in_tokyo(
    in_tokyo, in_chicago, django_capture_on_commit_callbacks, mailoutbox
):
    with at(2026, 11, 24, 4, 0), django_capture_on_commit_callbacks(execute=True):
        # 22:00 in Chicago, 13:00 in Tokyo.
        for person in (in_tokyo, in_chicago):
            notify(person, "meeting.planned", "Meeting on Friday")
    assert [m.to for m in mailoutbox] == [[in_tokyo.email]]
    held = Notification.objects.get(recipient=in_chicago)
    assert held.email_not_before == datetime.datetime(2026, 11, 24, 13, 0, tzinfo=UTC)
    with at(2026, 11, 24, 13, 5):
        sweep_undelivered()
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_the_held_email_still_follows_a_choice_made_overnight(
    in_tokyo, django_capture_on_commit_callbacks, mailoutbox
):
    with at(2026, 11, 23, 13, 0), django_capture_on_commit_callbacks(execute=True):
        notification = notify(in_tokyo, "request.new", "Hello")
    preferences.choose(in_tokyo, {"requests": "off"})
    with at(2026, 11, 23, 22, 5):
        sweep_undelivered()
    notification.refresh_from_db()
    assert notification.email_status == Status.SKIPPED
    assert mailoutbox == []


def test_morning_is_seven_on_the_wall_clock_across_a_daylight_saving_change():
    person = type("Person", (), {"time_zone": "America/Chicago"})
    # 23:00 CDT on 31 October 2026; clocks go back at 02:00, so 07:00 CST is 13:00 UTC.
    night = datetime.datetime(2026, 11, 1, 4, 0, tzinfo=UTC)
    assert preferences.quiet_until(person, night) == datetime.datetime(2026, 11, 1, 13, tzinfo=UTC)
    assert preferences.quiet_until(person, datetime.datetime(2026, 11, 1, 14, tzinfo=UTC)) is None


def test_quiet_hours_can_be_switched_off(settings):
    settings.NOTIFICATION_QUIET_HOURS = None
    person = type("Person", (), {"time_zone": "Asia/Tokyo"})
    assert preferences.quiet_until(person, datetime.datetime(2026, 11, 23, 13, tzinfo=UTC)) is None


@pytest.mark.django_db
def test_notices_held_overnight_leave_as_one_morning_email(
    in_tokyo, django_capture_on_commit_callbacks, mailoutbox
):
    titles = ["Sam asked you to be their mentor", "Meeting moved to Friday", "New feedback"]
    for hour, title in zip((13, 15, 18), titles, strict=True):  # 22:00-03:00 in Tokyo
        with at(2026, 11, 23, hour, 0), django_capture_on_commit_callbacks(execute=True):
            notify(in_tokyo, "request.new", title, url="/home/")
    assert mailoutbox == []

    with at(2026, 11, 23, 22, 5):  # 07:05 in Tokyo
        sweep_undelivered()
        sweep_undelivered()
    [email] = mailoutbox
    assert email.subject == "[Mentoring] 3 updates while you were away"
    assert all(title in email.body for title in titles)
    rows = Notification.objects.filter(recipient=in_tokyo)
    assert {row.email_status for row in rows} == {Status.SENT}
