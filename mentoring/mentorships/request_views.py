"""Pages for asking, inviting, registering and answering. Logic lives in asking.py."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.http import require_POST

from accounts.models import User
from mentoring.clerkships.models import Rotation
from mentoring.lib.links import path_of
from mentoring.lib.moments import ago
from mentoring.mentorships import asking
from mentoring.mentorships.conflicts import grading_conflicts
from mentoring.mentorships.forms import (
    AskForm,
    DeclineForm,
    ExpectationsForm,
    InviteForm,
    RegisterForm,
    RegisterMenteeForm,
    StopAcceptingForm,
)
from mentoring.mentorships.models import MentorshipRequest
from mentoring.profiles.models import Area, MenteeProfile, MentorProfile

Status = MentorshipRequest.Status


def _visible_mentee_profiles(user):
    """Who may open a mentee's profile is matching's rule (matching/visibility.py), an app
    above this one: settings name the function, so that this app imports nothing upward."""
    return import_string(settings.MENTEE_PROFILES_VISIBLE_TO)(user)


def _requests_for(user):
    return MentorshipRequest.objects.visible_to(user).select_related(
        "mentor", "mentee", "created_by", "referred_to"
    )


def attempt(request, action, success_message):
    """Run an action from asking.py; turn its refusals into a message or a 403."""
    try:
        result = action()
    except asking.RequestProblem as problem:
        messages.error(request, str(problem))
        return None
    except PermissionError as error:
        raise PermissionDenied(str(error)) from error
    messages.success(request, success_message)
    return result


# What a row of the requests page shows (_request_row.html), read as plain values: not the
# message, the areas or the accounts' other columns, and no model instances, three accounts
# a row for some forty rows a page, which cost as much as drawing the rows.
PEOPLE = ("mentor", "mentee", "created_by")
ROW_VALUES = ["pk", "kind", "status", "created_at", "created_by_id"] + [
    f"{person}__{field}" for person in PEOPLE for field in ("display_name", "email")
]


def request_rows(requests, viewer):
    kinds = dict(MentorshipRequest.Kind.choices)
    statuses = dict(MentorshipRequest.Status.choices)
    rows = []
    for values in requests.values(*ROW_VALUES):
        people = {
            person: User.name_from(values[f"{person}__display_name"], values[f"{person}__email"])
            for person in PEOPLE
        }
        # Worded here, once a row: the template only places them (each tag and lookup of
        # the signed-in user it would run costs more than the same step in Python).
        mine = values["created_by_id"] == viewer.pk
        # Dictionaries, whose keys the template finds at its first try.
        rows.append(
            {
                "pk": values["pk"],
                "url": path_of("mentorships:request", values["pk"]),
                "kind": kinds.get(values["kind"], values["kind"]),
                "status": statuses.get(values["status"], values["status"]),
                "sent": ago(values["created_at"]),
                "by": "you" if mine else people["created_by"],
                "is_mine": mine,
                **people,
            }
        )
    return rows


def request_list(request):
    mine = MentorshipRequest.objects.visible_to(request.user)
    earlier = Paginator(mine.exclude(status=Status.PENDING), 20).get_page(request.GET.get("page"))
    earlier.object_list = request_rows(earlier.object_list, request.user)
    # Pending both ways in one query: the person's own wait for the other's answer, the
    # rest (awaiting_answer_from) for theirs.
    pending = request_rows(mine.pending(), request.user)
    waiting = [row for row in pending if row["is_mine"]]
    to_answer = [row for row in pending if not row["is_mine"]]
    return render(
        request,
        "mentorships/request_list.html",
        {"to_answer": to_answer, "waiting": waiting, "page": earlier},
    )


def request_detail(request, pk):
    request_obj = get_object_or_404(_requests_for(request.user).prefetch_related("areas"), pk=pk)
    # What the mentor learns about the student follows who may open the student's profile:
    # a relationship the mentor merely claims shows the name only until the student confirms.
    mentee_profile = (
        _visible_mentee_profiles(request.user)
        .filter(user_id=request_obj.mentee_id)
        .select_related("stage")
        .first()
    )
    knows_mentee = request.user.pk == request_obj.mentee_id or mentee_profile is not None
    context = {
        "req": request_obj,
        "is_answerer": request_obj.answerer_id == request.user.pk,
        "is_sender": request_obj.created_by_id == request.user.pk,
        # Names where the student rotates: theirs to reveal, like the profile.
        "conflicts": (
            grading_conflicts(request_obj.mentor_id, request_obj.mentee_id) if knows_mentee else []
        ),
        "mentee_profile": mentee_profile,
        "followed": request_obj.follow_ups.exists(),
    }
    return render(request, "mentorships/request_detail.html", context)


def ask_mentor(request, profile_pk):
    # Listed mentors only: one not yet verified as faculty is not asked by a guessed URL.
    profile = get_object_or_404(
        MentorProfile.objects.listed().select_related("user"), pk=profile_pk
    )
    if not MenteeProfile.objects.filter(user=request.user).exists():
        messages.error(request, "Add the mentee role under Account to ask for mentoring.")
        return redirect("matching:mentor", profile.pk)
    # Said before the student writes a message, not after they send it.
    refusal = asking.ask_refusal(request.user, profile)
    if refusal:
        return render(request, "mentorships/ask.html", {"profile": profile, "refusal": refusal})
    # Ticked in advance: only areas the student chose on their profile that this mentor
    # offers; never areas the student did not pick.
    chosen = Area.objects.filter(mentees__user=request.user, mentors=profile)
    form = AskForm(request.POST or None, initial={"areas": chosen})
    if form.is_valid():
        created = attempt(
            request,
            lambda: asking.ask(request.user, profile.user, **form.cleaned_data),
            f"Your request is on its way to {profile.user}. "
            f"They committed to answer within {profile.response_hours} "
            f"hour{pluralize(profile.response_hours)}.",
        )
        if created:
            return redirect("mentorships:request", created.pk)
    return render(request, "mentorships/ask.html", {"form": form, "profile": profile})


def _invitable(user):
    """Learners a mentor may invite: profiles they can see, and students on their rotations."""
    today = timezone.localdate()
    on_my_rotations = Rotation.objects.filter(
        clerkship__faculty__faculty=user,
        ends_on__gte=today - datetime.timedelta(days=90),
        starts_on__lte=today + datetime.timedelta(days=30),
    ).values("student_id")
    visible = _visible_mentee_profiles(user).values("pk")
    return MenteeProfile.objects.filter(Q(pk__in=visible) | Q(user_id__in=on_my_rotations))


def invite_mentee(request, profile_pk):
    profile = get_object_or_404(_invitable(request.user).select_related("user"), pk=profile_pk)
    if not MentorProfile.objects.filter(user=request.user).exists():
        raise PermissionDenied("Add the mentor role under Account to invite mentees.")
    form = InviteForm(request.POST or None)
    if form.is_valid():
        created = attempt(
            request,
            lambda: asking.invite(request.user, profile.user, **form.cleaned_data),
            f"Your invitation is on its way to {profile.user}.",
        )
        if created:
            return redirect("mentorships:request", created.pk)
    return render(request, "mentorships/invite.html", {"form": form, "profile": profile})


def roster(request):
    """Students rotating now in the clerkships this faculty member teaches in."""
    today = timezone.localdate()
    rotations = (
        Rotation.objects.filter(
            clerkship__faculty__faculty=request.user, starts_on__lte=today, ends_on__gte=today
        )
        .select_related("student", "student__mentee_profile__stage", "clerkship")
        .order_by("clerkship__name", "student__display_name")
        .distinct()
    )
    page = Paginator(rotations, 50).get_page(request.GET.get("page"))
    return render(request, "mentorships/roster.html", {"page": page})


def register_relationship(request):
    """Record a mentorship that already exists; the other side confirms it."""
    mentor_profile = None
    mentor_pk = request.POST.get("mentor") or request.GET.get("mentor")
    if mentor_pk is not None:
        if not mentor_pk.isdigit():
            raise Http404("No such mentor.")
        mentor_profile = get_object_or_404(
            MentorProfile.objects.select_related("user"), pk=mentor_pk
        )
        form = RegisterForm(request.POST or None)
    else:
        if not MentorProfile.objects.filter(user=request.user).exists():
            if MenteeProfile.objects.filter(user=request.user).exists():
                messages.info(request, "Find your mentor here and record it from their page.")
                return redirect("matching:directory")
            raise PermissionDenied("Add the mentor role under Account to record a mentee.")
        form = RegisterMenteeForm(request.POST or None)
    if form.is_valid():
        data = dict(form.cleaned_data)
        if mentor_profile:
            mentor, mentee = mentor_profile.user, request.user
        else:
            mentor = request.user
            mentee = User.objects.filter(
                email__iexact=data.pop("mentee_email"), mentee_profile__isnull=False
            ).first()
            if mentee is None:
                form.add_error("mentee_email", "No one looking for mentors has that address here.")
        if not form.errors:
            created = attempt(
                request,
                lambda: asking.register(request.user, mentor, mentee, **data),
                "Recorded. It starts once the other person confirms.",
            )
            if created:
                return redirect("mentorships:request", created.pk)
    return render(
        request, "mentorships/register.html", {"form": form, "mentor_profile": mentor_profile}
    )


def request_to_answer(request, pk):
    """A pending request this person may see; 403 unless they are the one to answer it."""
    request_obj = get_object_or_404(_requests_for(request.user), pk=pk)
    if request_obj.answerer_id != request.user.pk:
        raise PermissionDenied("Only the person it was sent to can answer it.")
    return request_obj


def accept_request(request, pk):
    request_obj = request_to_answer(request, pk)
    if not request_obj.is_pending:
        messages.error(request, f"This was {request_obj.get_status_display().lower()} already.")
        return redirect("mentorships:request", pk)
    initial = {"focus_areas": request_obj.areas.all()}
    # Proposed as the student asked; the mentor may change any of it.
    if request_obj.preferred_mode:
        initial["main_mode"] = request_obj.preferred_mode
    if request_obj.preferred_cadence_days:
        initial["cadence_days"] = request_obj.preferred_cadence_days
    form = ExpectationsForm(request.POST or None, initial=initial)
    if form.is_valid():
        mentorship = attempt(
            request,
            lambda: asking.accept(request_obj, request.user, **form.cleaned_data),
            "Accepted. Your agreement is below; either of you can propose a change later.",
        )
        if mentorship:
            return redirect("mentorships:detail", mentorship.pk)
        return redirect("mentorships:request", pk)
    return render(request, "mentorships/accept.html", {"form": form, "req": request_obj})


def decline_request(request, pk):
    request_obj = request_to_answer(request, pk)
    form = DeclineForm(request.POST or None)
    if form.is_valid():
        attempt(
            request,
            lambda: asking.decline(request_obj, request.user, form.cleaned_data["message"]),
            "Declined, with your message.",
        )
        return redirect("mentorships:request", pk)
    return render(request, "mentorships/decline.html", {"form": form, "req": request_obj})


def withdraw_request(request, pk):
    """GET asks for confirmation; POST withdraws. Only the sender, else 403."""
    request_obj = get_object_or_404(_requests_for(request.user), pk=pk)
    if request_obj.created_by_id != request.user.pk:
        raise PermissionDenied("Only the sender can withdraw it.")
    back_to_list = request.POST.get("next", request.GET.get("next")) == "list"
    if request.method == "POST":
        attempt(request, lambda: asking.withdraw(request_obj, request.user), "Withdrawn.")
        if back_to_list:
            return redirect("mentorships:requests")
        return redirect("mentorships:request", pk)
    if not request_obj.is_pending:
        messages.error(request, f"This was {request_obj.get_status_display().lower()} already.")
        return redirect("mentorships:request", pk)
    return render(
        request,
        "mentorships/withdraw.html",
        {"req": request_obj, "back_to_list": back_to_list},
    )


@require_POST
def follow_referral(request, pk):
    request_obj = get_object_or_404(_requests_for(request.user), pk=pk)
    created = attempt(
        request,
        lambda: asking.follow_referral(request_obj, request.user),
        f"Your request is on its way to {request_obj.referred_to}.",
    )
    return redirect("mentorships:request", created.pk if created else pk)


def stop_accepting(request):
    """After a mentor turns 'accepting' off: keep the waiting requests, or decline them."""
    waiting = MentorshipRequest.objects.awaiting_answer_from(request.user).filter(
        kind=MentorshipRequest.Kind.ASK
    )
    form = StopAcceptingForm(request.POST or None)
    if form.is_valid():
        if form.cleaned_data["choice"] == "decline":
            count = asking.decline_all_pending(request.user, form.cleaned_data["message"])
            if count:
                messages.success(request, f"Declined {count} request{'s' if count != 1 else ''}.")
            else:
                messages.info(request, "No request was waiting, so none was declined.")
        else:
            messages.success(request, "Kept. They wait for your answer on your requests page.")
        return redirect("mentorships:requests")
    return render(
        request,
        "mentorships/stop_accepting.html",
        {"form": form, "waiting": waiting.select_related("mentee")},
    )
