"""Finding a mentor: the directory, recommendations, a mentor's page and a mentee's page
(fetched through visibility.py), and referring a request to a colleague found by search."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.module_loading import import_string

from accounts.models import User
from mentoring.lib.forms import as_id
from mentoring.matching import cards, directory
from mentoring.matching.candidates import candidates_for, load_mentee, mentee_facts
from mentoring.matching.kept import kept
from mentoring.matching.programmes import programme_filter, programme_of_profile
from mentoring.matching.recommend import rank
from mentoring.matching.visibility import mentee_profiles_visible_to
from mentoring.mentorships import asking
from mentoring.mentorships.forms import ReferForm
from mentoring.mentorships.request_views import attempt, request_to_answer
from mentoring.profiles.completeness import in_words, mentee_missing
from mentoring.profiles.models import MenteeProfile, MentorProfile

PAGE_SIZE = 20


def mentor_directory(request):
    form = directory.DirectoryForm(request.GET)
    filters = form.filters()
    programme_id = programme_filter(request.user)
    page = directory.page_of(
        filters, form.sort_order(), request.GET.get("page"), PAGE_SIZE, programme_id
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "cards": cards.rendered(page.object_list),
        "query": query.urlencode(),
        "filters": [(name, form.describe(name, value)) for name, value in filters.items()],
        "sort_label": form.sort_label(),
        "ignored": form.ignored(),
    }
    if not page.object_list and filters:
        context["relaxations"] = [
            (label, form.describe(name, value), count, _without(query, name))
            for name, label, value, count in directory.relaxations(filters, programme_id)
        ]
    return render(request, "matching/directory.html", context)


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
    refusal = None
    if profile.user_id != request.user.pk:
        refusal = asking.ask_refusal(request.user, profile)
    lineage = import_string(settings.MENTOR_LINEAGE)(profile.user)
    return render(
        request,
        "matching/mentor_detail.html",
        {"profile": profile, "refusal": refusal, "lineage": lineage},
    )


def mentee_detail(request, pk):
    profile = get_object_or_404(
        mentee_profiles_visible_to(request.user)
        .select_related("user", "stage")
        .prefetch_related("interests", "areas_sought"),
        pk=pk,
    )
    return render(request, "matching/mentee_detail.html", {"profile": profile})


def recommendations(request):
    try:
        profile = load_mentee(request.user)
    except MenteeProfile.DoesNotExist:
        return render(request, "matching/recommendations.html", {"no_profile": True})
    ranked = rank(mentee_facts(profile), kept_candidates(profile))
    # The answers not given, which recommendations would use (the home page names the same).
    missing = mentee_missing(
        stage=profile.stage_id,
        interests=profile.labels.interests,
        areas=profile.labels.areas,
        vision=profile.vision,
        modes=profile.modes,
    )
    return render(
        request,
        "matching/recommendations.html",
        {"profile": profile, "recommendations": ranked, "missing": in_words(missing)},
    )


def kept_candidates(profile):
    """candidates_for(profile), kept until a mentor changes (kept.py). The key holds all
    of the student's that it reads; their own requests and mentorships, which it leaves
    out, change the mentors' counters, and so the listing version."""
    facts = mentee_facts(profile)
    inputs = (
        profile.user_id,
        programme_of_profile(profile),
        sorted(profile.labels.interests),
        sorted(profile.labels.areas),
        facts.is_early,
        sorted(facts.modes),
        facts.time_zone,
        facts.gender,
        facts.background,
        facts.prefers_shared_gender,
        facts.prefers_shared_background,
    )
    return kept("recommendation-candidates", inputs, lambda: candidates_for(profile))


# Referring answers a request (mentorships) with a colleague found by the directory search,
# so the page lives here, above both.
def refer_request(request, pk):
    request_obj = request_to_answer(request, pk)
    search = directory.DirectoryForm({"q": request.GET.get("q", ""), "room": True})
    colleagues = directory.search(search.filters(), "name").exclude(
        user_id__in=[request_obj.mentor_id, request_obj.mentee_id]
    )
    if request.method == "POST":
        # Validate against the one chosen, which need not be on the first page of results.
        chosen = request.POST.get("colleague", "")
        colleagues = colleagues.filter(user_id=chosen) if as_id(chosen) else colleagues.none()
    form = ReferForm(request.POST or None, colleagues=list(colleagues[:20]))
    if form.is_valid():
        colleague = User.objects.get(pk=form.cleaned_data["colleague"])
        done = attempt(
            request,
            lambda: asking.refer(request_obj, request.user, colleague, form.cleaned_data["note"]),
            f"Referred to {colleague}. The student can ask them in one click.",
        )
        return redirect("mentorships:request", pk) if done else redirect(request.path)
    return render(
        request,
        "matching/refer.html",
        {"form": form, "req": request_obj, "q": request.GET.get("q", "")},
    )
