"""allauth's SAML provider, keeping what the IdP said about how the person signed in.

allauth stores a SAML account's attributes only; whether the IdP used a second factor is in
the assertion's AuthnContextClassRef, which OversightRequiresMFAMiddleware needs. Named in
SOCIALACCOUNT_PROVIDERS["saml"]["provider_class"], allauth's documented way to extend it.
"""

from allauth.socialaccount.providers.saml.provider import SAMLProvider

from accounts.sso import SAML_AUTHN_CONTEXTS_KEY


class InstitutionSAMLProvider(SAMLProvider):
    # allauth finds a provider's URLs and views in its package: SAML's own.
    package = "allauth.socialaccount.providers.saml"

    def extract_extra_data(self, data):
        return {
            **super().extract_extra_data(data),
            SAML_AUTHN_CONTEXTS_KEY: data.get_last_authn_contexts(),
        }
