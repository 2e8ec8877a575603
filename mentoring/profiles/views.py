from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from accounts.forms import AccountSettingsForm
from mentoring.profiles.completeness import in_words
from mentoring.profiles.forms import (
    AvailabilityForm,
    ContactDetailsForm,
    MenteeProfileForm,
    MentorProfileForm,
)
from mentoring.profiles.models import (
    ContactDetails,
    Interest,
    MenteeProfile,
    MentorProfile,
    normalise_term,
)
from mentoring.profiles.roles import Role, add_roles
from mentoring.profiles.verification import standing


def edit_mentor_profile(request):
    profile = get_object_or_404(MentorProfile.objects.select_related("user"), user=request.user)
    was_accepting = profile.is_accepting
    form = MentorProfileForm(request.POST or None, instance=profile)
    if form.is_valid():
        profile = form.save()
        messages.success(request, "Your profile is saved.")
        if was_accepting and not profile.is_accepting and profile.pending_request_count:
            # Students are waiting on this mentor: ask what to do with their requests.
            return redirect("mentorships:stop-accepting")
        return redirect(request.path)
    # Not listed until complete: say what is missing (two small queries, only then).
    missing = "" if profile.is_complete else in_words(profile.missing_for_listing)
    return render(
        request,
        "profiles/mentor_form.html",
        {"form": form, "profile": profile, "missing": missing, "standing": standing(profile)},
    )


def availability(request):
    """The check-in a mentor is asked to answer (mentorships/availability.py): still
    accepting with N places free, or pause new requests; one click either way."""
    profile = get_object_or_404(MentorProfile.objects.select_related("user"), user=request.user)
    form = AvailabilityForm(request.POST or None, profile=profile)
    if form.is_valid():
        now = timezone.now()
        if form.cleaned_data["answer"] == AvailabilityForm.PAUSE:
            profile.pause_accepting(now)
            messages.success(request, "Paused: students can't ask you until you accept again.")
            if profile.pending_request_count:
                # Students are waiting already: keep their requests, or decline them kindly.
                return redirect("mentorships:stop-accepting")
            return redirect("profiles:availability")
        profile.confirm_availability(form.cleaned_data["places"], now)
        places = profile.room_left
        free = f"{places} place{'s' if places != 1 else ''} free"
        messages.success(request, f"Thank you. Students see you accepting, with {free}.")
        return redirect("profiles:availability")
    return render(
        request,
        "profiles/availability.html",
        {"form": form, "profile": profile, "confirm_days": settings.AVAILABILITY_CONFIRM_DAYS},
    )


def edit_contact_details(request):
    """One's own contact details, which only partners in active mentorships see."""
    details = ContactDetails.objects.of(request.user.pk) or ContactDetails(user=request.user)
    form = ContactDetailsForm(request.POST or None, instance=details)
    if form.is_valid():
        form.save()
        messages.success(request, "Your contact details are saved.")
        return redirect("profiles:contact")
    return render(request, "profiles/contact_details.html", {"form": form})


def edit_mentee_profile(request):
    profile = get_object_or_404(MenteeProfile.objects.select_related("user"), user=request.user)
    form = MenteeProfileForm(request.POST or None, instance=profile)
    if form.is_valid():
        form.save()
        messages.success(request, "Your profile is saved.")
        return redirect(request.path)
    return render(request, "profiles/mentee_form.html", {"form": form, "profile": profile})


def account_settings(request):
    """Name and time zone (accounts) beside the roles held (profiles), on one page."""
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if form.is_valid():
        form.save()
        profile = MentorProfile.objects.filter(user=request.user).first()
        if profile is not None:
            profile.refresh_search_text()  # the directory searches by the new name
        messages.success(request, "Your settings are saved.")
        return redirect("profiles:account-settings")
    return render(request, "profiles/account_settings.html", {"form": form})


def suggest_interests(request):
    """Up to ten interests of the shared vocabulary containing what was typed."""
    key = normalise_term(request.GET.get("q", ""))[:80]
    names = []
    if len(key) >= 2:
        terms = Interest.objects.shared().filter(key__contains=key)
        names = list(terms.values_list("name", flat=True)[:10])
    return JsonResponse({"suggestions": names})


@require_POST
def add_role(request):
    role = request.POST.get("role")
    if role not in Role.values:
        messages.error(request, "Choose mentee or mentor.")
        return redirect("profiles:account-settings")
    add_roles(request.user, [role])
    messages.success(request, f"Added: {Role(role).label}. Now tell others about yourself.")
    return redirect("profiles:edit-mentee" if role == Role.MENTEE else "profiles:edit-mentor")
