import pytest

from tests.factories import make_mentor, make_mentorship, make_user


@pytest.fixture
def mentorship(mentor, mentee):
    return make_mentorship(mentor, mentee)


@pytest.fixture
def second_mentor(db):
    """Mentors the same mentee in another mentorship, to which nothing is tied."""
    return make_mentor(make_user(display_name="Dr. Second Mentor"))


@pytest.fixture
def second_mentorship(second_mentor, mentee):
    return make_mentorship(second_mentor, mentee)
