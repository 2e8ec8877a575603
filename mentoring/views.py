from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe


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
    server and middleware alone, with no template and no query."""
    return HttpResponse("ok\n", content_type="text/plain")
