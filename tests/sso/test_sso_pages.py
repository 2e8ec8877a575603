"""The school's sign-in pages in the site's layout and words (tests/accounts/test_wording.py)."""

import pytest

from tests.accounts.test_wording import check_wording
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def oidc(oidc, settings):
    # One word: check_wording reads two capitalised words in a row as allauth's title case.
    settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]["name"] = "Caltech"
    return oidc


def test_the_sign_in_page_with_the_school_uses_the_sites_words(client, oidc):
    text = check_wording(client, "/accounts/login/")
    assert "Sign in with Caltech" in text
    assert "Or sign in with your e-mail address and password" in text


def test_the_step_before_the_idp_says_where_it_goes(client, oidc, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        text = check_wording(client, "/accounts/oidc/institution/login/")
    assert "Sign in with Caltech" in text
    assert "You are about to sign in through Caltech" in text


def test_the_connections_page_uses_the_sites_words(client, oidc):
    client.force_login(make_user())
    text = check_wording(client, "/accounts/3rdparty/")
    assert "Connect your school's sign-in" in text
