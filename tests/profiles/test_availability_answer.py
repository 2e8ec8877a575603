"""A mentor answers a check-in in one click: still accepting with N places, or pause."""

import datetime

import pytest
from django.utils import timezone

from mentoring.mentorships import asking
from mentoring.mentorships.models import MentorshipRequest
from mentoring.profiles.models import MentorProfile
from tests.factories import make_mentee, make_mentorship
from tests.profiles.test_profile_edit import MENTOR_URL, mentor_form, text

URL = "/profile/availability/"


@pytest.fixture
def asked(client, mentor):
    """The mentor, asked 20 days ago and silent since: "availability not confirmed"."""
    long_ago = timezone.now() - datetime.timedelta(days=20)
    MentorProfile.objects.filter(user=mentor).update(
        availability_asked_at=long_ago, availability_awaited_since=long_ago
    )
    make_mentorship(mentor, make_mentee())
    client.force_login(mentor)
    return MentorProfile.objects.get(user=mentor)


def test_the_page_says_what_students_see_and_offers_todays_places(
    client, asked, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        page = text(client.get(URL))
    assert "students see “availability not confirmed” on your profile" in page
    assert 'value="2"' in client.get(URL).content.decode()  # 3 places, 1 mentee
    assert "Besides your 1 active mentee. At most 29." in page


def test_still_accepting_in_one_click_with_the_places_given(
    client, asked, django_assert_max_num_queries
):
    MentorProfile.objects.filter(pk=asked.pk).update(is_accepting=False)
    with django_assert_max_num_queries(8):
        response = client.post(URL, {"answer": "accepting", "places": "4"})
    assert response["Location"] == URL
    profile = MentorProfile.objects.get(pk=asked.pk)
    assert (profile.is_accepting, profile.capacity, profile.room_left) == (True, 5, 4)
    assert profile.availability_awaited_since is None
    assert timezone.now() - profile.availability_confirmed_at < datetime.timedelta(minutes=1)
    page = text(client.get(URL))
    assert "Students see you accepting, with 4 places free." in page
    assert "availability not confirmed" not in page


def test_pause_in_one_click_then_the_waiting_requests_are_the_mentors_to_settle(
    client, asked, mentor, mentee
):
    asking.ask(mentee, mentor, message="Could you help with research?")
    response = client.post(URL, {"answer": "pause", "places": "not a number"})
    assert response["Location"] == "/requests/stop-accepting/"
    profile = MentorProfile.objects.get(pk=asked.pk)
    assert not profile.is_accepting and profile.availability_awaited_since is None
    assert "Sam Okafor" in text(client.get(response["Location"]))
    client.post(response["Location"], {"choice": "decline", "message": ""})
    assert MentorshipRequest.objects.get(mentee=mentee).status == "declined"


def test_pause_without_waiting_requests_comes_back_here(client, asked):
    response = client.post(URL, {"answer": "pause"})
    assert response["Location"] == URL
    assert "You are not taking new mentees." in text(client.get(URL))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"answer": "accepting", "places": "-1"}, "greater than or equal to 0"),
        ({"answer": "accepting", "places": "30"}, "less than or equal to 29"),
        ({"answer": "accepting", "places": "two"}, "Enter a whole number."),
        ({"answer": "accepting", "places": ""}, "Say how many new mentees you can take"),
        ({"answer": "maybe", "places": "2"}, "Choose: still accepting, or pause new requests."),
        ({"places": "2"}, "Choose: still accepting, or pause new requests."),
    ],
)
def test_bad_answers_are_refused_and_change_nothing(client, asked, data, message):
    response = client.post(URL, data)
    assert response.status_code == 200
    assert message in text(response)
    profile = MentorProfile.objects.get(pk=asked.pk)
    assert (profile.capacity, profile.is_accepting) == (asked.capacity, asked.is_accepting)
    assert profile.availability_awaited_since == asked.availability_awaited_since


def test_changing_capacity_or_accepting_on_the_profile_confirms(client, asked):
    client.post(MENTOR_URL, mentor_form(asked))  # saved unchanged: not an answer
    assert MentorProfile.objects.get(pk=asked.pk).availability_awaited_since is not None
    assert "Answer in one click" in text(client.get(MENTOR_URL))
    client.post(MENTOR_URL, mentor_form(asked, capacity=4))
    profile = MentorProfile.objects.get(pk=asked.pk)
    assert profile.availability_awaited_since is None
    assert profile.availability_confirmed_at is not None
    assert "Answer in one click" not in text(client.get(MENTOR_URL))


def test_a_new_mentor_counts_as_confirmed(client, outsider):
    client.force_login(outsider)
    client.post("/profile/roles/add/", {"role": "mentor"})
    assert MentorProfile.objects.get(user=outsider).availability_confirmed_at is not None
