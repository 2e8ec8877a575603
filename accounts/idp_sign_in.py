"""A sign-in through the school's identity provider: what it asserted, kept for the session
and handed to the apps that act on it (settings.SSO_SIGNED_IN_HANDLERS).

Also SSO_ONLY's rule for password sign-in: only break-glass accounts keep it, so that the
school's IT can still reach the admin while its IdP is down or misconfigured.
"""

from allauth.socialaccount.adapter import get_adapter as get_social_adapter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.module_loading import import_string

from accounts import sso

# The session remembers that the IdP asserted a second factor, for this user only. allauth's
# authentication records can be read through its public API but not written, so the fact
# lives under a key of ours (accounts.middleware reads both).
IDP_MFA_SESSION_KEY = "sso_idp_mfa_user"


def sign_in_from(sociallogin, *, is_new_account):
    protocol = sociallogin.provider.app.provider
    data = sociallogin.account.extra_data or {}
    if protocol == "saml":
        return sso.SignIn(
            protocol=protocol,
            roles=sso.roles_from_saml(data),
            idp_mfa=sso.saml_asserts_mfa(
                data.get(sso.SAML_AUTHN_CONTEXTS_KEY), settings.SSO_SAML_MFA_CONTEXTS
            ),
            is_new_account=is_new_account,
        )
    # OpenID Connect: allauth keeps the userinfo answer and the ID token's claims; the ID
    # token says how the person signed in (amr, acr).
    id_token = data.get("id_token") or {}
    claims = {**(data.get("userinfo") or {}), **id_token}
    return sso.SignIn(
        protocol=protocol,
        roles=sso.roles_from_oidc(claims, settings.SSO_OIDC_ROLE_CLAIMS),
        idp_mfa=sso.oidc_asserts_mfa(id_token, accepted_acr=settings.SSO_OIDC_MFA_ACR),
        is_new_account=is_new_account,
    )


def signed_in(request, user, sociallogin, *, is_new_account):
    sign_in = sign_in_from(sociallogin, is_new_account=is_new_account)
    if sign_in.idp_mfa:
        request.session[IDP_MFA_SESSION_KEY] = str(user.pk)
    else:
        request.session.pop(IDP_MFA_SESSION_KEY, None)
    for path in settings.SSO_SIGNED_IN_HANDLERS:
        import_string(path)(request, user, sign_in)
    return sign_in


def signed_in_with_idp_mfa(request):
    return request.session.get(IDP_MFA_SESSION_KEY) == str(request.user.pk)


def is_break_glass(email):
    """May this address sign in with a password while SSO_ONLY is on? The addresses in
    SSO_BREAK_GLASS_EMAILS, and active superusers (made with `manage.py createsuperuser`),
    so that IT never depends on the IdP to reach the admin."""
    email = (email or "").strip().lower()
    if not email:
        return False
    if email in settings.SSO_BREAK_GLASS_EMAILS:
        return True
    return get_user_model().objects.filter(email=email, is_superuser=True, is_active=True).exists()


def sso_only_message():
    return (
        f"{settings.SITE_NAME} signs people in through {settings.SSO_NAME}: "
        f"use the “Sign in with {settings.SSO_NAME}” button."
    )


def is_configured():
    """Does the site offer sign-in through an IdP: one configured from the environment
    (SOCIALACCOUNT_PROVIDERS) or a SocialApp staff added in the admin?"""
    return bool(get_social_adapter().list_apps(None))
