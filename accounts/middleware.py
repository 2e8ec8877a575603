import logging
import zoneinfo
from urllib.error import URLError

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from onelogin.saml2.errors import OneLogin_Saml2_Error
from requests import RequestException

from accounts.idp_sign_in import signed_in_with_idp_mfa

logger = logging.getLogger(__name__)

# allauth's URL names for the sign-in views of its OpenID Connect and SAML providers.
SOCIAL_VIEWS = ("openid_connect_", "saml_")
# An IdP unreachable (requests for OpenID Connect, urllib for SAML metadata), a SAML
# message python3-saml can't read, or an answer to no sign-in this browser started (a
# replayed assertion: allauth finds no matching state and raises PermissionDenied).
IDP_TROUBLE = (RequestException, URLError, OneLogin_Saml2_Error, PermissionDenied)
UNREACHABLE = (RequestException, URLError)


class UserTimeZoneMiddleware:
    """Show every date in the signed-in person's own time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


class OversightRequiresMFAMiddleware:
    """With MFA_REQUIRED_FOR_OVERSIGHT on, the pages that show student-level data to
    coordinators and staff need a session signed in with a second factor, so that a
    phished password alone does not open a clerkship's students.

    Scoped to those pages rather than to the people: a coordinator is one by a row in a
    clerkship, and checking that on every page would cost every page a query."""

    OVERSIGHT_NAMESPACES = {"dashboards", "clerkships", "admin"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.MFA_REQUIRED_FOR_OVERSIGHT or not request.user.is_authenticated:
            return None
        if not self.OVERSIGHT_NAMESPACES.intersection(request.resolver_match.namespaces):
            return None
        if signed_in_with_mfa(request):
            return None
        if is_mfa_enabled(request.user):
            # Turned on during this session: the code entered to turn it on was the proof.
            return None
        messages.info(
            request,
            "Dashboards, clerkships and the administration need two-factor sign-in. "
            "Set up an authenticator app to continue.",
        )
        return redirect("mfa_activate_totp")


def signed_in_with_mfa(request):
    """A second factor here (allauth's records of this session) or at the school's IdP,
    when it asserted one (accounts/idp_sign_in.py)."""
    if signed_in_with_idp_mfa(request):
        return True
    return any(record["method"] == "mfa" for record in get_authentication_records(request))


class IdentityProviderTroubleMiddleware:
    """The school's IdP down or answering garbage while a sign-in starts (allauth fetches
    its OpenID configuration or SAML metadata then) or ends: the page that says sign-in did
    not work, as for any answer refused, never a 500. Only on allauth's social sign-in
    views; the error is logged with its traceback for IT."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = request.resolver_match
        if match is None or not match.url_name or not match.url_name.startswith(SOCIAL_VIEWS):
            return None
        if not isinstance(exception, IDP_TROUBLE):
            return None
        logger.exception("Sign-in through the identity provider failed at %s", request.path)
        return render(
            request,
            "socialaccount/authentication_error.html",
            {"auth_error": {"exception": exception}},
            status=502 if isinstance(exception, UNREACHABLE) else 403,
        )
