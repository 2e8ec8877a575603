"""The mentee's goals: a private list in order of importance, shared goal by goal with mentors.

The mentee sees and changes their own goals. A mentor sees a goal, read-only, while it is
shared with their open mentorship (Goal.objects.visible_to). Everyone else gets 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from mentoring.goals.forms import GoalForm, ProgressForm
from mentoring.goals.models import Goal, GoalUpdate
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.services import notify
from mentoring.profiles.models import MenteeProfile

# Shown first, in the mentee's order; achieved and set-aside goals follow.
CURRENT = (Goal.Status.OPEN, Goal.Status.IN_PROGRESS)


def _seen_by():
    """The open mentorships a goal is shared with: the mentors who see it now."""
    return Prefetch(
        "shared_with",
        queryset=Mentorship.objects.open().select_related("mentor").order_by("started_on", "pk"),
        to_attr="seen_by",
    )


def _split(goals):
    current = [goal for goal in goals if goal.status in CURRENT]
    return current, [goal for goal in goals if goal.status not in CURRENT]


def _own_goal(request, pk, queryset=None):
    """A goal this person may see (else 404) and may change: only its mentee (else 403)."""
    if queryset is None:
        queryset = Goal.objects.visible_to(request.user)
    goal = get_object_or_404(queryset, pk=pk)
    if goal.mentee_id != request.user.pk:
        raise PermissionDenied("Only the mentee changes their goals.")
    return goal


def _lock_goals_of(user):
    # Serialises one mentee's writes to positions, so that two tabs adding or moving
    # goals at once cannot give two goals the same place.
    MenteeProfile.objects.select_for_update().filter(user=user).values_list("pk").first()


def _share(goal, form, by):
    """Share with the mentorships ticked and unshare the others, among the open ones.

    Shares with closed mentorships stay as history: their mentor no longer sees the goal.
    Each newly added mentor hears about it once; the dedupe key keeps a re-share or a
    doubled submit from telling them twice.
    """
    chosen = {mentorship.pk: mentorship for mentorship in form.cleaned_data["share_with"]}
    added = [chosen[pk] for pk in chosen.keys() - form.shared_before]
    removed = form.shared_before - chosen.keys()
    if added:
        goal.shared_with.add(*added)
    if removed:
        goal.shared_with.remove(*removed)
    for mentorship in added:
        notify(
            mentorship.mentor,
            "goal.shared",
            f"{by} shared a goal with you",
            url=reverse("goals:detail", args=[goal.pk]),
            dedupe_key=f"goal.shared:{goal.pk}:{mentorship.pk}",
        )


def my_goals(request):
    get_object_or_404(MenteeProfile.objects.all(), user=request.user)
    goals = (
        Goal.objects.visible_to(request.user)
        .filter(mentee=request.user)
        .prefetch_related(_seen_by())
    )
    current, done = _split(goals)
    return render(
        request,
        "goals/my_goals.html",
        {"current": current, "done": done, "kinds": Goal.Kind.choices},
    )


def create_goal(request):
    get_object_or_404(MenteeProfile.objects.all(), user=request.user)
    form = GoalForm(request.POST or None, instance=Goal(mentee=request.user))
    if form.is_valid():
        with transaction.atomic():
            _lock_goals_of(request.user)
            goal = form.save(commit=False)
            last = Goal.objects.filter(mentee=request.user).aggregate(last=Max("position"))
            goal.position = (last["last"] or 0) + 1
            goal.save()
            _share(goal, form, request.user)
        # Goals are often written several at a time: "Add and write another" comes back here.
        if request.POST.get("then") == "another":
            messages.success(request, f"Added “{goal.title}”. Write the next one below.")
            return redirect("goals:create")
        messages.success(
            request, "Goal added at the end of your list; move it up if it matters more."
        )
        return redirect("goals:detail", goal.pk)
    return render(request, "goals/form.html", {"form": form})


def _detail_queryset(user):
    return (
        Goal.objects.visible_to(user)
        .select_related("mentee")
        .prefetch_related(_seen_by(), "updates")
    )


def _render_detail(request, goal, form):
    is_mentee = goal.mentee_id == request.user.pk
    # A mentor sees only their own mentorship, never which other mentors the goal reaches.
    seen_by = (
        goal.seen_by if is_mentee else [m for m in goal.seen_by if m.mentor_id == request.user.pk]
    )
    return render(
        request,
        "goals/detail.html",
        {"goal": goal, "is_mentee": is_mentee, "seen_by": seen_by, "form": form},
    )


def goal_detail(request, pk):
    goal = get_object_or_404(_detail_queryset(request.user), pk=pk)
    form = None
    if goal.mentee_id == request.user.pk:
        form = ProgressForm(instance=GoalUpdate(goal=goal, author=request.user))
    return _render_detail(request, goal, form)


@require_POST
def record_progress(request, pk):
    goal = _own_goal(request, pk, _detail_queryset(request.user))
    form = ProgressForm(request.POST, instance=GoalUpdate(goal=goal, author=request.user))
    if form.is_valid():
        with transaction.atomic():
            update = form.save()
            goal.status = update.status
            goal.save(update_fields=["status", "updated_at"])
        messages.success(request, "Progress recorded.")
        return redirect("goals:detail", pk)
    return _render_detail(request, goal, form)


def edit_goal(request, pk):
    goal = _own_goal(request, pk)
    form = GoalForm(request.POST or None, instance=goal)
    if form.is_valid():
        with transaction.atomic():
            # Only the form's columns: a move or a progress update since the form loaded
            # must not be undone by writing back a stale position or status.
            goal = form.save(commit=False)
            goal.save(update_fields=[*GoalForm.Meta.fields, "updated_at"])
            _share(goal, form, request.user)
        messages.success(request, "Goal saved.")
        return redirect("goals:detail", pk)
    return render(request, "goals/form.html", {"form": form, "goal": goal})


def delete_goal(request, pk):
    goal = _own_goal(request, pk)
    if request.method == "POST":
        goal.delete()
        messages.success(request, "Goal deleted, with its progress history.")
        return redirect("goals:list")
    return render(request, "goals/delete.html", {"goal": goal})


def _move(request, pk, step):
    goal = _own_goal(request, pk)
    with transaction.atomic():
        _lock_goals_of(request.user)
        goals = list(Goal.objects.filter(mentee=request.user).only("pk", "position", "status"))
        goal = next((g for g in goals if g.pk == goal.pk), None)
        if goal is None:
            raise Http404("No such goal.")
        # Moves happen within the group the page shows: current goals, or achieved and set aside.
        group = [g for g in goals if (g.status in CURRENT) == (goal.status in CURRENT)]
        place = group.index(goal) + step
        if not 0 <= place < len(group):
            messages.info(request, "That goal is already " + ("first." if step < 0 else "last."))
            return redirect(f"{reverse('goals:list')}#goal-{pk}")
        a, b = goals.index(goal), goals.index(group[place])
        goals[a], goals[b] = goals[b], goals[a]
        # Renumber 1..n: usually two rows change; ties or gaps left by older data heal here.
        changed = []
        for position, each in enumerate(goals, start=1):
            if each.position != position:
                each.position = position
                changed.append(each)
        Goal.objects.bulk_update(changed, ["position"])
    return redirect(f"{reverse('goals:list')}#goal-{pk}")


@require_POST
def move_goal_up(request, pk):
    return _move(request, pk, -1)


@require_POST
def move_goal_down(request, pk):
    return _move(request, pk, +1)


def mentorship_goals(request, pk):
    mentorship = get_object_or_404(
        Mentorship.objects.visible_to(request.user).select_related("mentor", "mentee"), pk=pk
    )
    # Through visible_to: once the mentorship closes, its mentor's list is empty.
    goals = Goal.objects.visible_to(request.user).shared_with_mentorship(mentorship)
    current, done = _split(goals)
    return render(
        request,
        "goals/mentorship_goals.html",
        {
            "mentorship": mentorship,
            "is_mentee": mentorship.mentee_id == request.user.pk,
            "current": current,
            "done": done,
        },
    )
