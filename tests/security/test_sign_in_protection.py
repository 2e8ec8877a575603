"""Sign-in protection: allauth's rate limits, the admin's sign-in, two-factor sign-in."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from tests.factories import make_user

PASSWORD = "a-long-test-password"

pytestmark = pytest.mark.django_db


def sign_in(client, user, password=PASSWORD, **extra):
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return client.post(
        reverse("account_login"), {"login": user.email, "password": password, **extra}
    )


def confirm_password(client):
    """allauth asks for the password again before an authenticator is added."""
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def current_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def with_totp(user):
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


# Rate limits: allauth counts in the cache (Redis in CI); tests/conftest.py clears it.


def test_repeated_wrong_passwords_for_one_address_are_refused_even_when_then_right(client):
    user = make_user(email="target@example.edu")
    for _ in range(5):
        response = sign_in(client, user, "wrong-password")
        assert "The e-mail address and/or password you specified are not correct" in (
            response.content.decode()
        )
    response = sign_in(client, user)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_flood_of_sign_ups_from_one_address_gets_429(client):
    answers = [
        client.post(reverse("account_signup"), {"email": f"n{i}@example.edu", "password1": "x"})
        for i in range(21)
    ]
    assert [a.status_code for a in answers[:20]] == [200] * 20  # each a form with errors
    assert answers[20].status_code == 429
    assert "Too many attempts" in answers[20].content.decode()


def test_password_resets_for_one_address_are_limited(client, mailoutbox):
    user = make_user(email="reset@example.edu")
    for _ in range(5):
        client.post(reverse("account_reset_password"), {"email": user.email})
    sent = len(mailoutbox)
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 429
    assert "Wait a few minutes" in response.content.decode()
    assert sent == 5
    assert len(mailoutbox) == sent


# The admin's sign-in


def test_the_admin_sign_in_sends_to_the_rate_limited_sign_in_page(client):
    response = client.get(reverse("admin:login") + "?next=/admin/audit/")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=/admin/audit/"
    # And the admin's own form cannot be posted to around it.
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_anonymous_visit_to_the_admin_ends_at_the_site_sign_in(client):
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert response.status_code == 200


def test_the_admin_sign_in_refuses_signed_in_people_without_staff_rights(client, mentee):
    client.force_login(mentee)
    assert client.get(reverse("admin:login")).status_code == 403


def test_staff_signing_in_for_the_admin_land_on_it(client, staff):
    response = sign_in(client, staff, next="/admin/")
    assert response["Location"] == reverse("admin:index")
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_admin_sign_in_is_throttled_like_the_site(client, staff):
    for _ in range(5):
        sign_in(client, staff, "wrong-password")
    response = sign_in(client, staff)
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


# Two-factor sign-in


def test_anyone_can_turn_on_an_authenticator_app(client, mentee):
    client.force_login(mentee)
    assert client.get(reverse("mfa_activate_totp"))["Location"].startswith(
        reverse("account_reauthenticate")
    )
    confirm_password(client)
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert "Activate authenticator app" in page.content.decode()
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=mentee, type=Authenticator.Type.TOTP).exists()


def test_a_wrong_code_turns_nothing_on(client, mentee):
    client.force_login(mentee)
    confirm_password(client)
    client.get(reverse("mfa_activate_totp"))
    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert not Authenticator.objects.filter(user=mentee).exists()


def test_with_an_authenticator_the_password_alone_does_not_sign_in(client, coordinator):
    secret = with_totp(coordinator)
    response = sign_in(client, coordinator)
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "Incorrect code" in wrong.content.decode()
    assert "_auth_user_id" not in client.session
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert client.session["_auth_user_id"] == str(coordinator.pk)


@pytest.fixture
def mfa_required(settings):
    settings.MFA_REQUIRED_FOR_OVERSIGHT = True


def test_when_required_a_coordinator_without_it_is_sent_to_set_it_up(
    client, coordinator, clerkship, mfa_required
):
    sign_in(client, coordinator)
    confirm_password(client)
    response = client.get(reverse("dashboards:clerkship", args=[clerkship.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert "need two-factor sign-in" in response.content.decode()
    # Pages that show no student-level data stay open.
    assert client.get(reverse("home")).status_code == 200


def test_when_required_staff_without_it_cannot_open_the_admin(client, staff, mfa_required):
    sign_in(client, staff)
    response = client.get(reverse("admin:index"))
    assert response["Location"] == reverse("mfa_activate_totp")


def test_when_required_a_session_signed_in_with_the_second_factor_opens_the_dashboard(
    client, coordinator, clerkship, mfa_required
):
    secret = with_totp(coordinator)
    sign_in(client, coordinator)
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    response = client.get(reverse("dashboards:clerkship", args=[clerkship.pk]))
    assert response.status_code == 200


def test_when_required_turning_it_on_in_the_session_opens_the_dashboard(
    client, coordinator, clerkship, mfa_required
):
    sign_in(client, coordinator)
    confirm_password(client)
    page = client.get(reverse("mfa_activate_totp"))
    client.post(reverse("mfa_activate_totp"), {"code": current_code(page.context["form"].secret)})
    response = client.get(reverse("dashboards:clerkship", args=[clerkship.pk]))
    assert response.status_code == 200


def test_when_not_required_the_password_is_enough(client, coordinator, clerkship):
    sign_in(client, coordinator)
    response = client.get(reverse("dashboards:clerkship", args=[clerkship.pk]))
    assert response.status_code == 200


def test_account_settings_offer_two_factor_sign_in(client, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("profiles:account-settings")).content.decode()
    assert reverse("mfa_index") in page
    assert "which dashboards and clerkships may require" in page
