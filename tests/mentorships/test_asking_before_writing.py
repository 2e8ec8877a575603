"""A student learns that they can't ask before writing a message, not after sending it; and
the ask form ticks no area the student did not choose."""

import re

import pytest

from mentoring.mentorships.models import MentorshipRequest
from mentoring.profiles.models import Area
from tests.factories import make_mentee, make_mentor, make_mentorship


def ask_url(mentor):
    return f"/requests/ask/{mentor.mentor_profile.pk}/"


def mentor_page(mentor):
    return f"/mentors/{mentor.mentor_profile.pk}/"


def ticked(page):
    """The values of the checked area boxes of a form page."""
    return set(re.findall(r'name="areas" value="(\d+)"[^>]*checked', page))


@pytest.mark.django_db
def test_full_mentor_says_so_on_the_ask_page_before_any_message(client, mentee):
    full = make_mentor(capacity=1)
    make_mentorship(full, make_mentee())
    client.force_login(mentee)
    page = client.get(ask_url(full)).content.decode()
    assert "has no places free right now." in page
    assert 'name="message"' not in page  # no form to fill in for nothing
    assert "Mentors with room who share your interests" in page


@pytest.mark.django_db
def test_limit_of_waiting_requests_shows_on_the_mentor_page_and_the_ask_page(
    client, mentee, settings, django_assert_max_num_queries
):
    settings.MAX_PENDING_REQUESTS = 1
    asked, other = make_mentor(), make_mentor()
    client.force_login(mentee)
    client.post(ask_url(asked), {"message": "Hello, I hope to learn research."})
    assert MentorshipRequest.objects.count() == 1

    with django_assert_max_num_queries(12):
        page = client.get(mentor_page(other)).content.decode()
    assert "You have 1 request waiting for an answer; the limit is 1." in page
    assert "Ask to be my mentor" not in page
    assert 'href="/requests/"' in page

    with django_assert_max_num_queries(12):
        page = client.get(ask_url(other)).content.decode()
    assert "You have 1 request waiting for an answer; the limit is 1." in page
    assert 'name="message"' not in page
    # A message posted anyway changes nothing.
    client.post(ask_url(other), {"message": "Please?"})
    assert MentorshipRequest.objects.count() == 1


@pytest.mark.django_db
def test_ask_form_ticks_only_areas_the_student_chose_that_the_mentor_offers(client, mentee, mentor):
    # The mentor offers research and residency applications; the student sought research.
    client.force_login(mentee)
    page = client.get(ask_url(mentor)).content.decode()
    assert ticked(page) == {str(Area.objects.get(slug="research").pk)}


@pytest.mark.django_db
def test_ask_form_ticks_nothing_for_a_student_who_chose_no_areas(client, mentor):
    student = make_mentee()
    client.force_login(student)
    page = client.get(ask_url(mentor)).content.decode()
    assert 'name="areas"' in page
    assert ticked(page) == set()
