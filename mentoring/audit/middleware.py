from django.core.exceptions import PermissionDenied
from django.http import Http404

from mentoring.audit.models import AdminView, DeniedAccess


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
            DeniedAccess.record(
                user,
                method=request.method,
                path=request.path[:300],
                url_name=(request.resolver_match.view_name or "")[:100],
                status=403 if isinstance(exception, PermissionDenied) else 404,
            )
        return None  # Django still answers with its 403 or 404 page


# The admin's views that show rows, by the suffix of their URL names ("meetings_meeting_change").
ADMIN_READS = ("_changelist", "_change", "_history", "_delete")


class AdminViewMiddleware:
    """Records each list or record a staff member opens in the admin (who, which model and
    row, when), before the view runs, so that a look is recorded even if the page fails."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        # The admin marks each model's views with their ModelAdmin.
        model_admin = getattr(view_func, "model_admin", None)
        if model_admin is None or not match.url_name.endswith(ADMIN_READS):
            return None
        user = request.user
        if not (user.is_authenticated and user.is_staff):
            return None  # the admin sends them away; DeniedAccess has any refusal
        AdminView.record(
            user,
            model=model_admin.model._meta.label_lower,
            object_id=str(view_kwargs.get("object_id", ""))[:40],
            url_name=match.view_name[:100],
        )
        return None
