from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from mentoring.feedback import questions, reassessment
from mentoring.feedback.forms import MenteeFeedbackForm, MentorFeedbackForm, ReassessmentForm
from mentoring.feedback.models import Feedback, FeedbackRequest, Reassessment
from mentoring.goals.models import Goal
from mentoring.lib.guidance import feedback_prompts
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.services import notify
from mentoring.profiles.models import MenteeProfile

# As for meetings: a closed mentorship keeps its history and takes nothing new.
CLOSED = "This mentorship is closed; its feedback stays as it was."


def _mentorship(request, pk):
    return get_object_or_404(
        Mentorship.objects.visible_to(request.user).select_related("mentor", "mentee"), pk=pk
    )


def feedback_list(request, pk):
    mentorship = _mentorship(request, pk)
    entries = (
        Feedback.objects.visible_to(request.user)
        .filter(mentorship=mentorship)
        .select_related("author", "goal")
    )
    open_request = FeedbackRequest.objects.filter(mentorship=mentorship, answered_by=None).first()
    readable = set(Goal.objects.readable_in(mentorship, request.user).values_list("pk", flat=True))
    return render(
        request,
        "feedback/list.html",
        {
            "mentorship": mentorship,
            "entries": entries,
            "open_request": open_request,
            "readable_goal_ids": readable,
        },
    )


def give_feedback(request, pk):
    mentorship = _mentorship(request, pk)
    if not mentorship.is_open:
        messages.error(request, CLOSED)
        return redirect("feedback:list", pk)
    from_mentor = request.user.pk == mentorship.mentor_id
    form_class = MentorFeedbackForm if from_mentor else MenteeFeedbackForm
    form = form_class(request.POST or None, mentorship=mentorship, viewer=request.user)
    if form.is_valid():
        with transaction.atomic():
            feedback = form.save(commit=False)
            feedback.mentorship, feedback.author = mentorship, request.user
            feedback.direction = (
                Feedback.Direction.TO_MENTEE if from_mentor else Feedback.Direction.TO_MENTOR
            )
            feedback.save()
            if from_mentor:
                FeedbackRequest.objects.filter(mentorship=mentorship, answered_by=None).update(
                    answered_by=feedback
                )
            notify(
                mentorship.partner_of(request.user),
                "feedback.new",
                f"{request.user} gave you feedback",
                url=reverse("feedback:list", args=[mentorship.pk]),
            )
        messages.success(request, "Your feedback is sent.")
        return redirect("feedback:list", mentorship.pk)
    is_early = MenteeProfile.objects.stage_is_early(mentorship.mentee_id)
    return render(
        request,
        "feedback/give.html",
        {
            "mentorship": mentorship,
            "form": form,
            "from_mentor": from_mentor,
            "prompts": feedback_prompts(is_early) if from_mentor else [],
        },
    )


@require_POST
def ask_for_feedback(request, pk):
    """The mentee's one click: the mentor is told, once, until they give feedback."""
    mentorship = _mentorship(request, pk)
    if request.user.pk != mentorship.mentee_id:
        messages.error(request, "Only the mentee asks for feedback here.")
        return redirect("feedback:list", pk)
    if not mentorship.is_open:
        messages.error(request, CLOSED)
        return redirect("feedback:list", pk)
    try:
        with transaction.atomic():
            FeedbackRequest.objects.create(mentorship=mentorship)
            notify(
                mentorship.mentor,
                "feedback.requested",
                f"{request.user} asks for your feedback",
                url=reverse("feedback:give", args=[pk]),
            )
    except IntegrityError:
        messages.info(request, "You asked already; your mentor has been told.")
    else:
        messages.success(request, f"{mentorship.mentor} is asked for feedback.")
    return redirect("feedback:list", pk)


def reassessment_list(request):
    # Open prompts first, then the latest answered. Spelled out for NULLs: PostgreSQL puts
    # them last in ascending order, SQLite first, so a bare "completed_at" hid open prompts.
    prompts = (
        Reassessment.objects.filter(respondent=request.user)
        .select_related("mentorship__mentor", "mentorship__mentee")
        .order_by(F("completed_at").desc(nulls_first=True), "-due_on", "-pk")
    )
    page = Paginator(prompts, 20).get_page(request.GET.get("page"))
    return render(request, "feedback/reassessment_list.html", {"page": page})


def open_reassessment(request, mentorship_pk, kind):
    """Where a prompt's notice leads: this person's own prompt of that kind for that
    mentorship (made in SQL by reassessment.py, which does not know the prompt's id when it
    writes the notice). Open first, else the latest answered; 404 if they have none."""
    prompt = (
        Reassessment.objects.filter(respondent=request.user, mentorship_id=mentorship_pk, kind=kind)
        .order_by(F("completed_at").desc(nulls_first=True), "-due_on", "-pk")
        .first()
    )
    if prompt is None:
        raise Http404("No such reassessment.")
    return redirect("feedback:reassessment", prompt.pk)


def reassessment_detail(request, pk):
    """Answer one's own prompt; read one's own answers or a partner's shared ones."""
    prompts = Reassessment.objects.visible_to(request.user).select_related(
        "mentorship__mentor", "mentorship__mentee", "respondent"
    )
    form = None
    with transaction.atomic():
        if request.method == "POST":
            # Two tabs (or a double click) answering at once: the second waits for the
            # first here, then finds the prompt answered instead of overwriting it.
            prompts = prompts.select_for_update(of=("self",))
        prompt = get_object_or_404(prompts, pk=pk)
        mine = prompt.respondent_id == request.user.pk
        if mine and prompt.completed_at is None:
            form = ReassessmentForm(request.POST or None, instance=prompt)
            if form.is_valid():
                reassessment.complete(form.save(commit=False), timezone.now())
                messages.success(request, "Thank you. Your answers are saved.")
                return redirect("feedback:reassessment", pk)
        elif request.method == "POST":
            messages.info(request, "These answers are already in.")
            return redirect("feedback:reassessment", pk)
    return render(
        request,
        "feedback/reassessment.html",
        {
            "prompt": prompt,
            "form": form,
            "mine": mine,
            "answers": questions.answered(prompt) if prompt.completed_at else [],
            "remedies": [
                questions.REMEDIES[s] for s in prompt.warning_signs if s in questions.REMEDIES
            ],
        },
    )
