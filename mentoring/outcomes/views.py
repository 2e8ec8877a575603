"""The mentee's outcomes, and their mentors' confirmations.

The mentee sees and changes their own outcomes. A mentor sees, read-only, an outcome tied to
a mentorship they mentor, and confirms that tie (Outcome.objects.visible_to). Everyone else,
coordinators included, gets 404: coordinators see counts on the dashboards only.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe

from mentoring.mentorships.models import Mentorship
from mentoring.outcomes import tying
from mentoring.outcomes.forms import OutcomeForm
from mentoring.outcomes.models import Outcome, OutcomeTie
from mentoring.profiles.models import MenteeProfile

PAGE_SIZE = 25


def _ties(viewer=None):
    """Ties with their mentors; for a mentor, only the ties to their own mentorships, never
    which other mentors the outcome reaches."""
    ties = OutcomeTie.objects.select_related("mentorship__mentor", "mentorship__mentee")
    return ties if viewer is None else ties.of_mentor(viewer)


def _own_outcome(request, pk):
    """An outcome this person may see (else 404) and may change: only its mentee (else 403)."""
    outcome = get_object_or_404(Outcome.objects.visible_to(request.user), pk=pk)
    if outcome.mentee_id != request.user.pk:
        raise PermissionDenied("Only the mentee changes their outcomes.")
    return outcome


@require_safe
def my_outcomes(request):
    get_object_or_404(MenteeProfile.objects.all(), user=request.user)
    outcomes = Outcome.objects.owned_by(request.user).prefetch_related(
        Prefetch("ties", queryset=_ties(), to_attr="shown_ties")
    )
    page = Paginator(outcomes, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "outcomes/my_outcomes.html", {"page": page, "kinds": Outcome.Kind.choices}
    )


def create_outcome(request):
    get_object_or_404(MenteeProfile.objects.all(), user=request.user)
    form = OutcomeForm(request.POST or None, instance=Outcome(mentee=request.user))
    if form.is_valid():
        outcome = tying.save_outcome(form, request.user)
        if outcome.ties.exists():
            messages.success(
                request, "Outcome recorded. Each mentor you tied it to is asked to confirm it."
            )
        else:
            messages.success(
                request, "Outcome recorded. It is private until you tie it to a mentorship."
            )
        return redirect("outcomes:detail", outcome.pk)
    return render(request, "outcomes/form.html", {"form": form})


@require_safe
def outcome_detail(request, pk):
    outcome = get_object_or_404(
        Outcome.objects.visible_to(request.user).select_related("mentee"), pk=pk
    )
    is_mentee = outcome.mentee_id == request.user.pk
    ties = list(_ties(None if is_mentee else request.user).filter(outcome=outcome))
    return render(
        request,
        "outcomes/detail.html",
        {
            "outcome": outcome,
            "is_mentee": is_mentee,
            "ties": ties,
            "to_confirm": [] if is_mentee else [tie for tie in ties if not tie.is_confirmed],
        },
    )


def edit_outcome(request, pk):
    outcome = _own_outcome(request, pk)
    form = OutcomeForm(request.POST or None, instance=outcome)
    if form.is_valid():
        claim_changed = form.claim_changed
        had_confirmations = outcome.ties.confirmed().exists()
        tying.save_outcome(form, request.user)
        if claim_changed and had_confirmations:
            messages.success(
                request,
                "Outcome saved. You changed what your mentors confirmed, so they are asked to "
                "confirm it again.",
            )
        else:
            messages.success(request, "Outcome saved.")
        return redirect("outcomes:detail", pk)
    return render(request, "outcomes/form.html", {"form": form, "outcome": outcome})


def delete_outcome(request, pk):
    outcome = _own_outcome(request, pk)
    if request.method == "POST":
        outcome.delete()
        messages.success(request, "Outcome deleted. Mentors it was tied to no longer see it.")
        return redirect("outcomes:list")
    return render(request, "outcomes/delete.html", {"outcome": outcome})


@require_POST
def confirm_outcome(request, pk):
    """The mentor confirms every tie of this outcome to a mentorship of theirs (usually
    one). Anyone with no such tie gets 404, and nothing changes."""
    ties = list(
        OutcomeTie.objects.of_mentor(request.user)
        .filter(outcome_id=pk)
        .select_related("outcome__mentee")
    )
    if not ties:
        raise Http404("No such outcome.")
    confirmed = [tie for tie in ties if tying.confirm(tie, request.user)]
    if confirmed:
        messages.success(request, f"Confirmed. {ties[0].outcome.mentee} is told.")
    else:
        messages.info(request, "You had confirmed this outcome already.")
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("outcomes:detail", pk)


@require_safe
def mentees_outcomes(request):
    """For a mentor: the outcomes mentees tied to their mentorships, unconfirmed first."""
    # Unconfirmed (NULL) first, said in the query: databases differ on where NULLs sort.
    ties = (
        OutcomeTie.objects.of_mentor(request.user)
        .select_related("outcome", "mentorship__mentee")
        .order_by(F("confirmed_at").desc(nulls_first=True), "-outcome__achieved_on", "-pk")
    )
    page = Paginator(ties, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "outcomes/mentees_outcomes.html", {"page": page})


@require_safe
def mentorship_outcomes(request, pk):
    mentorship = get_object_or_404(
        Mentorship.objects.visible_to(request.user).select_related("mentor", "mentee"), pk=pk
    )
    ties = (
        OutcomeTie.objects.filter(mentorship=mentorship)
        .select_related("outcome")
        .order_by("-outcome__achieved_on", "-pk")
    )
    page = Paginator(ties, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "outcomes/mentorship_outcomes.html",
        {
            "mentorship": mentorship,
            "is_mentee": mentorship.mentee_id == request.user.pk,
            "page": page,
            "here": reverse("outcomes:mentorship", args=[pk]),
        },
    )
