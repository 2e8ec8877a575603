from django.core.exceptions import PermissionDenied
from django.http import Http404

from mentoring.audit.models import DeniedAccess


class DeniedAccessMiddleware:
    """Records each refusal a view gives a signed-in person: PermissionDenied (403) or
    Http404, which scoped querysets raise for what is not theirs to know of.

    Only what views raise: a path no route matches (a mistyped address, a scanner's
    /wp-admin) tells nothing about anyone's data, and a CSRF failure is the browser's
    stale form or another site's forgery, not this person reaching for data. Pages people
    may see cost nothing more."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (Http404, PermissionDenied)):
            return None
        user = request.user
        if user.is_authenticated:
            DeniedAccess.objects.create(
                user=user,
                email=user.email,
                method=request.method,
                path=request.path[:300],
                url_name=(request.resolver_match.view_name or "")[:100],
                status=403 if isinstance(exception, PermissionDenied) else 404,
            )
        return None  # Django still answers with its 403 or 404 page
