"""What the school's identity provider said about a person, in the site's terms.

Pure functions on the attributes (SAML) or claims (OpenID Connect) an IdP sent: which
roles its affiliations name, and whether it asserts a second factor. Nothing here knows
the site's profiles: apps above act on a `SignIn` through settings.SSO_SIGNED_IN_HANDLERS.
"""

from dataclasses import dataclass

FACULTY, STUDENT, STAFF = "faculty", "student", "staff"
AFFILIATION_ROLES = {FACULTY, STUDENT, STAFF}

# eduPersonAffiliation and eduPersonScopedAffiliation, by OID and by friendly name.
SAML_AFFILIATION_ATTRIBUTES = (
    "urn:oid:1.3.6.1.4.1.5923.1.1.1.1",
    "urn:oid:1.3.6.1.4.1.5923.1.1.1.9",
    "eduPersonAffiliation",
    "eduPersonScopedAffiliation",
)
# OpenID Connect `amr` values (RFC 8176) that mean a factor beyond the password.
SECOND_FACTOR_AMR = {"mfa", "otp", "hwk", "sc", "sms", "tel"}
# The key under which the SAML provider keeps the AuthnContextClassRef in the account's data.
SAML_AUTHN_CONTEXTS_KEY = "authn_context_class_refs"


@dataclass(frozen=True)
class SignIn:
    """One sign-in through the IdP, as handlers receive it."""

    protocol: str  # "saml" or "openid_connect"
    roles: frozenset  # of FACULTY, STUDENT, STAFF
    idp_mfa: bool
    is_new_account: bool


def roles_from_affiliations(values):
    """{"faculty", "student", "staff"} named by affiliation values such as "faculty" or
    "Faculty@med.example.edu"; other values (member, employee, alum...) name no role."""
    roles = set()
    for value in values or ():
        if not isinstance(value, str):
            continue
        affiliation = value.partition("@")[0].strip().lower()
        if affiliation in AFFILIATION_ROLES:
            roles.add(affiliation)
    return frozenset(roles)


def roles_from_saml(attributes):
    values = []
    for name in SAML_AFFILIATION_ATTRIBUTES:
        values.extend(as_list(attributes.get(name)))
    return roles_from_affiliations(values)


def roles_from_oidc(claims, claim_names):
    """Roles from the claims named (a claim may be a list, or a string of values separated
    by spaces or commas)."""
    values = []
    for name in claim_names:
        value = claims.get(name)
        if isinstance(value, str):
            value = value.replace(",", " ").split()
        values.extend(as_list(value))
    return roles_from_affiliations(values)


def saml_asserts_mfa(authn_context_class_refs, accepted):
    return bool(set(as_list(authn_context_class_refs)) & set(accepted))


def oidc_asserts_mfa(claims, *, accepted_acr, second_factor_amr=SECOND_FACTOR_AMR):
    amr = {str(v).lower() for v in as_list(claims.get("amr"))}
    return bool(amr & set(second_factor_amr)) or claims.get("acr") in set(accepted_acr)


def as_list(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]
