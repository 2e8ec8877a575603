"""The staff's queue of mentors waiting to be verified as faculty, and the mentor's own
"ask again" after a refusal. The queue is for staff only: anyone else gets 404, so that
it does not say who is waiting (verification.py holds the rules)."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from mentoring.profiles import verification
from mentoring.profiles.models import MentorProfile, VerifiedHow

PAGE_SIZE = 20


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label="Why (the person reads this)",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example: “We could not find you on the faculty list; if you joined "
        "recently, ask your department to add you and ask again.”",
        error_messages={"required": "Say why, in words the person will read."},
    )


def staff_only(request):
    if not request.user.is_staff:
        raise Http404("No such page.")


@require_safe
def queue(request):
    """Mentors waiting for a decision, oldest first, with what staff need to decide."""
    staff_only(request)
    waiting = verification.pending().select_related("user", "department")
    page = Paginator(waiting, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "profiles/verification_queue.html", {"page": page})


@require_POST
def approve(request, pk):
    staff_only(request)
    profile = get_object_or_404(MentorProfile.objects.select_related("user"), pk=pk)
    if verification.verify(profile.user, how=VerifiedHow.STAFF, by=request.user):
        messages.success(request, f"{profile.user} is confirmed as faculty; they are told.")
    else:
        # A second click, or someone else was quicker: nothing more to do.
        messages.info(request, f"{profile.user} was confirmed already.")
    return redirect("profiles:verification-queue")


def refuse(request, pk):
    """GET asks for the reason (the confirmation step); POST refuses with it."""
    staff_only(request)
    profile = get_object_or_404(MentorProfile.objects.select_related("user"), pk=pk)
    if profile.verified_at is not None or profile.refused_at is not None:
        messages.info(request, f"{profile.user} is no longer waiting for a decision.")
        return redirect("profiles:verification-queue")
    form = RefuseForm(request.POST or None)
    if form.is_valid():
        reason = form.cleaned_data["reason"]
        if verification.refuse(profile, by=request.user, reason=reason):
            messages.success(request, f"{profile.user} is not listed; they are told why.")
        else:
            messages.info(request, f"{profile.user} is no longer waiting for a decision.")
        return redirect("profiles:verification-queue")
    return render(request, "profiles/verification_refuse.html", {"form": form, "profile": profile})


@require_POST
def ask_again(request):
    """A refused mentor asks staff to look again (after fixing what the reason said)."""
    profile = get_object_or_404(MentorProfile, user=request.user)
    if verification.ask_again(profile):
        messages.success(request, "Asked again: the school's staff will look at your profile.")
    return redirect("profiles:edit-mentor")
