"""Signing in through a real OpenID provider (django-oauth-toolkit on loopback)."""

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount

from accounts.models import User
from mentoring.profiles.models import MenteeProfile, MentorProfile
from mentoring.roster.models import RosterEntry
from tests.factories import make_mentor, make_user
from tests.sso.dance import oidc_sign_in

pytestmark = pytest.mark.django_db


def person(email, affiliation=(), **claims):
    return {
        "password": "pw",
        "claims": {
            "email": email,
            "email_verified": True,
            "name": "Dr. Ada Lovelace",
            "eduperson_affiliation": list(affiliation),
            **claims,
        },
    }


def test_the_sign_in_page_offers_the_school(client, oidc):
    page = client.get("/accounts/login/").content.decode()
    assert "Sign in with Example University" in page
    assert 'name="password"' in page  # password sign-in stays unless SSO_ONLY


def test_first_sign_in_makes_a_faculty_account_with_a_mentor_profile(client, oidc):
    oidc.set_people({"ada": person("ada@med.example.edu", ["faculty", "member"])})
    response = oidc_sign_in(client, "ada")
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(email="ada@med.example.edu")
    assert response["Location"] == "/profile/setup/"
    assert user.display_name == "Dr. Ada Lovelace"
    assert not user.has_usable_password()
    profile = MentorProfile.objects.get(user=user)
    assert profile.verified_how == "idp" and profile.verified_at is not None
    assert not MenteeProfile.objects.filter(user=user).exists()
    assert EmailAddress.objects.get(user=user).verified
    assert SocialAccount.objects.get(user=user).provider == "institution"


def test_second_sign_in_comes_to_the_same_account(client, oidc):
    oidc.set_people({"sam": person("sam@med.example.edu", ["student@med.example.edu"])})
    oidc_sign_in(client, "sam")
    client.logout()
    response = oidc_sign_in(client, "sam")
    assert response.status_code == 302
    assert User.objects.filter(email="sam@med.example.edu").count() == 1
    assert SocialAccount.objects.count() == 1
    assert MenteeProfile.objects.filter(user__email="sam@med.example.edu").exists()
    assert client.get("/home/").status_code in (200, 302)


def test_an_existing_password_account_with_the_verified_address_is_linked(client, oidc):
    existing = make_user(email="ines@med.example.edu", display_name="Ines")
    EmailAddress.objects.create(user=existing, email=existing.email, verified=True, primary=True)
    oidc.set_people({"ines": person("ines@med.example.edu", ["staff"])})
    response = oidc_sign_in(client, "ines")
    assert response.status_code == 302
    assert User.objects.count() == 1
    assert SocialAccount.objects.get().user == existing
    existing.refresh_from_db()
    assert existing.has_usable_password()  # verified: the password stays
    # staff brings no role: the school's administrators grant oversight.
    assert not MentorProfile.objects.filter(user=existing).exists()
    assert not MenteeProfile.objects.filter(user=existing).exists()


def test_a_mentor_waiting_for_staff_is_verified_by_the_institutions_sign_in(client, oidc):
    waiting = make_mentor(make_user(email="lena@med.example.edu"), verified_at=None)
    EmailAddress.objects.create(user=waiting, email=waiting.email, verified=True, primary=True)
    assert not MentorProfile.objects.get(user=waiting).verified_at
    oidc.set_people({"lena": person("lena@med.example.edu", ["faculty"])})
    assert oidc_sign_in(client, "lena").status_code == 302
    profile = MentorProfile.objects.get(user=waiting)
    assert profile.verified_how == "idp"
    assert profile.is_listed  # the factory's profile is complete


def test_a_student_is_not_verified_as_faculty(client, oidc):
    oidc.set_people({"sam": person("sam@med.example.edu", ["student"])})
    oidc_sign_in(client, "sam")
    assert not MentorProfile.objects.filter(user__email="sam@med.example.edu").exists()


def test_a_person_on_the_roster_finds_their_data_at_the_first_institutional_sign_in(client, oidc):
    RosterEntry.objects.create(
        email="nia@med.example.edu", name="Nia Roster", role="student", programme="MD",
        programme_key="md", stage="Final year",
    )  # fmt: skip
    oidc.set_people({"nia": person("nia@med.example.edu", ["member"])})  # no affiliation
    assert oidc_sign_in(client, "nia").status_code == 302
    user = User.objects.get(email="nia@med.example.edu")
    assert user.mentee_profile.stage.name == "Final year"  # the roster said student
    assert RosterEntry.objects.get().user == user
