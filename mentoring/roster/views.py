"""The roster for staff and coordinators: who is expected, loading them from a CSV file in
two steps (a preview, then a confirmation), and inviting them (staff).

A coordinator sees and loads only the people of the programmes they run; staff all. Anyone
else gets 404 on every page here, and a coordinator 404 on invitations, which are staff's.
"""

import secrets

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.views.decorators.http import require_POST, require_safe

from mentoring.lib.forms import ConfirmPreviewForm
from mentoring.roster import invitations, loading, programmes
from mentoring.roster.forms import InviteForm, UploadForm
from mentoring.roster.models import Campaign, RosterEntry

PAGE_SIZE = 50
PREVIEW_ROWS_SHOWN = 500
SESSION_KEY = "roster:upload"


def _entries_or_404(user):
    """The entries in this person's scope; 404 for someone who runs no programme."""
    if not (user.is_staff or programmes.run_by(user)):
        raise Http404
    return RosterEntry.objects.visible_to(user)


def _staff_or_404(user):
    if not user.is_staff:
        raise Http404


@require_safe
def roster(request):
    entries = _entries_or_404(request.user)
    counts = entries.aggregate(
        total=Count("pk"),
        joined=Count("pk", filter=~Q(joined_at=None)),
        invited=Count("pk", filter=Q(joined_at=None) & ~Q(invited_at=None)),
    )
    counts["waiting"] = counts["total"] - counts["joined"] - counts["invited"]
    page = Paginator(entries.order_by("joined_at", "name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for entry in page:
        entry.stage_label = programmes.stage_label(entry.programme_key, entry.stage)
    campaign = Campaign.objects.first() if request.user.is_staff else None
    return render(
        request,
        "roster/index.html",
        {"page": page, "counts": counts, "campaign": campaign},
    )


def upload(request):
    """Step 1: upload a file and see what it would do, and every bad row and why."""
    _entries_or_404(request.user)
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if not form.is_valid():
        return render(request, "roster/upload.html", {"form": form})
    preview = loading.preview(form.cleaned_data["roster"], request.user)
    token = secrets.token_urlsafe(16)
    # The checked rows wait in the session, so that the confirmation writes exactly what
    # was previewed and nothing a browser could alter.
    if preview.rows:
        request.session[SESSION_KEY] = {
            "preview": token,
            "rows": loading.pack(preview.rows),
            "bad": len(preview.problems),
        }
    else:
        request.session.pop(SESSION_KEY, None)
    return render(
        request,
        "roster/preview.html",
        {
            "preview": preview,
            "token": token,
            "file_name": request.FILES["roster"].name,
            "rows_shown": preview.rows[:PREVIEW_ROWS_SHOWN],
            "rows_not_shown": max(len(preview.rows) - PREVIEW_ROWS_SHOWN, 0),
        },
    )


@require_POST
def confirm_upload(request):
    """Step 2: write the previewed good rows, all or none; bad rows only ever skipped, and
    only when the person chose to skip them."""
    _entries_or_404(request.user)
    stored = request.session.get(SESSION_KEY)
    form = ConfirmPreviewForm(request.POST)
    if not (stored and form.is_valid() and form.cleaned_data["preview"] == stored["preview"]):
        messages.warning(request, "That preview is no longer current. Upload the file again.")
        return redirect("roster:upload")
    bad = stored["bad"]
    if bad and not form.cleaned_data["skip_bad"]:
        messages.error(
            request,
            f"Nothing was saved: {bad} row{pluralize(bad)} of the file had problems. "
            "Fix the file and upload it again.",
        )
        return redirect("roster:upload")
    del request.session[SESSION_KEY]
    try:
        created, updated = loading.save(stored["rows"], by=request.user)
    except loading.RosterChanged as change:
        shown = "; ".join(change.reasons[:3])
        more = f" and {len(change.reasons) - 3} more" if len(change.reasons) > 3 else ""
        messages.error(
            request,
            f"Nothing was saved: the roster changed since the preview ({shown}{more}). "
            "Upload the file again to see it as it is now.",
        )
        return redirect("roster:upload")
    skipped = f", skipped {bad} row{pluralize(bad)} with problems" if bad else ""
    messages.success(
        request,
        f"Added {created} {pluralize(created, 'person,people')} to the roster and updated "
        f"{updated}{skipped}.",
    )
    return redirect("roster:index")


def invite(request):
    """GET: who would be invited, and a button; POST: start the campaign and show it."""
    _staff_or_404(request.user)
    entries = RosterEntry.objects.visible_to(request.user)
    form = InviteForm(request.POST if request.method == "POST" else None, entries=entries)
    if request.method == "POST" and form.is_valid():
        campaign = invitations.start(form.chosen(entries), by=request.user)
        if campaign is None:
            messages.info(request, "Nobody to invite: everyone has been invited or has joined.")
            return redirect("roster:index")
        return redirect("roster:campaign", campaign.pk)
    return render(
        request,
        "roster/invite.html",
        {"form": form, "not_invited": entries.not_invited().count()},
    )


@require_safe
def campaign(request, pk):
    _staff_or_404(request.user)
    campaign = get_object_or_404(Campaign.objects.select_related("started_by"), pk=pk)
    joined = campaign.entries.exclude(joined_at=None).count()
    return render(request, "roster/campaign.html", {"campaign": campaign, "joined": joined})


@require_safe
def campaign_progress(request, pk):
    """The campaign's progress for the page's poll (static/js/campaign_progress.js)."""
    _staff_or_404(request.user)
    campaign = get_object_or_404(Campaign, pk=pk)
    return JsonResponse(
        {
            "done": campaign.done,
            "total": campaign.total,
            "percent": campaign.percent,
            "finished": campaign.finished_at is not None,
        }
    )
