"""Counts followed by lists read naturally at zero and one (issue 19)."""

import pytest

from mentoring.mentorships import asking
from tests.factories import make_mentor


@pytest.mark.django_db
def test_stopping_with_nobody_waiting_says_so_in_words(client, mentor):
    client.force_login(mentor)
    page = client.get("/requests/stop-accepting/").content.decode()
    assert "No student is waiting for your answer" in page
    assert "0 students" not in page and ": ." not in page
    response = client.post(
        "/requests/stop-accepting/", {"choice": "decline", "message": ""}, follow=True
    )
    assert "No request was waiting, so none was declined." in response.content.decode()
    assert "Declined 0" not in response.content.decode()


@pytest.mark.django_db
def test_stopping_with_one_waiting_names_them(client, mentor, mentee):
    asking.ask(mentee, mentor, message="Hello")
    client.force_login(mentor)
    page = client.get("/requests/stop-accepting/").content.decode()
    assert "One student is waiting for your answer: Sam Okafor." in page


@pytest.mark.django_db
def test_one_hour_is_singular(client, mentee):
    quick = make_mentor(response_hours=1)
    client.force_login(mentee)
    assert "Answers within 1 hour ·" in client.get(
        f"/mentors/{quick.mentor_profile.pk}/"
    ).content.decode().replace("\n", " ")
    page = client.get(f"/requests/ask/{quick.mentor_profile.pk}/").content.decode()
    assert "commits to answer within 1 hour." in page
