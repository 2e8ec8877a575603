"""CSRF on every unsafe request: a POST without a token, from the one person the route
would otherwise serve, is turned away and changes nothing."""

import pytest
from django.apps import apps
from django.test import Client

from mentoring.notifications import preferences
from mentoring.notifications.models import EmailChoice
from tests.security.test_authorization_matrix import MATRIX, url_for

# Routes that take no CSRF token, on purpose.
EXEMPT = {
    # RFC 8058 one-click unsubscribe: the mail client POSTs with no token and no session;
    # the signed token in the URL is the credential (see notifications.views.unsubscribe).
    "notifications:unsubscribe",
    # The calendar feed is GET only (require_safe): calendar apps never POST, and with or
    # without a token a POST is turned away (403 here, 405 in the matrix) before any change.
    "meetings:feed",
    # SAML's Assertion Consumer Service: the IdP's page POSTs the signed assertion across
    # sites, with no token (allauth exempts it); the assertion's signature, audience, expiry
    # and one-time use are the credential (tests/sso/test_saml_refusals.py). Without one
    # it only leads to the refusal page.
    "saml_acs",
}


def actor(row):
    """Whoever a tokenless POST would otherwise serve: a form re-rendered (200) first,
    then an action done (302)."""
    acting = [p for p, answer in row["POST"].items() if answer in (200, 302)]
    return min(acting, key=lambda p: row["POST"][p] != 200, default=None)


CASES = [
    pytest.param(route, actor(row), id=route)
    for route, row in MATRIX.items()
    if route not in EXEMPT and actor(row) is not None
]


def snapshot():
    """Every row of every table, to show that a refused POST wrote nothing."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
    }


def client_for(person):
    client = Client(enforce_csrf_checks=True)
    if person is not None:
        client.force_login(person)
    return client


def test_exempt_routes_are_still_in_the_matrix():
    assert not EXEMPT - set(MATRIX)


@pytest.mark.parametrize(("route", "persona"), CASES)
def test_post_without_token_is_refused(security_world, route, persona):
    client = client_for(security_world.people[persona])
    before = snapshot()
    response = client.post(url_for(route, security_world))
    assert response.status_code == 403, f"{route} as {persona}"
    assert b"CSRF" in response.content
    assert snapshot() == before


def test_post_with_token_is_served(security_world):
    # The refusals above are CSRF's, not a client that can do nothing.
    client = client_for(security_world.people["mentee"])
    client.get(url_for("home", security_world))
    token = client.cookies["csrftoken"].value
    response = client.post(
        url_for("notifications:read-all", security_world), HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 302


def test_one_click_unsubscribe_needs_no_token(security_world):
    mentee = security_world.people["mentee"]
    response = client_for(None).post(url_for("notifications:unsubscribe", security_world))
    assert response.status_code == 302
    choices = preferences.choices_of(mentee)
    for category in preferences.categories_in_scope(mentee, "other"):
        assert choices[category] == EmailChoice.OFF


def test_calendar_feed_takes_no_post(security_world):
    before = snapshot()
    response = client_for(None).post(url_for("meetings:feed", security_world))
    assert response.status_code in (403, 405)
    assert snapshot() == before
