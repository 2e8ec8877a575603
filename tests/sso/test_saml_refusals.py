"""What the site refuses from a SAML IdP: each answer a clear page, no 500, nothing created."""

import datetime

import pytest
import time_machine
from allauth.socialaccount.models import SocialAccount
from django.conf import settings as django_settings

from accounts.models import User
from accounts.sso_config import providers_from_environment
from tests.sso.conftest import free_port, saml_environment
from tests.sso.dance import saml_post, saml_response, saml_sign_in
from tests.sso.test_saml import person

pytestmark = pytest.mark.django_db

REFUSED = "Sign-in did not work"


def assert_refused(response, status=401):
    """401: python3-saml refused the assertion; 403: it answers no sign-in started here."""
    assert response.status_code == status
    page = response.content.decode()
    assert REFUSED in page and "Traceback" not in page
    assert not User.objects.exists()
    assert not SocialAccount.objects.exists()


def test_an_assertion_changed_after_signing_is_refused(client, saml):
    saml.set_people({"eve": person("eve@med.example.edu", ["student"], tamper=True)})
    assert_refused(saml_sign_in(client, "eve"))


def test_an_expired_assertion_is_refused(client, saml):
    saml.set_people({"late": person("late@med.example.edu", ["student"])})
    acs, response = saml_response(client, "late")
    # The IdP gave it five minutes; the browser posts it an hour later.
    with time_machine.travel(datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)):
        assert_refused(saml_post(client, acs, response))


def test_a_replayed_assertion_is_refused(client, saml):
    saml.set_people({"ada": person("ada@med.example.edu", ["faculty"])})
    acs, response = saml_response(client, "ada")
    assert saml_post(client, acs, response).status_code == 302
    client.logout()
    User.objects.all().delete()
    assert_refused(saml_post(client, acs, response), status=403)


def test_an_assertion_for_another_site_is_refused(client, saml, settings):
    saml.set_people({"ada": person("ada@med.example.edu", ["faculty"])})
    acs, response = saml_response(client, "ada")
    # The site now calls itself something else than the audience the IdP wrote.
    settings.SOCIALACCOUNT_PROVIDERS = providers_from_environment(
        saml_environment(saml, SSO_SAML_SP_ENTITY_ID="https://other.example.edu/saml"),
        default_name=django_settings.SSO_NAME,
    )
    assert_refused(saml_post(client, acs, response))


def test_an_unknown_address_is_refused_when_the_school_makes_the_accounts(client, saml, settings):
    settings.SSO_SIGNUP = False
    saml.set_people({"new": person("new@med.example.edu", ["student"])})
    response = saml_sign_in(client, "new")
    assert response.status_code == 403
    assert "No account for this address" in response.content.decode()
    assert not User.objects.exists() and not SocialAccount.objects.exists()


def test_an_idp_whose_metadata_cannot_be_fetched_gets_a_clear_page(client, saml, settings):
    settings.SOCIALACCOUNT_PROVIDERS = providers_from_environment(
        lambda name: {
            "SSO_SAML_IDP_ENTITY_ID": f"{saml.url}/metadata",
            "SSO_SAML_IDP_METADATA_URL": f"http://127.0.0.1:{free_port()}/metadata",
        }.get(name, ""),
        default_name=django_settings.SSO_NAME,
    )
    response = client.post("/accounts/saml/institution/login/")
    assert response.status_code == 502
    assert REFUSED in response.content.decode()
    assert not User.objects.exists()
