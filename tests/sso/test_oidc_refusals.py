"""What the site refuses from an OpenID provider: each answer a clear page, no 500, and
nothing created."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.conf import settings as django_settings

from accounts.models import User
from accounts.sso_config import providers_from_environment
from tests.sso.conftest import environment, free_port
from tests.sso.dance import oidc_callback_url, oidc_sign_in
from tests.sso.test_oidc import person

pytestmark = pytest.mark.django_db

REFUSED = "Sign-in did not work"


def assert_nothing_created():
    assert not User.objects.exists()
    assert not SocialAccount.objects.exists()


def test_a_token_for_another_client_is_refused(client, oidc):
    oidc.set_people(
        {"eve": {**person("eve@med.example.edu", ["faculty"]), "audience": "another-app"}}
    )
    response = oidc_sign_in(client, "eve")
    assert response.status_code == 401
    assert REFUSED in response.content.decode()
    assert_nothing_created()


def test_an_expired_token_is_refused(client, oidc):
    oidc.set_people({"old": {**person("old@med.example.edu", ["faculty"]), "expires_in": -600}})
    response = oidc_sign_in(client, "old")
    assert response.status_code == 401
    assert REFUSED in response.content.decode()
    assert_nothing_created()


def test_a_replayed_callback_is_refused(client, oidc):
    oidc.set_people({"ada": person("ada@med.example.edu", ["faculty"])})
    callback = oidc_callback_url(client, "ada")
    assert client.get(callback).status_code == 302
    client.logout()
    User.objects.all().delete()
    again = client.get(callback)
    assert again.status_code in (401, 403)
    assert REFUSED in again.content.decode()
    assert_nothing_created()


def test_an_unknown_address_is_refused_when_the_school_makes_the_accounts(client, oidc, settings):
    settings.SSO_SIGNUP = False
    oidc.set_people({"new": person("new@med.example.edu", ["student"])})
    response = oidc_sign_in(client, "new")
    assert response.status_code == 403
    page = response.content.decode()
    assert "No account for this address" in page and "new@med.example.edu" in page
    assert_nothing_created()


def test_an_address_outside_the_schools_domains_is_refused(client, oidc, settings):
    settings.SIGNUP_EMAIL_DOMAINS = ["med.example.edu"]
    oidc.set_people({"out": person("out@gmail.example.com", ["student"])})
    response = oidc_sign_in(client, "out")
    assert response.status_code == 403
    assert "school addresses only (@med.example.edu)" in response.content.decode()
    assert_nothing_created()


def test_a_provider_that_is_down_gets_a_clear_page(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = providers_from_environment(
        environment(
            SSO_OIDC_SERVER_URL=f"http://127.0.0.1:{free_port()}/o",
            SSO_OIDC_CLIENT_ID="mentoring",
            SSO_OIDC_CLIENT_SECRET="s3cret",
        ),
        default_name=django_settings.SSO_NAME,
    )
    response = client.post("/accounts/oidc/institution/login/")
    assert response.status_code == 502
    page = response.content.decode()
    assert REFUSED in page and "Traceback" not in page
    assert_nothing_created()
