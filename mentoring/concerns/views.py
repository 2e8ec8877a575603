"""Pages for confidential concerns: raising one (from a mentorship or a reassessment), the
list and the page of one concern with its private thread, the designated person's steps,
and the no-fault ending. Every page fetches through Concern.objects.visible_to or the
pair's own mentorships: anyone else gets a 404."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from mentoring.audit.models import ConcernRead
from mentoring.concerns import ending, handling
from mentoring.concerns.forms import (
    CloseConcernForm,
    ConcernForm,
    NoFaultEndingForm,
    ReassessmentConcernForm,
    ReplyForm,
)
from mentoring.concerns.models import Concern
from mentoring.concerns.sending import NoOneToReceive, programme_of, routes_for, send_concern
from mentoring.feedback.models import Reassessment
from mentoring.feedback.questions import WARNING_SIGNS
from mentoring.mentorships import lifecycle
from mentoring.mentorships.models import Mentorship

PAGE_SIZE = 20


def _posted(request):
    # Bound on any POST, an empty one too: it says what is missing rather than nothing.
    return request.POST if request.method == "POST" else None


SENT = "Sent in confidence. You will be told here and by e-mail when it is acknowledged."


def _mentorship(request, pk):
    return get_object_or_404(
        Mentorship.objects.visible_to(request.user).select_related("mentor", "mentee"), pk=pk
    )


def _send(request, form, mentorship, source):
    try:
        concern = send_concern(
            mentorship,
            request.user,
            route=form.cleaned_data["route"],
            category=form.cleaned_data["category"],
            details=form.cleaned_data["details"],
            wants_contact=form.cleaned_data["wants_contact"],
            source=source,
        )
    except NoOneToReceive as problem:
        messages.error(request, f"{problem} Nothing was sent.")
        return redirect("mentorships:detail", mentorship.pk)
    messages.success(request, SENT)
    return redirect("concerns:detail", concern.pk)


def _raise(request, mentorship, form_class, source, prompt=None, initial=None):
    """The form to raise a concern about this mentorship, sent once valid: from the
    mentorship itself, or from a reassessment (prompt) with its signs written in."""
    programme = programme_of(mentorship)
    routes = routes_for(programme, mentorship)
    form = form_class(routes, _posted(request), initial=initial)
    if routes and form.is_valid():
        return _send(request, form, mentorship, source)
    return render(
        request,
        "concerns/raise.html",
        {
            "form": form,
            "mentorship": mentorship,
            "partner": mentorship.partner_of(request.user),
            "programme": programme,
            "routes": routes,
            "prompt": prompt,
        },
    )


def raise_concern(request, pk):
    return _raise(request, _mentorship(request, pk), ConcernForm, Concern.Source.MENTORSHIP)


def _signs_text(prompt):
    labels = dict(WARNING_SIGNS)
    lines = [f"- {labels[key]}" for key in prompt.warning_signs if key in labels]
    return "Warning signs I ticked in my reassessment:\n" + "\n".join(lines) + "\n\n"


def concern_from_reassessment(request, pk):
    """The offer after a reassessment whose warning signs were ticked: the respondent's own
    answered prompt only, the signs written in for them to keep, change or add to."""
    prompt = get_object_or_404(
        Reassessment.objects.filter(
            respondent=request.user, completed_at__isnull=False
        ).select_related("mentorship__mentor", "mentorship__mentee"),
        pk=pk,
    )
    if not set(prompt.warning_signs) & set(dict(WARNING_SIGNS)):
        raise Http404("No warning signs were ticked.")
    over_dependence = "over_dependence" in prompt.warning_signs
    initial = {
        "details": _signs_text(prompt),
        "category": Concern.Category.OVER_DEPENDENCE if over_dependence else Concern.Category.OTHER,
    }
    return _raise(
        request,
        prompt.mentorship,
        ReassessmentConcernForm,
        Concern.Source.REASSESSMENT,
        prompt=prompt,
        initial=initial,
    )


@require_safe
def concern_list(request):
    concerns = (
        Concern.objects.visible_to(request.user)
        .select_related("programme", "sender")
        .annotate(
            waiting=Case(
                When(status=Concern.Status.CLOSED, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("waiting", "-created_at", "-pk")
    )
    page = Paginator(concerns, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "concerns/list.html", {"page": page})


def _visible(request, pk):
    return get_object_or_404(
        Concern.objects.visible_to(request.user).select_related(
            "programme",
            "sender",
            "acknowledged_by",
            "closed_by",
            "mentorship__mentor",
            "mentorship__mentee",
        ),
        pk=pk,
    )


def _designated_only(request, concern):
    # visible_to let them in: the sender is in scope but does not handle their own concern.
    if concern.sender_id == request.user.pk:
        raise PermissionDenied("The people designated for it answer a concern.")


def _detail(request, concern, reply_form=None, status=200):
    is_sender = concern.sender_id == request.user.pk
    if not is_sender:
        ConcernRead.record(request.user, concern_id=concern.pk)
    return render(
        request,
        "concerns/detail.html",
        {
            "concern": concern,
            "thread": concern.messages.select_related("author"),
            "is_sender": is_sender,
            "reply_form": reply_form or ReplyForm(),
        },
        status=status,
    )


@require_safe
def concern_detail(request, pk):
    return _detail(request, _visible(request, pk))


@require_POST
def acknowledge_concern(request, pk):
    concern = _visible(request, pk)
    _designated_only(request, concern)
    try:
        handling.acknowledge(concern, request.user)
    except handling.NotAllowed as problem:
        messages.info(request, str(problem))
    else:
        messages.success(request, "Acknowledged. The sender has been told that you read it.")
    return redirect("concerns:detail", pk)


@require_POST
def reply_to_concern(request, pk):
    concern = _visible(request, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        return _detail(request, concern, reply_form=form)
    try:
        handling.reply(concern, request.user, form.cleaned_data["text"])
    except handling.NotAllowed as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, "Sent. Only the two sides of this concern can read it.")
    return redirect("concerns:detail", pk)


def close_concern(request, pk):
    """GET asks for the outcome and confirmation; POST closes."""
    concern = _visible(request, pk)
    _designated_only(request, concern)
    if concern.is_closed:
        messages.info(request, "This concern is closed already.")
        return redirect("concerns:detail", pk)
    form = CloseConcernForm(_posted(request))
    if form.is_valid():
        try:
            handling.close(concern, request.user, form.cleaned_data["outcome"])
        except handling.NotAllowed as problem:
            messages.info(request, str(problem))
        else:
            messages.success(request, "Closed. The sender has been told the outcome.")
        return redirect("concerns:detail", pk)
    return render(request, "concerns/close.html", {"form": form, "concern": concern})


def no_fault_ending(request, pk):
    """GET shows the message the partner will read and asks for confirmation; POST ends."""
    mentorship = _mentorship(request, pk)
    if not mentorship.is_open:
        messages.error(request, "This mentorship is already closed.")
        return redirect("mentorships:detail", pk)
    routes = routes_for(programme_of(mentorship), mentorship)
    form = NoFaultEndingForm(routes, _posted(request))
    if form.is_valid():
        data = form.cleaned_data
        try:
            concern = ending.end_without_fault(
                mentorship,
                request.user,
                reason=data["reason"] if data.get("send_reason") else "",
                route=data.get("route"),
                category=data.get("category"),
                wants_contact=bool(data.get("wants_contact")),
            )
        except (lifecycle.NotAllowed, NoOneToReceive) as problem:
            messages.error(request, f"{problem} Nothing was changed.")
            return redirect("mentorships:detail", pk)
        done = "Ended. Your partner received the message you saw."
        if concern is not None:
            done += " Your reason went in confidence to the people you chose."
        messages.success(request, done)
        return redirect("mentorships:detail", pk)
    return render(
        request,
        "concerns/no_fault_ending.html",
        {
            "form": form,
            "mentorship": mentorship,
            "partner": mentorship.partner_of(request.user),
            "message": ending.NEUTRAL_MESSAGE,
        },
    )
