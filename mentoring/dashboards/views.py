"""Coordinator and school-wide dashboards.

A clerkship's dashboard is for its coordinators and staff, a programme's for the
programme's coordinators and staff, the school's for staff; anyone else gets a 404, so
that a clerkship's or a programme's existence does not leak. Pages show aggregates and
faculty load; the one student-level page (students without an active mentor), downloads
of student rows and sending recommendations each write an AccessLog row.
The aggregate figures are kept a few minutes (kept_figures.py); student rows never are.
"""

import csv
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from mentoring.clerkships.models import Clerkship
from mentoring.dashboards import aggregates, students
from mentoring.dashboards.addresses import period_query, recommend_url, urls_for
from mentoring.dashboards.forms import PeriodForm, RecommendationNoteForm, preset_periods
from mentoring.dashboards.kept_figures import FRESH_FOR, figures_for, forget
from mentoring.dashboards.models import AccessLog, DashboardVisit
from mentoring.dashboards.scope import Scope
from mentoring.dashboards.send_recommendations import Outcome, send_recommendations
from mentoring.lib.csv_files import csv_cell
from mentoring.programmes.models import Programme

PAGE_SIZE = 25
Action = AccessLog.Action


def staff_only(user):
    if not user.is_staff:
        raise Http404


def scope_from(data, clerkship, programme=None):
    """The period asked for in GET or POST data; the default one, and why, if it is wrong."""
    form = PeriodForm(data)
    start, end, problems = form.period()
    return form, Scope(clerkship, start, end, programme), problems


def programme_choices(user, scope):
    """For staff on the school's or a programme's dashboard: the school and each programme,
    (name, URL of its dashboard, whether it is this one), the period kept."""
    if not user.is_staff or scope.clerkship is not None:
        return []
    query = period_query(scope)
    choices = [("The whole school", f"{reverse('dashboards:school')}?{query}", not scope.programme)]
    for programme in Programme.objects.all():
        url = f"{reverse('dashboards:programme', args=[programme.pk])}?{query}"
        choices.append((programme.name, url, programme == scope.programme))
    return choices


def page_context(form, scope, problems):
    if not problems:
        # Show the period in effect, defaults filled in, rather than what was typed.
        form = PeriodForm(initial={"start": scope.start, "end": scope.end})
    return {
        "form": form,
        "scope": scope,
        "problems": problems,
        "title": scope.title,
        "urls": urls_for(scope),
        "query": period_query(scope),
        "presets": [
            (label, urlencode({"start": start.isoformat(), "end": end.isoformat()}))
            for label, start, end in preset_periods()
        ],
    }


@require_safe
def index(request):
    clerkships = list(Clerkship.objects.visible_to(request.user))
    programmes = list(Programme.objects.visible_to(request.user))
    if not clerkships and not programmes and not request.user.is_staff:
        raise Http404
    return render(
        request, "dashboards/index.html", {"clerkships": clerkships, "programmes": programmes}
    )


# POST: "Recompute now" (dashboard()).
@require_http_methods(["GET", "HEAD", "POST"])
def clerkship_dashboard(request, pk):
    clerkship = get_object_or_404(Clerkship.objects.visible_to(request.user), pk=pk)
    if request.method == "GET":
        # The coordinator's home tells what changed since this moment.
        DashboardVisit.note(request.user, clerkship)
    return dashboard(request, clerkship)


@require_http_methods(["GET", "HEAD", "POST"])
def programme_dashboard(request, pk):
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    return dashboard(request, None, programme)


@require_http_methods(["GET", "HEAD", "POST"])
def school_dashboard(request):
    staff_only(request.user)
    return dashboard(request, None)


def dashboard(request, clerkship, programme=None):
    form, scope, problems = scope_from(request.GET, clerkship, programme)
    if request.method == "POST":
        # Someone who just matched a student wants to see it now, not in five minutes.
        forget(scope)
        return redirect(request.get_full_path())
    if "export" in request.GET:
        return export(request, scope, request.GET["export"])
    figures = figures_for(scope)
    context = page_context(form, scope, problems)
    context |= {
        "as_of": figures.as_of,
        "figures_html": figures.html,
        "fresh_minutes": FRESH_FOR.seconds // 60,
        "programme_choices": programme_choices(request.user, scope),
    }
    return render(request, "dashboards/dashboard.html", context)


def export(request, scope, name):
    if name in aggregates.AGGREGATE_TABLES:
        table = aggregates.AGGREGATE_TABLES[name](scope)
    elif name in students.STUDENT_TABLES:
        table = students.STUDENT_TABLES[name](scope)
        AccessLog.objects.record(request.user, Action.EXPORT, scope)
    else:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{scope.place}-{name}-{scope.start:%Y%m%d}-{scope.end:%Y%m%d}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(table.headers)
    writer.writerows([csv_cell(value) for value in row] for row in table.rows)
    return response


@dataclass
class StudentRow:
    name: str
    stage: str
    interests: list
    has_profile: bool
    recommend_url: str


@require_safe
def clerkship_students(request, pk):
    clerkship = get_object_or_404(Clerkship.objects.visible_to(request.user), pk=pk)
    return student_list(request, clerkship)


@require_safe
def programme_students(request, pk):
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    return student_list(request, None, programme)


@require_safe
def school_students(request):
    staff_only(request.user)
    return student_list(request, None)


def student_list(request, clerkship, programme=None):
    form, scope, problems = scope_from(request.GET, clerkship, programme)
    page = Paginator(students.unmatched_students(scope), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    AccessLog.objects.record(request.user, Action.UNMATCHED_LIST, scope)
    rows = [
        StudentRow(
            name=student.display_name,
            stage=aggregates.stage_label(student.stage),
            interests=students.interests_of(student),
            has_profile=student.profile_pk is not None,
            recommend_url=recommend_url(scope, student.pk),
        )
        for student in page.object_list
    ]
    context = page_context(form, scope, problems)
    context |= {"page": page, "rows": rows, "note_form": RecommendationNoteForm()}
    return render(request, "dashboards/students.html", context)


@require_POST
def clerkship_send_recommendations(request, pk, student_pk):
    clerkship = get_object_or_404(Clerkship.objects.visible_to(request.user), pk=pk)
    return send(request, clerkship, student_pk)


@require_POST
def programme_send_recommendations(request, pk, student_pk):
    programme = get_object_or_404(Programme.objects.visible_to(request.user), pk=pk)
    return send(request, None, student_pk, programme)


@require_POST
def school_send_recommendations(request, student_pk):
    staff_only(request.user)
    return send(request, None, student_pk)


MESSAGES = {
    Outcome.SENT: (messages.SUCCESS, "Recommendations sent to {student}."),
    Outcome.ALREADY_TODAY: (
        messages.INFO,
        "{student} already received recommendations today; nothing more was sent.",
    ),
    Outcome.HAS_MENTOR: (
        messages.INFO,
        "{student} has an active mentor now; nothing was sent.",
    ),
    Outcome.NO_PROFILE: (
        messages.WARNING,
        "{student} has no mentee profile yet, so there is nothing to match; nothing was sent.",
    ),
    Outcome.NO_MATCH: (
        messages.WARNING,
        "No mentor with room fits {student} right now; nothing was sent.",
    ),
}


def coordinating(scope):
    """What the sender coordinates, as the default note names it; None for the school."""
    if scope.clerkship is not None:
        return f"the {scope.clerkship} clerkship"
    if scope.programme is not None:
        return f"the {scope.programme} programme"
    return None


def send(request, clerkship, student_pk, programme=None):
    _, scope, _ = scope_from(request.POST, clerkship, programme)
    student = get_object_or_404(scope.students(), pk=student_pk)
    back = f"{urls_for(scope)['students']}?{period_query(scope)}"
    if request.POST.get("page", "").isdigit():
        back += f"&page={request.POST['page']}"
    note_form = RecommendationNoteForm(request.POST)
    if not note_form.is_valid():
        messages.error(request, "Keep the note under 600 characters; nothing was sent.")
        return redirect(back)
    with transaction.atomic():
        AccessLog.objects.record(request.user, Action.SEND_RECOMMENDATIONS, scope, student)
        outcome = send_recommendations(
            student, request.user, coordinating(scope), note_form.cleaned_data["note"]
        )
    level, text = MESSAGES[outcome]
    messages.add_message(request, level, text.format(student=student))
    return redirect(back)
