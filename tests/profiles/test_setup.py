"""The first-run set-up: where sign-in leads, each step saved or skipped, and the record
that a person finished or skipped it."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User
from mentoring.profiles.models import Area, MenteeProfile, MentorProfile
from mentoring.profiles.roles import Role, add_roles
from mentoring.profiles.verification import verify
from tests.factories import make_user, stage_of

PASSWORD = "a-long-test-password"
pytestmark = pytest.mark.django_db


def newcomer(*roles, **fields):
    """A person who never saw the set-up, with these roles' fresh profiles."""
    user = make_user(setup_done_at=None, **fields)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    add_roles(user, list(roles))
    return user


def step(slug):
    return reverse("profiles:setup-step", args=[slug])


def sign_in(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def test_first_sign_in_leads_to_the_set_up_and_later_ones_home(client):
    # An account made in the admin signs in for the first time: no sign-up form involved.
    user = newcomer(Role.MENTEE)
    assert sign_in(client, user).url == reverse("profiles:setup")
    assert client.get(reverse("profiles:setup")).url == step("stage")
    client.post(reverse("profiles:setup-finish"))
    client.logout()
    assert sign_in(client, user).url == reverse("home")


def test_a_next_address_wins_over_the_set_up(client):
    user = newcomer(Role.MENTEE)
    response = client.post(
        reverse("account_login") + "?next=/mentors/",
        {"login": user.email, "password": PASSWORD},
    )
    assert response.url == "/mentors/"


def test_a_student_answers_some_steps_and_skips_others(client, django_assert_max_num_queries):
    user = newcomer(Role.MENTEE)
    client.force_login(user)
    with django_assert_max_num_queries(12):
        page = client.get(step("stage")).content.decode()
    assert "Set-up, step 1 of 5" in page and "Preclinical years" in page
    final = stage_of("final").pk
    assert client.post(step("stage"), {"action": "save", "stage": final}).url == step("interests")
    assert client.post(step("interests"), {"action": "skip", "interests_text": "x"}).url == step(
        "areas"
    )
    client.post(step("areas"), {"action": "skip"})
    client.post(step("vision"), {"action": "save", "vision": "A rural GP with a research day."})
    with django_assert_max_num_queries(12):
        response = client.post(
            step("meeting"),
            {
                "action": "save",
                "modes": ["video", "email"],
                "best_hours": "Evenings",
                "browser_time_zone": "Europe/Berlin",
            },
        )
    assert response.url == reverse("matching:recommendations")
    profile = MenteeProfile.objects.get(user=user)
    assert (profile.stage.name, profile.vision) == ("Final year", "A rural GP with a research day.")
    assert profile.modes == ["Video", "E-mail"]
    assert not profile.interests.exists() and not profile.areas_sought.exists()
    user.refresh_from_db()
    assert user.time_zone == "Europe/Berlin"
    assert user.setup_done_at is not None
    assert user.contact_details.best_hours == "Evenings"


def test_skipping_every_step_leaves_every_answer_unset(client):
    user = newcomer(Role.MENTEE)
    client.force_login(user)
    final = stage_of("final").pk
    for slug in ["stage", "interests", "areas", "vision", "meeting"]:
        client.post(step(slug), {"action": "skip", "stage": final, "modes": ["phone"]})
    profile = MenteeProfile.objects.get(user=user)
    assert (profile.stage, profile.modes, profile.vision) == (None, [], "")
    assert User.objects.get(pk=user.pk).setup_done_at is not None


def test_skip_the_rest_records_it_and_the_profile_links_back(client):
    user = newcomer(Role.MENTEE)
    client.force_login(user)
    assert client.post(reverse("profiles:setup-finish")).url == reverse("home")
    assert User.objects.get(pk=user.pk).setup_done_at is not None
    page = client.get(reverse("profiles:edit-mentee")).content.decode()
    assert reverse("profiles:setup") in page


def test_a_typed_time_zone_is_checked_and_a_bad_one_changes_nothing(client):
    user = newcomer(Role.MENTEE, time_zone="America/New_York")
    client.force_login(user)
    response = client.post(
        step("meeting"), {"action": "save", "modes": ["phone"], "time_zone": "Mars/Olympus"}
    )
    assert response.status_code == 200
    assert "is not a time zone we know" in response.content.decode()
    assert MenteeProfile.objects.get(user=user).modes == []
    client.post(step("meeting"), {"action": "save", "time_zone": "america/los angeles"})
    assert User.objects.get(pk=user.pk).time_zone == "America/Los_Angeles"


def test_a_browser_zone_we_do_not_know_is_ignored(client):
    user = newcomer(Role.MENTEE, time_zone="America/Chicago")
    client.force_login(user)
    response = client.post(step("meeting"), {"action": "save", "browser_time_zone": "Nowhere/X"})
    assert response.status_code == 302
    assert User.objects.get(pk=user.pk).time_zone == "America/Chicago"


def test_a_faculty_member_becomes_listed_once_the_set_up_says_enough(client):
    user = newcomer(Role.MENTOR)
    client.force_login(user)
    assert client.get(reverse("profiles:setup")).url == step("career")
    assert not MentorProfile.objects.listed().filter(user=user).exists()
    client.post(step("career"), {"action": "skip"})
    client.post(step("mentor-interests"), {"action": "save", "interests_text": "Cardiology"})
    area = Area.objects.first().pk
    client.post(step("offer"), {"action": "save", "areas": [area], "cannot_offer": "Research"})
    assert not MentorProfile.objects.listed().filter(user=user).exists()
    page = client.get(step("capacity")).content.decode()
    assert 'name="capacity" value' not in page  # no default presented as the answer
    response = client.post(step("capacity"), {"action": "save", "response_hours": "24"})
    assert "Say how many mentees you can take" in response.content.decode()
    client.post(step("capacity"), {"action": "save", "capacity": "2", "response_hours": "48"})
    # Complete, and still waiting for the school to confirm they are faculty.
    assert not MentorProfile.objects.listed().filter(user=user).exists()
    verify(user, how="roster")
    assert MentorProfile.objects.listed().filter(user=user, capacity=2).exists()
    response = client.post(step("meeting"), {"action": "save", "modes": ["in_person"]})
    assert response.url == reverse("home")


def test_steps_of_another_role_are_404(client):
    client.force_login(newcomer(Role.MENTOR))
    assert client.get(step("stage")).status_code == 404
    assert client.get(step("no-such-step")).status_code == 404
    client.force_login(newcomer())  # no role: the time zone and hours only
    assert client.get(reverse("profiles:setup")).url == step("meeting")
    assert client.get(step("capacity")).status_code == 404
