import pytest

from mentoring.meetings.models import Meeting
from tests.factories import make_mentorship
from tests.meetings.factories import local, make_meeting


@pytest.fixture
def mentorship(mentor, mentee):
    """Agreed: 45 minutes, usually by video, so that defaults are visible."""
    return make_mentorship(mentor, mentee, meeting_minutes=45, main_mode="video")


@pytest.fixture
def planned(mentorship):
    """Three days ahead, 14:00 New York time."""
    return make_meeting(mentorship, starts_at=local(days=3), place="Room 4B")


@pytest.fixture
def started(mentorship):
    """Planned, and its time has come: ready to be logged."""
    return make_meeting(mentorship, starts_at=local(days=-1), agenda="Step 1 plan")


@pytest.fixture
def held(mentorship):
    return make_meeting(
        mentorship, starts_at=local(days=-7), status=Meeting.Status.HELD, shared_notes="We met."
    )
