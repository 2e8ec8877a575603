"""Clerkships for the people who run them: my clerkships, one clerkship's rotations, and
importing a rotation schedule from CSV in two steps, a preview and then a confirmation.

A coordinator sees the clerkships they coordinate and staff see all (visible_to); any other
clerkship is a 404, whoever asks. Of a student, these pages show the name, the stage of
training and the rotation dates, nothing else of their profile. A student sees their own
rotations (my_rotations), and who coordinates each clerkship, nobody else's.
"""

import secrets

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import BooleanField, Case, Count, F, Q, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from mentoring.clerkships import importer
from mentoring.clerkships.forms import ImportForm
from mentoring.clerkships.models import Clerkship
from mentoring.lib.forms import ConfirmPreviewForm
from mentoring.profiles.models import COORDINATOR_SCOPE

PAGE_SIZE = 50
# Rotations waiting for sign-up listed on a clerkship's page; the rest are counted.
WAITING_SHOWN = 100
# A preview lists every bad row, but only the first good ones: nobody reads 20,000 lines.
PREVIEW_ROWS_SHOWN = 500


def _session_key(clerkship):
    return f"clerkships:import:{clerkship.pk}"


def _is_current(today):
    return Case(
        When(starts_on__lte=today, ends_on__gte=today, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


@require_safe
def my_clerkships(request):
    today = timezone.localdate()
    now = Q(rotations__starts_on__lte=today, rotations__ends_on__gte=today)
    clerkships = (
        Clerkship.objects.visible_to(request.user)
        .select_related("department")
        .annotate(rotating_now=Count("rotations__student", filter=now, distinct=True))
    )
    return render(request, "clerkships/list.html", {"clerkships": clerkships})


@require_safe
def clerkship_detail(request, pk):
    clerkship = get_object_or_404(
        Clerkship.objects.visible_to(request.user).select_related("department"), pk=pk
    )
    today = timezone.localdate()
    rotations = (
        clerkship.rotations.select_related("student")
        .annotate(
            is_current=_is_current(today),
            # Only the stage: the rest of a mentee profile is not the coordinator's to read.
            stage=F("student__mentee_profile__stage__name"),
        )
        .order_by("-is_current", "-starts_on", "student__display_name", "pk")
    )
    page = Paginator(rotations, PAGE_SIZE).get_page(request.GET.get("page"))
    # Imported for addresses with no account yet: the coordinator typed these addresses in.
    waiting = list(clerkship.waiting_rotations.order_by("starts_on", "email")[: WAITING_SHOWN + 1])
    waiting_count = len(waiting)
    if waiting_count > WAITING_SHOWN:
        waiting_count = clerkship.waiting_rotations.count()
    return render(
        request,
        "clerkships/detail.html",
        {
            "clerkship": clerkship,
            "page": page,
            "waiting": waiting[:WAITING_SHOWN],
            "waiting_count": waiting_count,
            "waiting_not_shown": max(waiting_count - WAITING_SHOWN, 0),
        },
    )


@require_safe
def my_rotations(request):
    """A student's own rotations, and who coordinates each clerkship: the people a rotation
    lets see their profile. The page a rotation's notification links to."""
    rotations = (
        request.user.rotations.select_related("clerkship")
        .prefetch_related("clerkship__coordinators")
        .annotate(is_current=_is_current(timezone.localdate()))
        .order_by("-starts_on", "clerkship__name")
    )
    return render(
        request,
        "clerkships/my_rotations.html",
        {"rotations": rotations, "scope_days": COORDINATOR_SCOPE.days},
    )


def import_rotations(request, pk):
    """Step 1: upload a file and see what it would create, and every bad row and why."""
    clerkship = get_object_or_404(Clerkship.objects.visible_to(request.user), pk=pk)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    if not form.is_valid():
        return render(request, "clerkships/import.html", {"clerkship": clerkship, "form": form})
    preview = importer.preview(form.cleaned_data["schedule"], clerkship)
    token = secrets.token_urlsafe(16)
    # The checked rows wait in the session (ids and dates only), so that the confirmation
    # writes exactly what was previewed and nothing a browser could alter.
    if preview.rows:
        request.session[_session_key(clerkship)] = {
            "preview": token,
            "rows": importer.pack(preview.rows),
            "bad": len(preview.problems),
        }
    else:
        request.session.pop(_session_key(clerkship), None)
    return render(
        request,
        "clerkships/preview.html",
        {
            "clerkship": clerkship,
            "preview": preview,
            "token": token,
            "file_name": request.FILES["schedule"].name,
            "rows_shown": preview.rows[:PREVIEW_ROWS_SHOWN],
            "rows_not_shown": max(len(preview.rows) - PREVIEW_ROWS_SHOWN, 0),
        },
    )


@require_POST
def confirm_import(request, pk):
    """Step 2: write the previewed good rows, all or none; bad rows only ever skipped, and
    only when the coordinator chose to skip them."""
    clerkship = get_object_or_404(Clerkship.objects.visible_to(request.user), pk=pk)
    key = _session_key(clerkship)
    stored = request.session.get(key)
    form = ConfirmPreviewForm(request.POST)
    if not (stored and form.is_valid() and form.cleaned_data["preview"] == stored["preview"]):
        # Expired, already imported, or a tab showing an older preview than the last upload.
        messages.warning(request, "That preview is no longer current. Upload the file again.")
        return redirect("clerkships:import", clerkship.pk)
    bad = stored["bad"]
    if bad and not form.cleaned_data["skip_bad"]:
        messages.error(
            request,
            f"Nothing was imported: {bad} row{pluralize(bad)} of the file "
            "had problems. Fix the file and upload it again.",
        )
        return redirect("clerkships:import", clerkship.pk)
    del request.session[key]
    try:
        created = importer.save(clerkship, stored["rows"], by=request.user)
    except importer.ScheduleChanged as change:
        shown = "; ".join(change.reasons[:3])
        more = f" and {len(change.reasons) - 3} more" if len(change.reasons) > 3 else ""
        messages.error(
            request,
            f"Nothing was imported: the schedule changed since the preview ({shown}{more}). "
            "Upload the file again to see it as it is now.",
        )
        return redirect("clerkships:import", clerkship.pk)
    waiting = sum(1 for row in stored["rows"] if row[1] is None)
    waits = f" ({waiting} waiting for the student to sign up)" if waiting else ""
    skipped = f", skipped {bad} row{pluralize(bad)} with problems" if bad else ""
    messages.success(request, f"Imported {created} rotation{pluralize(created)}{waits}{skipped}.")
    return redirect("clerkships:detail", clerkship.pk)
