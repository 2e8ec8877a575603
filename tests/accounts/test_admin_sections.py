"""The admin's index has one "Accounts" section: people, with their e-mail addresses and
two-factor methods on each person's page rather than in sections of allauth's own."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = make_user(display_name="Staff Person", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def section_captions(page):
    return re.findall(r'<caption>\s*<a [^>]*class="section"[^>]*>([^<]+)</a>', page)


def test_one_accounts_section_with_plain_labels(client, staff):
    page = client.get("/admin/").content.decode()
    captions = section_captions(page)
    assert captions.count("Accounts") == 1, captions
    assert "MFA" not in captions and "Two-factor sign-in" not in captions
    assert "Email addresses" not in page and "Authenticators" not in page
    assert not re.search(r"\b[Ee]mail\b", re.sub(r"<[^>]+>", " ", page))
    # Plain labels: no "Feedbacks", no "Staff view in the admins", no Title Case section.
    assert "Permissions" in captions and "Authentication and Authorization" not in captions
    models = re.sub(r"<[^>]+>", " ", page)
    assert "Feedbacks" not in models and "admins" not in models
    assert "Feedback" in models and "Staff views in the admin" in models


def test_a_persons_page_lists_their_addresses_and_two_factor_methods(client, staff):
    person = make_user(email="sam@med.example.edu")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    Authenticator.objects.create(
        user=person, type=Authenticator.Type.TOTP, data={"secret": "never-shown"}
    )
    page = client.get(f"/admin/accounts/user/{person.pk}/change/").content.decode()
    assert "E-mail addresses (a person signs in with a verified one)" in page
    assert 'value="sam@med.example.edu"' in page
    assert "Two-factor sign-in" in page and "Authenticator app" in page
    assert "never-shown" not in page


def test_staff_remove_a_lost_authenticator_from_the_persons_page(client, staff):
    person = make_user(email="sam@med.example.edu", display_name="Sam Okafor")
    address = EmailAddress.objects.create(
        user=person, email=person.email, verified=True, primary=True
    )
    method = Authenticator.objects.create(
        user=person, type=Authenticator.Type.TOTP, data={"secret": "never-shown"}
    )
    page = client.get(f"/admin/accounts/user/{person.pk}/change/").content.decode()
    form = {
        "email": person.email,
        "display_name": person.display_name,
        "time_zone": person.time_zone,
        "is_active": "on",
        "date_joined_0": person.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": person.date_joined.strftime("%H:%M:%S"),
        "emailaddress_set-TOTAL_FORMS": "1",
        "emailaddress_set-INITIAL_FORMS": "1",
        "emailaddress_set-0-id": str(address.pk),
        "emailaddress_set-0-user": str(person.pk),
        "emailaddress_set-0-email": address.email,
        "emailaddress_set-0-verified": "on",
        "emailaddress_set-0-primary": "on",
        "authenticator_set-TOTAL_FORMS": "1",
        "authenticator_set-INITIAL_FORMS": "1",
        "authenticator_set-0-id": str(method.pk),
        "authenticator_set-0-user": str(person.pk),
        "authenticator_set-0-DELETE": "on",
    }
    assert 'name="authenticator_set-0-DELETE"' in page
    response = client.post(f"/admin/accounts/user/{person.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not Authenticator.objects.filter(user=person).exists()
    assert EmailAddress.objects.filter(user=person, verified=True).exists()
