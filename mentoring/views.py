from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from mentoring.lib.cache import cache_state


@login_not_required
def landing(request):
    if request.user.is_authenticated:
        return redirect("home")
    return render(request, "landing.html")


def home(request):
    return render(request, "home.html")


@login_not_required
@require_safe
def healthz(request):
    """For a load balancer's health check, and the benchmark's trivial view: the cost of the
    server and middleware alone, with no template and no query. Also says which cache
    answers (as this process last found it, without asking Redis): a Redis outage
    slows pages down but does not make the site unhealthy."""
    return HttpResponse(f"ok\ncache: {cache_state(cache)}\n", content_type="text/plain")


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
