"""The network page speaks of covered areas only once the student has chosen some: with none
chosen, "every area is covered" would be true of nothing, so it says how to choose them."""

import pytest

from mentoring.profiles.models import Area
from tests.factories import make_mentorship


@pytest.mark.django_db
def test_no_areas_chosen_says_how_to_choose_them(
    client, mentor, mentee, django_assert_max_num_queries
):
    mentee.mentee_profile.areas_sought.clear()
    make_mentorship(mentor, mentee, focus_areas=Area.objects.filter(slug="research"))
    client.force_login(mentee)
    with django_assert_max_num_queries(8):
        page = client.get("/mentorships/mentors/").content.decode()
    section = page.split("Areas nobody covers yet")[1]
    assert "Every area you want help with is covered" not in page
    assert "You have not chosen the areas you want help with yet" in section
    assert 'href="/profile/mentee/#id_areas_sought"' in section

    # Once chosen and all covered, it says so.
    mentee.mentee_profile.areas_sought.set(Area.objects.filter(slug="research"))
    page = client.get("/mentorships/mentors/").content.decode()
    assert "Every area you want help with is covered by an active mentor." in page
    assert "You have not chosen the areas" not in page
