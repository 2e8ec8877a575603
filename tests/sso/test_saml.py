"""Signing in through a real SAML IdP (pysaml2 on loopback, signed assertions)."""

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from accounts.models import User
from mentoring.profiles.models import MenteeProfile, MentorProfile
from tests.factories import make_user
from tests.sso.dance import saml_sign_in

pytestmark = pytest.mark.django_db

MAIL = "urn:oid:0.9.2342.19200300.100.1.3"
REFEDS_MFA = "https://refeds.org/profile/mfa"


def person(email, affiliation=(), scoped=(), **more):
    return {
        "password": "pw",
        "attributes": {
            "mail": [email],
            "displayName": ["Dr. Grace Hopper"],
            "eduPersonAffiliation": list(affiliation),
            "eduPersonScopedAffiliation": list(scoped),
        },
        **more,
    }


def test_the_sign_in_page_offers_the_school(client, saml):
    assert "Sign in with Example University" in client.get("/accounts/login/").content.decode()


def test_first_sign_in_makes_a_student_account_with_a_mentee_profile(client, saml):
    saml.set_people({"grace": person("grace@med.example.edu", scoped=["student@med.example.edu"])})
    response = saml_sign_in(client, "grace")
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == "/profile/setup/"
    user = User.objects.get(email="grace@med.example.edu")
    assert user.display_name == "Dr. Grace Hopper"
    assert MenteeProfile.objects.filter(user=user).exists()
    assert not MentorProfile.objects.filter(user=user).exists()
    assert EmailAddress.objects.get(user=user).verified
    assert SocialAccount.objects.get(user=user).provider == "saml"


def test_a_second_sign_in_comes_to_the_same_account(client, saml):
    saml.set_people({"grace": person("grace@med.example.edu", ["faculty"])})
    saml_sign_in(client, "grace")
    client.logout()
    assert saml_sign_in(client, "grace").status_code == 302
    assert User.objects.count() == SocialAccount.objects.count() == 1
    assert MentorProfile.objects.filter(user__email="grace@med.example.edu").exists()


def test_an_existing_password_account_with_the_verified_address_is_linked(client, saml):
    existing = make_user(email="ines@med.example.edu")
    EmailAddress.objects.create(user=existing, email=existing.email, verified=True, primary=True)
    saml.set_people({"ines": person("ines@med.example.edu", ["faculty", "staff"])})
    assert saml_sign_in(client, "ines").status_code == 302
    assert User.objects.count() == 1
    assert SocialAccount.objects.get().user == existing
    assert MentorProfile.objects.filter(user=existing).exists()
    assert client.session["_auth_user_id"] == str(existing.pk)


def test_mfa_asserted_by_the_idp_opens_the_dashboards(
    client, saml, coordinator, clerkship, settings
):
    settings.MFA_REQUIRED_FOR_OVERSIGHT = True
    EmailAddress.objects.create(
        user=coordinator, email=coordinator.email, verified=True, primary=True
    )
    saml.set_people({"c": person(coordinator.email, ["staff"], authn_context=REFEDS_MFA)})
    saml_sign_in(client, "c")
    assert client.get(reverse("dashboards:clerkship", args=[clerkship.pk])).status_code == 200


def test_a_password_only_sign_in_at_the_idp_is_sent_to_set_up_an_authenticator(
    client, saml, coordinator, clerkship, settings
):
    settings.MFA_REQUIRED_FOR_OVERSIGHT = True
    EmailAddress.objects.create(
        user=coordinator, email=coordinator.email, verified=True, primary=True
    )
    saml.set_people({"c": person(coordinator.email, ["staff"])})
    saml_sign_in(client, "c")
    response = client.get(reverse("dashboards:clerkship", args=[clerkship.pk]))
    assert response["Location"] == reverse("mfa_activate_totp")
