"""A mentor enters the directory once their profile has interests, areas offered and a
capacity they chose; until then their profile page and home say what is missing. (The
other condition, being verified as faculty, is tests/profiles/test_verification*.py's.)"""

import pytest
from django.urls import reverse

from accounts.models import User
from mentoring.profiles.models import Area, MentorProfile
from mentoring.profiles.roles import Role, add_roles
from mentoring.profiles.verification import verify
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def listed_names():
    return set(MentorProfile.objects.listed().values_list("display_name", flat=True))


def profile_form(**changes):
    data = {
        "career_stage": "mid",
        "interests_text": "",
        "capacity": "",
        "response_hours": "24",
        "is_accepting": "on",
    }
    return data | changes


def test_ticking_i_mentor_learners_lists_no_one_yet(client, mentee):
    stranger = make_user(display_name="Dr. Blank Stranger")
    add_roles(stranger, [Role.MENTOR])
    assert "Dr. Blank Stranger" not in listed_names()
    client.force_login(mentee)
    assert "Dr. Blank Stranger" not in client.get(reverse("matching:directory")).content.decode()
    profile = MentorProfile.objects.get(user=stranger)
    assert client.get(reverse("matching:mentor", args=[profile.pk])).status_code == 404


def test_the_profile_page_and_home_say_what_is_missing_until_listed(
    client, django_assert_max_num_queries
):
    user = make_user(display_name="Dr. New Faculty")
    add_roles(user, [Role.MENTOR])
    verify(user, how="roster")  # confirmed as faculty: only completeness is left
    client.force_login(user)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("profiles:edit-mentor")).content.decode()
    missing = "your interests, the areas you offer and how many mentees you can take"
    assert f"Students can't find you in the directory yet: add {missing}" in page
    home = client.get(reverse("home")).content.decode()
    assert f"Students can&#x27;t find you in the directory yet: add {missing}." in home

    research = Area.objects.get(slug="research")
    client.post(
        reverse("profiles:edit-mentor"),
        profile_form(interests_text="Cardiology", areas=[research.pk]),
    )
    assert "Dr. New Faculty" not in listed_names()  # capacity left empty: not saved
    client.post(
        reverse("profiles:edit-mentor"),
        profile_form(interests_text="Cardiology", areas=[research.pk], capacity="2"),
    )
    assert "Dr. New Faculty" in listed_names()
    assert "find you in the directory yet" not in client.get(reverse("home")).content.decode()
    page = client.get(reverse("profiles:edit-mentor")).content.decode()
    assert "find you in the directory yet" not in page


def test_deactivation_and_reactivation_keep_the_rule(client):
    user = make_user(display_name="Dr. Complete")
    add_roles(user, [Role.MENTOR])
    verify(user, how="roster")
    client.force_login(user)
    research = Area.objects.get(slug="research")
    full = profile_form(interests_text="Cardiology", areas=[research.pk], capacity="2")
    client.post(reverse("profiles:edit-mentor"), full)
    assert "Dr. Complete" in listed_names()
    user.is_active = False
    user.save()
    assert "Dr. Complete" not in listed_names()
    user = User.objects.get(pk=user.pk)
    user.is_active = True
    user.save()
    assert "Dr. Complete" in listed_names()
    # Reactivating a profile never completed does not list it.
    blank = make_user(display_name="Dr. Blank", is_active=False)
    add_roles(blank, [Role.MENTOR])
    verify(blank, how="roster")
    blank.is_active = True
    blank.save()
    assert "Dr. Blank" not in listed_names()
