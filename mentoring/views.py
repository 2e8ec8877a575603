from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from mentoring.dashboards.changes import changes_since_last_visit
from mentoring.lib.cache import cache_state
from mentoring.navigation import roles_of
from mentoring.next_steps import next_steps
from mentoring.notifications.delivery import outbox_status
from mentoring.operations import readiness


@login_not_required
def landing(request):
    if request.user.is_authenticated:
        return redirect("home")
    return render(request, "landing.html")


def home(request):
    roles = roles_of(request.user)
    return render(
        request,
        "home.html",
        {
            # The navigation's own roles, so that the page asks for them once.
            "nav": roles,
            "steps": next_steps(request.user, roles),
            "clerkship_changes": changes_since_last_visit(request.user)
            if roles["is_coordinator"]
            else [],
        },
    )


@login_not_required
@require_safe
def healthz(request):
    """For a load balancer's health check, and the benchmark's trivial view: the cost of the
    server and middleware alone, with no template and no query. Also says which cache
    answers (as this process last found it, without asking Redis): a Redis outage
    slows pages down but does not make the site unhealthy."""
    return HttpResponse(f"ok\ncache: {cache_state(cache)}\n", content_type="text/plain")


@login_not_required
@require_safe
def readyz(request):
    """Readiness for monitoring: 503 naming each failing part (the database, the cache, the
    broker, a scheduler silent for SCHEDULER_SILENT_MINUTES), with the outbox's counts. A
    load balancer checks /healthz/ instead: pages still work with Redis or beat down."""
    figures, problems = readiness.problems()
    body = {"status": "unavailable" if problems else "ok", "problems": problems, **figures}
    body["cache_in_use"] = cache_state(cache)
    if figures["database"] == "ok":
        body["outbox"] = outbox_status()
    return JsonResponse(body, status=503 if problems else 200)


@login_not_required
@require_safe
def delivery_ready(request):
    """For monitoring to alert on: 503 while e-mail delivery has stalled (no worker sending,
    or the mail server failing, for NOTIFICATION_STALLED_MINUTES). Counts only."""
    outbox = outbox_status()
    return JsonResponse(outbox, status=503 if outbox["stalled"] else 200)


@login_not_required
def admin_sign_in(request, extra_context=None):
    """The admin's sign-in page sends staff to the site's own, so that signing in to the
    admin is rate-limited and asks for the second factor like everywhere else; Django's
    admin form has neither."""
    if request.user.is_authenticated:
        if request.user.is_active and request.user.is_staff:
            return redirect("admin:index")
        # admin_view sends signed-in people without staff rights here.
        raise PermissionDenied("The administration is for staff only.")
    return redirect_to_login(
        request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index"),
        login_url=reverse("account_login"),
    )
