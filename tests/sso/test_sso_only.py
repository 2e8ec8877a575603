"""SSO_ONLY: everyone signs in through the school, except break-glass accounts (superusers
and SSO_BREAK_GLASS_EMAILS), so that IT can reach the admin while the IdP is down."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"  # tests.factories.make_user's


@pytest.fixture
def sso_only(settings, oidc):
    settings.SSO_ONLY = True
    settings.SSO_NAME = "Example University"


def sign_in(client, user, password=PASSWORD):
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return client.post(reverse("account_login"), {"login": user.email, "password": password})


def test_the_sign_in_page_offers_only_the_school(client, sso_only, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        page = client.get(reverse("account_login")).content.decode()
    assert "Sign in with Example University" in page
    assert 'name="password"' not in page
    assert "Sign up" not in page
    assert "break-glass account" in page


def test_the_landing_page_leads_to_the_school_not_to_sign_up(client, sso_only):
    page = client.get("/").content.decode()
    assert "Sign in with Example University" in page
    assert reverse("account_signup") not in page
    assert "Create an account" not in page


def test_it_staff_find_the_password_form_behind_a_link(client, sso_only):
    page = client.get(reverse("account_login") + "?break_glass=1").content.decode()
    assert 'name="password"' in page


def test_a_password_is_refused_without_being_checked(client, sso_only):
    person = make_user(email="ada@med.example.edu")
    for password in (PASSWORD, "wrong-password"):
        response = sign_in(client, person, password)
        assert response.status_code == 200
        assert "signs people in through Example University" in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_a_superuser_still_signs_in_with_a_password(client, sso_only):
    admin = make_user(email="it@med.example.edu", is_staff=True, is_superuser=True)
    response = sign_in(client, admin)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin.pk)


def test_an_address_on_the_break_glass_list_still_signs_in_with_a_password(
    client, sso_only, settings
):
    settings.SSO_BREAK_GLASS_EMAILS = ["ops@med.example.edu"]
    ops = make_user(email="ops@med.example.edu", is_staff=True)
    assert sign_in(client, ops).status_code == 302
    assert client.session["_auth_user_id"] == str(ops.pk)


def test_sign_up_with_a_password_is_closed(client, sso_only):
    page = client.get(reverse("account_signup")).content.decode()
    assert "Sign up through your school" in page and "Sign in with Example University" in page
    client.post(
        reverse("account_signup"),
        {
            "email": "new@med.example.edu",
            "password1": "x-Very-long-1",
            "password2": "x-Very-long-1",
        },
    )
    assert not User.objects.filter(email="new@med.example.edu").exists()


def test_a_password_reset_is_for_break_glass_accounts_only(client, sso_only, mailoutbox):
    person = make_user(email="ada@med.example.edu")
    EmailAddress.objects.create(user=person, email=person.email, verified=True, primary=True)
    response = client.post(reverse("account_reset_password"), {"email": person.email})
    assert "signs people in through Example University" in response.content.decode()
    assert not mailoutbox
    admin = make_user(email="it@med.example.edu", is_superuser=True, is_staff=True)
    EmailAddress.objects.create(user=admin, email=admin.email, verified=True, primary=True)
    client.post(reverse("account_reset_password"), {"email": admin.email})
    assert len(mailoutbox) == 1
