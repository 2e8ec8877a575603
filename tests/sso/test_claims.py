"""accounts/sso.py and sso_config.py: what an IdP's attributes and the environment mean."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from accounts import sso
from accounts.sso_config import form_action_origins, pem_body, providers_from_environment
from tests.sso.conftest import environment


def test_affiliations_name_roles_scoped_or_not_and_ignore_the_rest():
    values = ["Faculty@med.example.edu", "member", "employee", "student", "alum"]
    assert sso.roles_from_affiliations(values) == {"faculty", "student"}
    saml = {"urn:oid:1.3.6.1.4.1.5923.1.1.1.9": ["staff@med.example.edu"]}
    assert sso.roles_from_saml(saml) == {"staff"}


def test_an_oidc_role_claim_may_be_a_list_or_a_string():
    assert sso.roles_from_oidc({"roles": "faculty, student"}, ["roles"]) == {"faculty", "student"}
    assert sso.roles_from_oidc({"aff": ["faculty@x.edu"]}, ["roles", "aff"]) == {"faculty"}
    assert sso.roles_from_oidc({}, ["roles"]) == frozenset()


@pytest.mark.parametrize(
    ("claims", "mfa"),
    [
        ({"amr": ["pwd", "otp"]}, True),
        ({"amr": ["hwk"]}, True),
        ({"amr": ["pwd"]}, False),
        ({"acr": "https://refeds.org/profile/mfa"}, True),
        ({"acr": "urn:mace:incommon:iap:silver"}, False),
        ({}, False),
    ],
)
def test_oidc_mfa_from_amr_or_acr(claims, mfa):
    assert sso.oidc_asserts_mfa(claims, accepted_acr=["https://refeds.org/profile/mfa"]) is mfa


def test_saml_mfa_from_the_authn_context():
    accepted = ["https://refeds.org/profile/mfa"]
    assert sso.saml_asserts_mfa(["https://refeds.org/profile/mfa"], accepted)
    assert not sso.saml_asserts_mfa(
        ["urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"], accepted
    )


def test_no_idp_configured_gives_no_apps():
    providers = providers_from_environment(environment(), default_name="x")
    assert providers["openid_connect"]["APPS"] == providers["saml"]["APPS"] == []


def test_a_half_configured_idp_stops_start_up_with_the_missing_variable_named():
    with pytest.raises(ImproperlyConfigured, match="SSO_OIDC_CLIENT_SECRET"):
        providers_from_environment(
            environment(SSO_OIDC_SERVER_URL="https://idp.example.edu", SSO_OIDC_CLIENT_ID="a"),
            default_name="x",
        )
    with pytest.raises(ImproperlyConfigured, match="SSO_SAML_IDP_X509_CERT"):
        providers_from_environment(
            environment(SSO_SAML_IDP_ENTITY_ID="e", SSO_SAML_IDP_SSO_URL="https://i/sso"),
            default_name="x",
        )


def test_a_certificate_is_taken_as_pem_with_escaped_line_breaks():
    assert (
        pem_body("-----BEGIN CERTIFICATE-----\\nMIIB\\nAbC=\\n-----END CERTIFICATE-----")
        == "MIIBAbC="
    )


def test_the_idps_origins_may_take_the_sign_in_form():
    env = environment(
        SSO_OIDC_SERVER_URL="https://login.example.edu/realms/med",
        SSO_SAML_IDP_SSO_URL="https://idp.example.edu/idp/profile/SAML2/Redirect/SSO",
        SSO_CSP_FORM_ACTION="https://other.example.edu",
    )
    assert form_action_origins(env) == [
        "https://login.example.edu",
        "https://idp.example.edu",
        "https://other.example.edu",
    ]
