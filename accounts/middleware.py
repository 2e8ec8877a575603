import zoneinfo

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone


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
    return any(record["method"] == "mfa" for record in get_authentication_records(request))
