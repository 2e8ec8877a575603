"""Asking, inviting, registering, and answering: every write that spans a request and its effects.

Each function runs in one transaction with the notification it causes, locks the rows it
decides on, and raises RequestProblem with a message for the person when it cannot go on.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from accounts.models import User
from mentoring.mentorships import lifecycle
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.notifications.services import notify, settle
from mentoring.profiles.models import MenteeProfile, MentorProfile

Kind, Status = MentorshipRequest.Kind, MentorshipRequest.Status

DEFAULT_DECLINE_MESSAGE = (
    "Thank you for asking me. I can't take this on right now, and it is no reflection on you. "
    "Please ask someone else: the directory shows who has room, and several mentors who each "
    "help with one area often serve better than one."
)


class RequestProblem(Exception):
    """Why a request cannot be made or answered, in words for the person who tried."""


def link(request_obj):
    return reverse("mentorships:request", args=[request_obj.pk])


def _pair_problem(mentor, mentee, pending_between=None):
    """Why these two can't start a request: the same person, already a pair, or a request
    waiting between them (`pending_between`, when the caller counted it already)."""
    if mentor.pk == mentee.pk:
        return "You can't be your own mentor."
    if Mentorship.objects.open().filter(mentor=mentor, mentee=mentee).exists():
        return f"{mentor} already mentors {mentee}."
    if pending_between is None:
        pending_between = (
            MentorshipRequest.objects.pending().filter(mentor=mentor, mentee=mentee).exists()
        )
    if pending_between:
        return f"There is already a pending request between {mentee} and {mentor}."
    return None


def _check_pair(mentor, mentee):
    if problem := _pair_problem(mentor, mentee):
        raise RequestProblem(problem)


def _create(kind, mentor, mentee, created_by, areas=(), **fields):
    try:
        with transaction.atomic():
            request_obj = MentorshipRequest.objects.create(
                kind=kind, mentor=mentor, mentee=mentee, created_by=created_by, **fields
            )
    except IntegrityError:
        # Two tabs or a double click: the unique pending constraint let only one through.
        raise RequestProblem(
            f"There is already a pending request between {mentee} and {mentor}."
        ) from None
    request_obj.areas.set(areas)
    if request_obj.answerer_id == mentor.pk:
        MentorProfile.objects.count_pending_request(mentor.pk, +1)
    return request_obj


def _mentor_problem(profile):
    if not profile.is_accepting:
        return f"{profile.user} is not taking new mentees right now."
    if not profile.has_room:
        return f"{profile.user} has no places free right now."
    return None


def _limit_problem(mentee, waiting=None):
    if waiting is None:
        waiting = MentorshipRequest.objects.pending().filter(kind=Kind.ASK, mentee=mentee).count()
    limit = settings.MAX_PENDING_REQUESTS
    if waiting < limit:
        return None
    return (
        f"You have {waiting} request{'s' if waiting != 1 else ''} waiting for an answer; the "
        f"limit is {limit}. Withdraw one, or wait for an answer, before asking someone else."
    )


def ask_refusal(mentee, profile):
    """Why `mentee` can't ask the mentor of `profile` now, as (reason, words), or None.

    The same checks as ask(), read without locks, so that the mentor's page and the ask page
    say so before the student writes a message; ask() checks again under its lock. Reasons:
    "pair" (self, already mentored or asked), "closed", "full", "limit".
    """
    mentor = profile.user
    if mentor.pk == mentee.pk:
        return ("pair", _pair_problem(mentor, mentee))
    # One query for both: requests waiting between the two, and all the mentee's asks.
    pending = (
        MentorshipRequest.objects.pending()
        .filter(mentee=mentee)
        .aggregate(
            between=Count("pk", filter=Q(mentor=mentor)), asks=Count("pk", filter=Q(kind=Kind.ASK))
        )
    )
    if problem := _pair_problem(mentor, mentee, pending_between=pending["between"]):
        return ("pair", problem)
    if problem := _mentor_problem(profile):
        return ("closed" if not profile.is_accepting else "full", problem)
    if problem := _limit_problem(mentee, pending["asks"]):
        return ("limit", problem)
    return None


@transaction.atomic
def ask(
    mentee,
    mentor,
    *,
    areas=(),
    message="",
    preferred_mode="",
    preferred_cadence_days=None,
    referred_from=None,
):
    """A mentee asks a mentor. Refused when the mentor is full or closed, or the mentee has
    too many requests waiting (so that they ask a few people at a time)."""
    # Lock the mentee's row so that two requests sent at once count each other.
    User.objects.select_for_update().filter(pk=mentee.pk).first()
    _check_pair(mentor, mentee)
    profile = MentorProfile.objects.select_related("user").filter(user=mentor).first()
    if profile is None:
        raise RequestProblem(f"{mentor} has no mentor profile.")
    if problem := _mentor_problem(profile) or _limit_problem(mentee):
        raise RequestProblem(problem)
    request_obj = _create(
        Kind.ASK,
        mentor,
        mentee,
        mentee,
        areas,
        message=message,
        preferred_mode=preferred_mode,
        preferred_cadence_days=preferred_cadence_days,
        referred_from=referred_from,
    )
    notify(
        mentor,
        "request.new",
        f"{mentee} asked you to be their mentor",
        body=message[:500],
        url=link(request_obj),
    )
    return request_obj


@transaction.atomic
def invite(mentor, mentee, *, areas=(), message=""):
    """A mentor offers to mentor a learner they met, e.g. on a rotation."""
    _check_pair(mentor, mentee)
    if not MenteeProfile.objects.filter(user=mentee).exists():
        raise RequestProblem(f"{mentee} is not looking for mentors here.")
    profile = MentorProfile.objects.filter(user=mentor).first()
    if profile is None or profile.room_left < 1:
        raise RequestProblem("You have no places free; raise your capacity first.")
    request_obj = _create(Kind.INVITE, mentor, mentee, mentor, areas, message=message)
    notify(
        mentee,
        "invitation.new",
        f"{mentor} would be glad to mentor you",
        body=message[:500],
        url=link(request_obj),
    )
    return request_obj


@transaction.atomic
def register(by, mentor, mentee, *, since_on, areas=(), message=""):
    """Record a relationship that already exists; it starts when the other side confirms."""
    _check_pair(mentor, mentee)
    if since_on > timezone.localdate():
        raise RequestProblem("The start date can't be in the future.")
    request_obj = _create(
        Kind.REGISTER, mentor, mentee, by, areas, message=message, since_on=since_on
    )
    other = mentee if by.pk == mentor.pk else mentor
    notify(
        other,
        "register.new",
        f"{by} recorded that you already meet as mentor and mentee",
        body="Confirm it to see it in your mentoring network.",
        url=link(request_obj),
    )
    return request_obj


def _lock_pending(request_obj, answerer):
    locked = MentorshipRequest.objects.select_for_update().get(pk=request_obj.pk)
    if locked.status != Status.PENDING:
        raise RequestProblem(f"This was {locked.get_status_display().lower()} already.")
    if answerer.pk != locked.answerer_id:
        raise PermissionError("Only the person it was sent to can answer it.")
    return locked


def _close_request(request_obj, status, answer_message="", **fields):
    request_obj.status, request_obj.answered_at = status, timezone.now()
    request_obj.answer_message = answer_message
    for name, value in fields.items():
        setattr(request_obj, name, value)
    request_obj.save()
    # Whoever it waited on has nothing left to do: its notices stop counting as unread.
    settle([(request_obj.answerer_id, link(request_obj))])
    if request_obj.answerer_id == request_obj.mentor_id:
        MentorProfile.objects.count_pending_request(request_obj.mentor_id, -1)


@transaction.atomic
def accept(request_obj, by, *, focus_areas=(), **expectations):
    """Accept and start the mentorship with the agreed expectations."""
    request_obj = _lock_pending(request_obj, by)
    try:
        mentorship = lifecycle.start_mentorship(
            request_obj.mentor,
            request_obj.mentee,
            started_on=request_obj.since_on,
            recorded_after_the_fact=request_obj.kind == Kind.REGISTER,
            focus_areas=focus_areas,
            **expectations,
        )
    except lifecycle.MentorFull:
        raise RequestProblem(
            f"{request_obj.mentor} has no places free. Raise the capacity on the mentor "
            "profile first, or decline."
        ) from None
    _close_request(request_obj, Status.ACCEPTED, mentorship=mentorship)
    # What apps above this one held on the request moves to the mentorship (settings).
    for handler in settings.REQUEST_ACCEPTED_HANDLERS:
        import_string(handler)(request_obj, mentorship)
    other = request_obj.mentee if by.pk == request_obj.mentor_id else request_obj.mentor
    body = ""
    if other.pk == request_obj.mentee_id:
        others = MentorshipRequest.objects.pending().filter(kind=Kind.ASK, mentee=other).count()
        if others:
            body = (
                f"You have {others} other request{'s' if others != 1 else ''} waiting. Several "
                "mentors are good; keep them, or withdraw them on your requests page."
            )
    notify(
        other,
        "request.accepted",
        f"{by} accepted: you are now mentor and mentee",
        body=body,
        url=lifecycle.link(mentorship),
    )
    return mentorship


@transaction.atomic
def decline(request_obj, by, message=""):
    request_obj = _lock_pending(request_obj, by)
    message = message.strip() or DEFAULT_DECLINE_MESSAGE
    _close_request(request_obj, Status.DECLINED, message)
    other = request_obj.mentee if by.pk == request_obj.mentor_id else request_obj.mentor
    notify(
        other,
        "request.declined",
        f"{by} can't take this on right now",
        body=message[:500],
        url=link(request_obj),
    )
    return request_obj


@transaction.atomic
def refer(request_obj, by, colleague, note=""):
    """Point the mentee to a colleague; the mentee can ask them in one click."""
    if request_obj.kind != Kind.ASK:
        raise RequestProblem("Only a mentee's request can be referred.")
    request_obj = _lock_pending(request_obj, by)
    if colleague.pk in (request_obj.mentor_id, request_obj.mentee_id):
        raise RequestProblem("Refer to a colleague, not to someone in this request.")
    if not MentorProfile.objects.filter(user=colleague).exists():
        raise RequestProblem(f"{colleague} has no mentor profile.")
    _close_request(request_obj, Status.REFERRED, note.strip(), referred_to=colleague)
    notify(
        request_obj.mentee,
        "request.referred",
        f"{by} suggests you ask {colleague}",
        body=note.strip()[:500] or f"{by} thinks {colleague} fits what you asked for.",
        url=link(request_obj),
    )
    return request_obj


@transaction.atomic
def follow_referral(request_obj, mentee):
    """The one click: ask the referred colleague with the original areas and message."""
    if request_obj.mentee_id != mentee.pk:
        raise PermissionError("Only the student who was referred can follow the referral.")
    if request_obj.status != Status.REFERRED:
        raise RequestProblem("There is no referral to follow here.")
    if request_obj.follow_ups.exists():
        raise RequestProblem(f"You asked {request_obj.referred_to} already.")
    return ask(
        mentee,
        request_obj.referred_to,
        areas=list(request_obj.areas.all()),
        message=request_obj.message,
        preferred_mode=request_obj.preferred_mode,
        preferred_cadence_days=request_obj.preferred_cadence_days,
        referred_from=request_obj,
    )


@transaction.atomic
def withdraw(request_obj, by):
    locked = MentorshipRequest.objects.select_for_update().get(pk=request_obj.pk)
    if locked.created_by_id != by.pk:
        raise PermissionError("Only the sender can withdraw it.")
    if locked.status != Status.PENDING:
        raise RequestProblem(f"This was {locked.get_status_display().lower()} already.")
    _close_request(locked, Status.WITHDRAWN)
    return locked


@transaction.atomic
def decline_all_pending(mentor, message=""):
    """When a mentor stops accepting: decline every request waiting for them, kindly."""
    declined = 0
    waiting = MentorshipRequest.objects.awaiting_answer_from(mentor).filter(kind=Kind.ASK)
    for request_obj in waiting.select_related("mentee"):
        decline(request_obj, mentor, message)
        declined += 1
    return declined
