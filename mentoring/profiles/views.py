from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.forms import AccountSettingsForm
from mentoring.profiles import account_deletion, cards, directory
from mentoring.profiles.candidates import candidates_for, load_mentee, mentee_facts
from mentoring.profiles.forms import MenteeProfileForm, MentorProfileForm
from mentoring.profiles.models import Interest, MenteeProfile, MentorProfile, normalise_term
from mentoring.profiles.recommend import rank
from mentoring.profiles.roles import Role, add_roles

PAGE_SIZE = 20


def mentor_directory(request):
    form = directory.DirectoryForm(request.GET)
    filters = form.filters()
    page = directory.page_of(filters, form.sort_order(), request.GET.get("page"), PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "cards": cards.rendered(page.object_list),
        "query": query.urlencode(),
        "filters": [(name, form.describe(name, value)) for name, value in filters.items()],
        "ignored": form.ignored(),
    }
    if not page.object_list and filters:
        context["relaxations"] = [
            (label, form.describe(name, value), count, _without(query, name))
            for name, label, value, count in directory.relaxations(filters)
        ]
    return render(request, "profiles/directory.html", context)


def _without(query, name):
    reduced = query.copy()
    reduced.pop(name, None)
    return reduced.urlencode()


def mentor_detail(request, pk):
    profile = get_object_or_404(
        MentorProfile.objects.listed()
        .select_related("user", "department")
        .prefetch_related("interests", "areas"),
        pk=pk,
    )
    return render(request, "profiles/mentor_detail.html", {"profile": profile})


def mentee_detail(request, pk):
    profile = get_object_or_404(
        MenteeProfile.objects.visible_to(request.user)
        .select_related("user")
        .prefetch_related("interests", "areas_sought"),
        pk=pk,
    )
    return render(request, "profiles/mentee_detail.html", {"profile": profile})


def recommendations(request):
    try:
        profile = load_mentee(request.user)
    except MenteeProfile.DoesNotExist:
        return render(request, "profiles/recommendations.html", {"no_profile": True})
    ranked = rank(mentee_facts(profile), candidates_for(profile))
    return render(
        request,
        "profiles/recommendations.html",
        {"profile": profile, "recommendations": ranked},
    )


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
    return render(request, "profiles/mentor_form.html", {"form": form, "profile": profile})


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


def delete_account(request):
    """Confirm by typing one's e-mail address; then delete, sign out and say goodbye."""
    data = request.POST if request.method == "POST" else None  # an empty POST shows errors
    form = account_deletion.ConfirmDeletionForm(request.user, data)
    if form.is_valid():
        account_deletion.delete_account(request.user)
        logout(request)
        return redirect("profiles:account-deleted")
    return render(request, "profiles/account_delete.html", {"form": form})


@login_not_required  # the person is signed out by the time they arrive here
def account_deleted(request):
    return render(request, "profiles/account_deleted.html")
