"""Two workers, or a doubled beat tick, ask each mentor once: the rows are claimed under a
lock and each check-in has its dedupe key."""

import datetime

import pytest

from mentoring.mentorships import availability
from mentoring.notifications.models import Notification
from mentoring.profiles.models import MentorProfile
from tests.concurrency import run_at_once
from tests.factories import make_mentor

WORKERS = 4
NOW = datetime.datetime(2027, 9, 3, 10, tzinfo=datetime.UTC)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_sweeps_ask_each_mentor_once(settings):
    settings.AVAILABILITY_TERM_STARTS = [(1, 1), (5, 1), (9, 1)]
    for _ in range(12):
        make_mentor()
    outcomes = run_at_once([lambda: availability.send_term_checks(NOW, batch_size=5)] * WORKERS)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sum(outcomes) == 12
    sent = Notification.objects.filter(kind="reminder.availability")
    assert sent.count() == 12
    assert sent.values("recipient").distinct().count() == 12
    assert set(MentorProfile.objects.values_list("availability_asked_at", flat=True)) == {NOW}
    assert availability.send_availability_checks(NOW) == 0
