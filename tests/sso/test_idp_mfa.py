"""A second factor at the school's IdP counts for MFA_REQUIRED_FOR_OVERSIGHT when the IdP
asserts it (OpenID Connect amr/acr here; SAML's AuthnContextClassRef in test_saml.py)."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.sso.dance import oidc_sign_in
from tests.sso.test_oidc import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_at_idp(coordinator, oidc, settings):
    settings.MFA_REQUIRED_FOR_OVERSIGHT = True
    EmailAddress.objects.create(
        user=coordinator, email=coordinator.email, verified=True, primary=True
    )
    return coordinator


@pytest.mark.parametrize(
    "claims",
    [{"amr": ["pwd", "otp"]}, {"amr": ["mfa"]}, {"acr": "https://refeds.org/profile/mfa"}],
    ids=["amr-otp", "amr-mfa", "acr-refeds"],
)
def test_a_second_factor_at_the_idp_opens_the_dashboards(
    client, coordinator_at_idp, clerkship, oidc, claims, django_assert_max_num_queries
):
    oidc.set_people({"coord": person(coordinator_at_idp.email, ["staff"], **claims)})
    oidc_sign_in(client, "coord")
    dashboard = reverse("dashboards:clerkship", args=[clerkship.pk])
    assert client.get(dashboard).status_code == 200
    with django_assert_max_num_queries(12):  # the figures kept since the first visit
        assert client.get(dashboard).status_code == 200


def test_without_it_the_coordinator_is_sent_to_set_up_an_authenticator(
    client, coordinator_at_idp, clerkship, oidc
):
    oidc.set_people({"coord": person(coordinator_at_idp.email, ["staff"], amr=["pwd"], acr="1")})
    oidc_sign_in(client, "coord")
    response = client.get(reverse("dashboards:clerkship", args=[clerkship.pk]))
    assert response["Location"] == reverse("mfa_activate_totp")
