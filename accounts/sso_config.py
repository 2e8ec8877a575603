"""The school's identity provider, read from the environment into allauth's own settings.

A school connects its IdP without code: SSO_OIDC_* for OpenID Connect, SSO_SAML_* for SAML
(README, "Connecting your identity provider"). Each becomes one app in allauth's
SOCIALACCOUNT_PROVIDERS; staff may add more as SocialApp rows in the admin instead.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

# The REFEDS MFA profile, which university IdPs assert for a second factor (SAML
# AuthnContextClassRef, or the OIDC acr claim), and the older OpenID PAPE policy.
REFEDS_MFA = "https://refeds.org/profile/mfa"
PAPE_MULTI_FACTOR = "http://schemas.openid.net/pape/policies/2007/06/multi-factor"

# SAML attribute names: the OID form (urn:oid, what Shibboleth and most university IdPs
# send) first, then the friendly names some IdPs send as the Name itself.
SAML_ATTRIBUTES = {
    "uid": ["urn:oasis:names:tc:SAML:attribute:subject-id", "urn:oid:1.3.6.1.4.1.5923.1.1.1.6"],
    "email": [
        "urn:oid:0.9.2342.19200300.100.1.3",
        "mail",
        "email",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
    ],
    "name": ["urn:oid:2.16.840.1.113730.3.1.241", "displayName"],
    "first_name": ["urn:oid:2.5.4.42", "givenName"],
    "last_name": ["urn:oid:2.5.4.4", "sn"],
}


def providers_from_environment(env, *, default_name):
    """SOCIALACCOUNT_PROVIDERS with the IdP the environment names, if any.

    `env` reads one variable: env(name) -> str, "" when unset. Both protocols may be on at
    once, e.g. while a school moves from one to the other."""
    providers = {
        "openid_connect": {"APPS": []},
        # Also for SAML apps staff add in the admin: keeps the AuthnContextClassRef, where
        # the IdP says whether a second factor was used.
        "saml": {"provider_class": "accounts.saml_provider.InstitutionSAMLProvider", "APPS": []},
    }
    if env("SSO_OIDC_SERVER_URL"):
        providers["openid_connect"]["APPS"].append(oidc_app(env, default_name))
    if env("SSO_SAML_IDP_ENTITY_ID") or env("SSO_SAML_IDP_METADATA_URL"):
        providers["saml"]["APPS"].append(saml_app(env, default_name))
    return providers


def oidc_app(env, default_name):
    missing = [n for n in ("SSO_OIDC_CLIENT_ID", "SSO_OIDC_CLIENT_SECRET") if not env(n)]
    if missing:
        raise ImproperlyConfigured(f"SSO_OIDC_SERVER_URL is set, so set {', '.join(missing)}.")
    app_settings = {"server_url": env("SSO_OIDC_SERVER_URL")}
    if env("SSO_OIDC_SCOPES"):
        app_settings["scope"] = env("SSO_OIDC_SCOPES").replace(",", " ").split()
    if truthy(env, "SSO_OIDC_EMAIL_VERIFIED", default=False):
        # Without it only an `email_verified: true` claim counts as verified.
        app_settings["verified_email"] = True
    return {
        "provider_id": env("SSO_OIDC_ID") or "institution",
        "name": env("SSO_OIDC_NAME") or default_name,
        "client_id": env("SSO_OIDC_CLIENT_ID"),
        "secret": env("SSO_OIDC_CLIENT_SECRET"),
        "settings": app_settings,
    }


def saml_app(env, default_name):
    if env("SSO_SAML_IDP_METADATA_URL"):
        if not env("SSO_SAML_IDP_ENTITY_ID"):
            raise ImproperlyConfigured(
                "SSO_SAML_IDP_METADATA_URL is set, so set SSO_SAML_IDP_ENTITY_ID too "
                "(the metadata may describe several IdPs)."
            )
        idp = {
            "entity_id": env("SSO_SAML_IDP_ENTITY_ID"),
            "metadata_url": env("SSO_SAML_IDP_METADATA_URL"),
        }
    else:
        missing = [n for n in ("SSO_SAML_IDP_SSO_URL", "SSO_SAML_IDP_X509_CERT") if not env(n)]
        if missing:
            raise ImproperlyConfigured(
                f"SSO_SAML_IDP_ENTITY_ID is set, so set {', '.join(missing)} "
                "(or SSO_SAML_IDP_METADATA_URL)."
            )
        idp = {
            "entity_id": env("SSO_SAML_IDP_ENTITY_ID"),
            "sso_url": env("SSO_SAML_IDP_SSO_URL"),
            "x509cert": pem_body(env("SSO_SAML_IDP_X509_CERT")),
        }
    app_settings = {
        "idp": idp,
        "attribute_mapping": SAML_ATTRIBUTES,
        # The school's directory vouches for its addresses; SSO_SAML_EMAIL_VERIFIED=false
        # when the IdP passes on addresses people typed themselves.
        "verified_email": truthy(env, "SSO_SAML_EMAIL_VERIFIED", default=True),
        "advanced": {
            # An unsigned assertion is refused, whatever the IdP signs around it.
            "want_assertion_signed": True,
            "reject_idp_initiated_sso": True,
        },
    }
    if env("SSO_SAML_SP_ENTITY_ID"):
        app_settings["sp"] = {"entity_id": env("SSO_SAML_SP_ENTITY_ID")}
    return {
        # The slug in this site's SAML addresses: /accounts/saml/<slug>/acs/ and metadata/.
        "client_id": env("SSO_SAML_ID") or "institution",
        "name": env("SSO_SAML_NAME") or default_name,
        "settings": app_settings,
    }


def pem_body(value):
    """The certificate as python3-saml takes it: the base64 body, from a PEM text (real
    line breaks or "\\n"), a bare body, or the path of a PEM file."""
    if value.startswith("/"):
        with open(value) as f:
            value = f.read()
    value = value.replace("\\n", "\n")
    lines = [line.strip() for line in value.splitlines()]
    return "".join(line for line in lines if line and not line.startswith("-----"))


def truthy(env, name, *, default):
    value = env(name).lower()
    if value == "":
        return default
    if value not in ("1", "0", "true", "false", "yes", "no"):
        raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")
    return value in ("1", "true", "yes")


def form_action_origins(env):
    """Where the sign-in page's "Continue" may lead: the Content Security Policy's
    form-action covers the redirect to the IdP that follows the form. The IdP's own
    origins, and SSO_CSP_FORM_ACTION for any other (an IdP in the admin, a sign-in page on
    another host than the OpenID configuration)."""
    origins = []
    for name in ("SSO_OIDC_SERVER_URL", "SSO_SAML_IDP_SSO_URL", "SSO_SAML_IDP_METADATA_URL"):
        parts = urlsplit(env(name))
        if parts.scheme and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    origins += [o.strip() for o in env("SSO_CSP_FORM_ACTION").split(",") if o.strip()]
    return list(dict.fromkeys(origins))
