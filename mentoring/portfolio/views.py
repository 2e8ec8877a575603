"""The faculty member's own portfolio page and its downloads, and the mentee's consent page.

A portfolio is its mentor's alone: there is no URL for anyone else's, and a person who has
never been a mentor gets a 404. Staff and coordinators see totals only (dashboards).
"""

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.db.models import Exists
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from accounts.models import User
from mentoring.mentorships.models import Mentorship
from mentoring.portfolio import downloads
from mentoring.portfolio.figures import MIN_ANSWERING, describe, portfolio_for
from mentoring.portfolio.forms import ConsentForm, PeriodForm, preset_periods
from mentoring.portfolio.lineage import lineage_of
from mentoring.portfolio.pdf import pdf_available, pdf_bytes
from mentoring.profiles.models import MentorProfile


def mentor_or_404(user):
    """Someone with a mentor's role, or who has mentored here: one query."""
    is_mentor = User.objects.filter(pk=user.pk).filter(
        Exists(MentorProfile.objects.filter(user=user))
        | Exists(Mentorship.objects.filter(mentor=user))
    )
    if not is_mentor.exists():
        raise Http404


def period_of(request):
    """(form, start, end, problems) from the GET data."""
    form = PeriodForm(request.GET)
    start, end, problems = form.period()
    return form, start, end, problems


def query_for(start, end):
    return urlencode({"start": start.isoformat(), "end": end.isoformat()})


def context_for(request, start, end):
    return {
        "portfolio": portfolio_for(request.user, start, end),
        "lineage": lineage_of(request.user),
        "min_answering": MIN_ANSWERING,
    }


@require_safe
def my_portfolio(request):
    mentor_or_404(request.user)
    form, start, end, problems = period_of(request)
    if not problems:
        # Show the period in effect, defaults filled in, rather than what was typed.
        form = PeriodForm(initial={"start": start, "end": end})
    context = context_for(request, start, end) | {
        "form": form,
        "problems": problems,
        "query": query_for(start, end),
        "presets": [(label, query_for(s, e)) for label, s, e in preset_periods()],
        "pdf_available": pdf_available(),
    }
    return render(request, "portfolio/portfolio.html", context)


def download(request, extension):
    """The period's portfolio as a file; a wrong period goes back to the page, which says
    what is wrong."""
    mentor_or_404(request.user)
    _, start, end, problems = period_of(request)
    if problems:
        return redirect(f"{reverse('portfolio:mine')}?{request.GET.urlencode()}")
    if extension == "pdf" and not pdf_available():
        messages.error(
            request,
            "PDF is unavailable on this server (its PDF library or fonts are not installed). "
            "The CSV and JSON downloads work.",
        )
        return redirect(f"{reverse('portfolio:mine')}?{query_for(start, end)}")
    context = context_for(request, start, end)
    name = f"mentoring-portfolio-{start:%Y%m%d}-{end:%Y%m%d}.{extension}"
    if extension == "pdf":
        response = HttpResponse(pdf_bytes(context), content_type="application/pdf")
    elif extension == "csv":
        text = downloads.csv_text(context["portfolio"])
        response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    else:
        data = downloads.as_json(context["portfolio"], context["lineage"])
        text = json.dumps(data, indent=2, ensure_ascii=False)
        response = HttpResponse(text, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def download_pdf(request):
    return download(request, "pdf")


@require_safe
def download_csv(request):
    return download(request, "csv")


@require_safe
def download_json(request):
    return download(request, "json")


@require_http_methods(["GET", "HEAD", "POST"])
def consent(request, pk):
    """The mentee's choices: the consent is theirs, so the mentor too gets a 404."""
    mentorship = get_object_or_404(
        Mentorship.objects.filter(mentee=request.user).select_related(
            "mentor", "mentee", "programme_at_start", "stage_at_start"
        ),
        pk=pk,
    )
    data = request.POST if request.method == "POST" else None
    form = ConsentForm(data, mentorship=mentorship)
    if form.is_valid():
        form.save()
        messages.success(request, "Saved. Your mentor's portfolio shows this from now on.")
        return redirect("portfolio:consent", pk)
    description = describe(mentorship.programme_at_start, mentorship.stage_at_start)
    return render(
        request,
        "portfolio/consent.html",
        {"form": form, "mentorship": mentorship, "description": description},
    )
