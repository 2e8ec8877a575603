"""Two and five working days: weekends do not count."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from mentoring.lib.working_days import working_days_after

ZONE = zoneinfo.ZoneInfo("Europe/Berlin")


def at(day, hour=15):
    return datetime.datetime(2026, 12, day, hour, tzinfo=ZONE)


@pytest.fixture(autouse=True)
def _berlin():
    with timezone.override(ZONE):
        yield


@pytest.mark.parametrize(
    ("sent", "days", "due"),
    [
        (at(7), 2, at(9)),  # Monday 15:00 -> Wednesday 15:00
        (at(10), 2, at(14)),  # Thursday -> Monday: the weekend does not count
        (at(11), 2, at(15)),  # Friday -> Tuesday
        (at(11), 5, at(18)),  # Friday -> the next Friday
        (at(12, 10), 2, at(16, 0)),  # Saturday counts from Monday 00:00 -> Wednesday 00:00
        (at(13, 23), 1, at(15, 0)),  # Sunday night -> Tuesday 00:00
    ],
)
def test_working_days_after(sent, days, due):
    assert working_days_after(sent, days) == due
