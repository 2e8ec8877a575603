"""The accept form shows what the student wrote and proposes the rhythm they asked for."""

import re

import pytest

from mentoring.mentorships.models import MentorshipRequest


def selected(page, name):
    """The value a form page proposes for a select or a number input."""
    select = re.search(rf'<select name="{name}".*?</select>', page, re.S)
    if select:
        return re.search(r'<option value="([^"]*)" selected', select.group(0)).group(1)
    return re.search(rf'<input type="number" name="{name}" value="([^"]*)"', page).group(1)


@pytest.mark.django_db
def test_student_asks_for_a_rhythm_and_the_accept_form_proposes_it(
    client, mentee, mentor, django_assert_max_num_queries
):
    client.force_login(mentee)
    client.post(
        f"/requests/ask/{mentor.mentor_profile.pk}/",
        {
            "message": "I am a third-year student; I hope to start a research project.",
            "preferred_mode": "video",
            "preferred_cadence_days": "7",
        },
    )
    request_obj = MentorshipRequest.objects.get()
    assert (request_obj.preferred_mode, request_obj.preferred_cadence_days) == ("video", 7)

    client.force_login(mentor)
    with django_assert_max_num_queries(12):
        page = client.get(f"/requests/{request_obj.pk}/accept/").content.decode()
    assert "I am a third-year student; I hope to start a research project." in page
    assert "Would like to meet every week by video" in page
    assert selected(page, "cadence_days") == "7"
    assert selected(page, "main_mode") == "video"


@pytest.mark.django_db
def test_no_preference_keeps_the_usual_proposal(client, mentee, mentor):
    client.force_login(mentee)
    client.post(f"/requests/ask/{mentor.mentor_profile.pk}/", {"message": "Hello there."})
    request_obj = MentorshipRequest.objects.get()
    assert request_obj.preferred_cadence_days is None
    client.force_login(mentor)
    page = client.get(f"/requests/{request_obj.pk}/accept/").content.decode()
    assert "Hello there." in page
    assert selected(page, "cadence_days") == "14"
    assert "Would like to meet" not in page


@pytest.mark.django_db
def test_unknown_rhythm_is_refused_on_the_form(client, mentee, mentor):
    client.force_login(mentee)
    response = client.post(
        f"/requests/ask/{mentor.mentor_profile.pk}/",
        {"message": "Hello there.", "preferred_cadence_days": "3"},
    )
    assert "Select a valid choice." in response.content.decode()
    assert not MentorshipRequest.objects.exists()
