"""A relationship recorded after the fact ("We already meet", confirmed by the other side)
counts contact and its first reassessment from the day it was confirmed: not overdue on its
first day here, no reassessment due that same day, and no first-meeting fit check. Its true
start date stays what the two said."""

import datetime

import pytest
from django.utils import timezone

from mentoring.feedback import reassessment
from mentoring.feedback.models import Reassessment
from mentoring.mentorships import asking
from mentoring.mentorships.models import Mentorship
from mentoring.mentorships.reminders import send_quiet_reminders
from mentoring.notifications.models import Notification

DAY = datetime.timedelta(days=1)
SINCE = 400  # days the two have met outside the site


@pytest.fixture
def confirmed(mentor, mentee):
    since = timezone.localdate() - SINCE * DAY
    registration = asking.register(mentee, mentor, mentee, since_on=since)
    asking.accept(
        registration,
        mentor,
        cadence_days=14,
        meeting_minutes=60,
        main_mode="in_person",
        response_hours=48,
        reassess_every_days=90,
    )
    return Mentorship.objects.get()


@pytest.mark.django_db
def test_not_overdue_nor_quiet_on_its_first_day_but_counted_from_it(confirmed):
    today, now = timezone.localdate(), timezone.now()
    assert confirmed.started_on == today - SINCE * DAY  # the true start is kept
    assert confirmed.recorded_on == today
    assert confirmed.cadence_status == "on track"
    assert not Mentorship.objects.quiet(now).exists()
    assert send_quiet_reminders(now) == 0
    # 1.5 times the 14-day rhythm after the confirmation with nothing logged: quiet.
    later = now + 22 * DAY
    assert list(Mentorship.objects.quiet(later)) == [confirmed]
    assert send_quiet_reminders(later) == 2
    assert Notification.objects.filter(kind="reminder.quiet").count() == 2


@pytest.mark.django_db
def test_a_meeting_logged_from_before_the_confirmation_does_not_make_it_overdue(confirmed):
    Mentorship.objects.filter(pk=confirmed.pk).update(last_contact_at=timezone.now() - 60 * DAY)
    confirmed.refresh_from_db()
    assert confirmed.cadence_status == "on track"
    assert not Mentorship.objects.quiet(timezone.now()).exists()
    assert send_quiet_reminders(timezone.now()) == 0


@pytest.mark.django_db
def test_first_reassessment_a_month_after_the_confirmation_and_no_fit_check(confirmed):
    today = timezone.localdate()
    assert confirmed.reassess_on == today + 30 * DAY
    now = timezone.now()
    assert reassessment.send_periodic_prompts(now) == 0
    # They log a meeting: a first-meeting fit check would make no sense a year in.
    Mentorship.objects.filter(pk=confirmed.pk).update(last_contact_at=now - DAY)
    assert reassessment.send_fit_checks(now) == 0
    assert reassessment.send_periodic_prompts(now + 30 * DAY) == 2
    assert set(Reassessment.objects.values_list("kind", flat=True)) == {"periodic"}
