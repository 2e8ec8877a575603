import datetime

import pytest
from django.utils import timezone

from tests.factories import make_mentorship


@pytest.fixture
def mentorship(mentor, mentee):
    """Begun 60 days ago, agreed to meet every 14 days."""
    started_on = timezone.localdate() - datetime.timedelta(days=60)
    return make_mentorship(mentor, mentee, started_on=started_on, cadence_days=14)
