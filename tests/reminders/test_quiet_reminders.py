import datetime

import pytest
from django.utils import timezone

from mentoring.mentorships import reminders
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.models import Notification
from tests.factories import make_mentorship

DAY = datetime.timedelta(days=1)


@pytest.fixture
def mentorship(mentor, mentee):
    m = make_mentorship(mentor, mentee, cadence_days=14)
    Mentorship.objects.filter(pk=m.pk).update(last_contact_at=timezone.now())
    m.refresh_from_db()
    return m


def quiet_notes():
    return Notification.objects.filter(kind="reminder.quiet")


@pytest.mark.django_db
def test_nudge_both_after_one_and_a_half_times_the_rhythm(mentorship, mentor, mentee):
    start = mentorship.last_contact_at
    reminders.send_quiet_reminders(start + 20 * DAY)
    assert not quiet_notes().exists()
    reminders.send_quiet_reminders(start + 22 * DAY)
    assert set(quiet_notes().values_list("recipient", flat=True)) == {mentor.pk, mentee.pk}
    reminders.send_quiet_reminders(start + 40 * DAY)  # the same quiet spell: no second nudge
    assert quiet_notes().count() == 2


@pytest.mark.django_db
def test_new_contact_starts_a_new_spell(mentorship):
    start = mentorship.last_contact_at
    reminders.send_quiet_reminders(start + 22 * DAY)
    Mentorship.objects.filter(pk=mentorship.pk).update(last_contact_at=start + 30 * DAY)
    reminders.send_quiet_reminders(start + 45 * DAY)
    assert quiet_notes().count() == 2
    reminders.send_quiet_reminders(start + 52 * DAY)
    assert quiet_notes().count() == 4


@pytest.mark.django_db
def test_paused_and_closed_are_left_alone(mentorship):
    Mentorship.objects.filter(pk=mentorship.pk).update(status="paused")
    reminders.send_quiet_reminders(mentorship.last_contact_at + 60 * DAY)
    assert not quiet_notes().exists()


@pytest.mark.django_db
def test_never_met_counts_from_the_start(mentor, mentee):
    m = make_mentorship(mentor, mentee, cadence_days=7)
    start = timezone.make_aware(datetime.datetime.combine(m.started_on, datetime.time()))
    reminders.send_quiet_reminders(start + 11 * DAY)
    assert quiet_notes().count() == 2


@pytest.mark.django_db
def test_sweep_queries_do_not_grow_per_mentorship(django_assert_max_num_queries):
    from tests.factories import make_mentee, make_mentor

    mentor = make_mentor(capacity=30)
    for _ in range(25):
        make_mentorship(mentor, make_mentee())
    later = timezone.now() + 60 * DAY
    # One batch: ids, rows, existing keys, insert, new ids (+ savepoint statements).
    with django_assert_max_num_queries(10):
        reminders.send_quiet_reminders(later)
    assert quiet_notes().count() == 50
