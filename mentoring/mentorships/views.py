"""Pages for mentorships themselves: my mentors, my mentees, one mentorship and its changes."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST

from mentoring.mentorships import lifecycle
from mentoring.mentorships.conflicts import grading_conflicts
from mentoring.mentorships.forms import ChangeForm, CloseForm, PauseForm
from mentoring.mentorships.models import (
    ExpectationChange,
    Expectations,
    Mentorship,
    MentorshipEvent,
)
from mentoring.notifications.services import notify
from mentoring.profiles.models import ContactDetails, MenteeProfile


def _mine(user):
    return Mentorship.objects.visible_to(user).select_related("mentor", "mentee")


def my_mentors(request):
    mentorships = list(
        _mine(request.user).filter(mentee=request.user).prefetch_related("focus_areas")
    )
    open_ones = [m for m in mentorships if m.is_open]
    profile = MenteeProfile.objects.filter(user=request.user).first()
    covered = {area.pk for m in open_ones if m.status == "active" for area in m.focus_areas.all()}
    sought = list(profile.areas_sought.all()) if profile else []
    return render(
        request,
        "mentorships/my_mentors.html",
        {
            "open_mentorships": open_ones,
            "closed_mentorships": [m for m in mentorships if not m.is_open],
            "gaps": [area for area in sought if area.pk not in covered],
            "areas_sought": sought,
            "has_profile": profile is not None,
        },
    )


def my_mentees(request):
    mentorships = list(
        _mine(request.user)
        .filter(mentor=request.user)
        .select_related("mentee__mentee_profile__stage")
        .prefetch_related("focus_areas")
    )
    return render(
        request,
        "mentorships/my_mentees.html",
        {
            "open_mentorships": [m for m in mentorships if m.is_open],
            "closed_mentorships": [m for m in mentorships if not m.is_open],
        },
    )


def mentorship_detail(request, pk):
    mentorship = get_object_or_404(
        _mine(request.user).prefetch_related(
            "focus_areas",
            Prefetch(
                "expectation_changes",
                queryset=ExpectationChange.objects.filter(status="pending")
                .select_related("proposed_by")
                .prefetch_related("focus_areas"),
                to_attr="pending_changes",
            ),
        ),
        pk=pk,
    )
    change = mentorship.pending_changes[0] if mentorship.pending_changes else None
    partner = mentorship.partner_of(request.user)
    # A person's contact details reach their partner only while the mentorship is active
    # (DESIGN.md, "Who sees what"): not paused, not closed.
    is_active = mentorship.status == Mentorship.Status.ACTIVE
    return render(
        request,
        "mentorships/detail.html",
        {
            "mentorship": mentorship,
            "partner": partner,
            "partner_contact": ContactDetails.objects.of(partner.pk) if is_active else None,
            "change": change,
            "conflicts": grading_conflicts(mentorship.mentor_id, mentorship.mentee_id),
        },
    )


def _act(request, pk, action, done):
    mentorship = get_object_or_404(_mine(request.user), pk=pk)
    try:
        action(mentorship, request.user)
    except lifecycle.NotAllowed as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, done)
    return redirect("mentorships:detail", pk)


def _cancel_planned_meetings(mentorship, by):
    """Meetings are an app above this one: settings name its cancel (no upward import)."""
    cancelled = import_string(settings.CANCEL_PLANNED_MEETINGS)(mentorship, by)
    if cancelled:
        notify(
            mentorship.partner_of(by),
            "meeting.cancelled",
            f"{by} cancelled {cancelled} planned meeting{pluralize(cancelled)} with the pause",
            url=lifecycle.link(mentorship),
        )
    return cancelled


def pause_mentorship(request, pk):
    """GET asks for confirmation (and offers to cancel planned meetings); POST pauses."""
    mentorship = get_object_or_404(_mine(request.user), pk=pk)
    if mentorship.status != Mentorship.Status.ACTIVE:
        messages.error(request, "Only an active mentorship can be paused.")
        return redirect("mentorships:detail", pk)
    # Bound on any POST: an empty one (the box unticked) pauses too.
    form = PauseForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            with transaction.atomic():
                lifecycle.pause(mentorship, request.user)
                cancelled = 0
                if form.cleaned_data["cancel_meetings"]:
                    cancelled = _cancel_planned_meetings(mentorship, request.user)
        except lifecycle.NotAllowed as problem:
            messages.error(request, str(problem))
        else:
            done = "Paused. Either of you can resume it."
            if cancelled:
                done += f" {cancelled} planned meeting{pluralize(cancelled)} cancelled."
            messages.success(request, done)
        return redirect("mentorships:detail", pk)
    return render(
        request,
        "mentorships/pause.html",
        {
            "form": form,
            "mentorship": mentorship,
            "partner": mentorship.partner_of(request.user),
        },
    )


@require_POST
def resume_mentorship(request, pk):
    return _act(request, pk, lifecycle.resume, "Resumed.")


def close_mentorship(request, pk):
    mentorship = get_object_or_404(_mine(request.user), pk=pk)
    form = CloseForm(request.POST or None)
    if form.is_valid():
        return _act(
            request,
            pk,
            lambda m, by: lifecycle.close(
                m, by, form.cleaned_data["reason"], form.cleaned_data["reflection"]
            ),
            "Closed. It stays in both your histories.",
        )
    return render(request, "mentorships/close.html", {"form": form, "mentorship": mentorship})


def propose_change(request, pk):
    mentorship = get_object_or_404(
        _mine(request.user).filter(status__in=["active", "paused"]), pk=pk
    )
    proposal = ExpectationChange(
        mentorship=mentorship,
        proposed_by=request.user,
        **{name: getattr(mentorship, name) for name in Expectations.EXPECTATION_FIELDS},
    )
    form = ChangeForm(
        request.POST or None,
        instance=proposal,
        initial={"focus_areas": mentorship.focus_areas.all()},
    )
    if form.is_valid():
        try:
            with transaction.atomic():
                change = form.save()
                notify(
                    mentorship.partner_of(request.user),
                    "expectations.proposed",
                    f"{request.user} proposes a change to your agreement",
                    body=change.note[:500],
                    url=lifecycle.link(mentorship),
                )
        except IntegrityError:
            messages.error(request, "A change is already waiting for an answer.")
        else:
            messages.success(request, "Proposed. It applies when your partner accepts it.")
        return redirect("mentorships:detail", pk)
    return render(
        request, "mentorships/propose_change.html", {"form": form, "mentorship": mentorship}
    )


@require_POST
def answer_change(request, pk, change_pk):
    mentorship = get_object_or_404(_mine(request.user), pk=pk)
    with transaction.atomic():
        change = get_object_or_404(
            ExpectationChange.objects.select_for_update(), pk=change_pk, mentorship=mentorship
        )
        if change.status != ExpectationChange.Status.PENDING:
            messages.error(request, f"This change was {change.get_status_display().lower()}.")
            return redirect("mentorships:detail", pk)
        answer = request.POST.get("answer")
        if change.proposed_by_id == request.user.pk:
            if answer != "withdraw":
                raise PermissionDenied("Your partner answers your proposal.")
            change.status = ExpectationChange.Status.WITHDRAWN
        elif answer == "accept":
            for name in Expectations.EXPECTATION_FIELDS:
                setattr(mentorship, name, getattr(change, name))
            mentorship.save(update_fields=Expectations.EXPECTATION_FIELDS)
            mentorship.focus_areas.set(change.focus_areas.all())
            MentorshipEvent.objects.create(
                mentorship=mentorship,
                kind=MentorshipEvent.Kind.AGREEMENT_CHANGED,
                by=request.user,
                summary=f"every {change.cadence_days} days, {change.meeting_minutes} minutes",
            )
            change.status = ExpectationChange.Status.ACCEPTED
        elif answer == "decline":
            change.status = ExpectationChange.Status.DECLINED
        else:
            messages.error(request, "Choose accept or decline.")
            return redirect("mentorships:detail", pk)
        change.answered_at = timezone.now()
        change.save(update_fields=["status", "answered_at"])
        if change.status != ExpectationChange.Status.WITHDRAWN:
            notify(
                change.proposed_by,
                "expectations.answered",
                f"{request.user} {change.get_status_display().lower()} your proposed change",
                url=lifecycle.link(mentorship),
            )
    messages.success(request, f"Change {change.get_status_display().lower()}.")
    return redirect("mentorships:detail", pk)
