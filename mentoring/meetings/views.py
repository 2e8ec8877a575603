"""Meetings of a mentorship: plan, prepare, log and cancel them; action items, each person's
private note, and calendars. Only the two people in the mentorship see any of it."""

import datetime
import zoneinfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import BooleanField, Case, Count, F, Q, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import dateformat, timezone
from django.views.decorators.http import require_POST, require_safe

from mentoring.goals.models import Goal
from mentoring.lib.guidance import meeting_prompts
from mentoring.meetings import calendar
from mentoring.meetings.bookings import release_for_meeting
from mentoring.meetings.contact import refresh_contact
from mentoring.meetings.forms import (
    LOGGED_TOO_EARLY,
    ActionItemFormSet,
    AgendaForm,
    MeetingForm,
    MeetingLogForm,
    PrivateNoteForm,
    QuickLogForm,
)
from mentoring.meetings.models import ActionItem, Booking, CalendarFeed, Meeting, PrivateNote
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.services import notify

PAGE_SIZE = 20
FEED_PAST = datetime.timedelta(days=60)
FEED_LIMIT = 500
CLOSED = "This mentorship is closed; its meetings stay as they were."
PLANNED, HELD, CANCELLED = Meeting.Status.PLANNED, Meeting.Status.HELD, Meeting.Status.CANCELLED
# Written by the log form; saving only these leaves a partner's agenda edit made meanwhile.
LOG_FIELDS = ["starts_at", "minutes", "mode", "place", "shared_notes", "status", "held_at"]


def _mentorships(user):
    return Mentorship.objects.visible_to(user).select_related(
        "mentor", "mentee__mentee_profile__stage"
    )


def _meetings(user):
    return Meeting.objects.visible_to(user).select_related(
        "mentorship__mentor", "mentorship__mentee__mentee_profile__stage"
    )


def _refusal(meeting, action):
    """Why `action` ("change" or "log") can't be done to the meeting now, or "" if it can.
    The pages offer only what this allows; the views refuse the rest with its answer."""
    if not meeting.mentorship.is_open:
        return CLOSED
    if meeting.status == CANCELLED:
        return "This meeting was cancelled."
    if action == "log":
        return LOGGED_TOO_EARLY if meeting.starts_at > timezone.now() else ""
    if meeting.status == HELD:
        return "This meeting has been logged; change its record instead."
    return ""


def _locked_if_status(meeting, *statuses):
    """Lock the meeting's row for the rest of the transaction if it is still in one of these
    states. Both people act on a meeting: a cancel and a log racing must not both win."""
    return Meeting.objects.select_for_update().filter(pk=meeting.pk, status__in=statuses).exists()


def _refuse(request, problem, meeting):
    messages.error(request, problem)
    return redirect("meetings:detail", meeting.pk)


def _prompts(mentorship, user):
    role = "mentor" if user.pk == mentorship.mentor_id else "mentee"
    profile = getattr(mentorship.mentee, "mentee_profile", None)
    # Without a profile the stage is unknown: the concrete, directive style is the safer guess.
    return meeting_prompts(role, profile.is_early if profile else True)


def _tell_partner(meeting, by, kind, what, body=""):
    """Notify the other person, with the time in their own time zone. Never any text of the
    meeting itself: the e-mail leaves the site."""
    partner = meeting.mentorship.partner_of(by)
    try:
        zone = zoneinfo.ZoneInfo(partner.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo(settings.DEFAULT_USER_TIME_ZONE)
    when = dateformat.format(timezone.localtime(meeting.starts_at, zone), "D j M Y, H:i T")
    notify(
        partner,
        kind,
        f"{by} {what} {when}",
        body=body,
        url=reverse("meetings:detail", args=[meeting.pk]),
    )


def _own_note(meeting, user):
    """The person's own private note on the meeting, or a new empty one: never anyone else's."""
    note = None
    if meeting.pk:
        note = PrivateNote.objects.filter(meeting=meeting, author=user).first()
    return note or PrivateNote(meeting=meeting, author=user)


def _save_own_note(meeting, user, text):
    if text:
        PrivateNote.objects.update_or_create(meeting=meeting, author=user, defaults={"text": text})
    else:
        PrivateNote.objects.filter(meeting=meeting, author=user).delete()


def meeting_list(request, pk):
    mentorship = get_object_or_404(_mentorships(request.user), pk=pk)
    upcoming = Q(status=PLANNED, starts_at__gte=timezone.now())
    meetings = mentorship.meetings.annotate(
        is_upcoming=Case(When(upcoming, then=True), default=False, output_field=BooleanField()),
        open_items=Count("action_items", filter=Q(action_items__done_at=None)),
        item_count=Count("action_items"),
    ).order_by(
        # Upcoming first, the soonest at the top; then the past, the latest at the top.
        "-is_upcoming",
        Case(When(upcoming, then=F("starts_at"))).asc(nulls_last=True),
        "-starts_at",
        "-pk",
    )
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/list.html",
        {
            "mentorship": mentorship,
            "partner": mentorship.partner_of(request.user),
            "page": page,
            "upcoming": [m for m in page if m.is_upcoming],
            "past": [m for m in page if not m.is_upcoming],
        },
    )


def _new_meeting(mentorship, user):
    """A meeting with the agreement's usual length and mode."""
    return Meeting(
        mentorship=mentorship,
        created_by=user,
        minutes=mentorship.meeting_minutes,
        mode=mentorship.main_mode,
    )


def plan_meeting(request, pk):
    mentorship = get_object_or_404(_mentorships(request.user), pk=pk)
    if not mentorship.is_open:
        messages.error(request, CLOSED)
        return redirect("mentorships:detail", pk)
    meeting = _new_meeting(mentorship, request.user)
    form = MeetingForm(request.POST or None, instance=meeting)
    if form.is_valid():
        with transaction.atomic():
            form.save()
            refresh_contact(mentorship.pk)
            _tell_partner(
                meeting,
                request.user,
                "meeting.planned",
                "planned a meeting for",
                body=f"{meeting.get_mode_display()}, {meeting.minutes} minutes.",
            )
        messages.success(request, "Planned. Your partner has been told.")
        return redirect("meetings:detail", meeting.pk)
    return _form_page(request, "meetings/plan.html", form, mentorship)


def _form_page(request, template, form, mentorship, **context):
    """A meeting form beside the partner's name and prompts fitted to the mentee's stage."""
    return render(
        request,
        template,
        {
            "form": form,
            "mentorship": mentorship,
            "partner": mentorship.partner_of(request.user),
            "prompts": _prompts(mentorship, request.user),
            **context,
        },
    )


def edit_meeting(request, pk):
    meeting = get_object_or_404(_meetings(request.user), pk=pk)
    if problem := _refusal(meeting, "change"):
        return _refuse(request, problem, meeting)
    form = MeetingForm(request.POST or None, instance=meeting)
    if form.is_valid():
        with transaction.atomic():
            if not _locked_if_status(meeting, PLANNED):
                return _refuse(request, "This meeting was logged or cancelled meanwhile.", meeting)
            form.save(commit=False)
            moved = Meeting.EVENT_FIELDS & set(form.changed_data)
            if moved:
                meeting.revise(MeetingForm.Meta.fields)
                if "starts_at" in form.changed_data:
                    # Off its office-hours slot: the slot is free for someone else.
                    release_for_meeting(meeting, Booking.Status.MOVED, request.user)
            else:
                meeting.save(update_fields=MeetingForm.Meta.fields)
            refresh_contact(meeting.mentorship_id)
            if moved:
                _tell_partner(meeting, request.user, "meeting.changed", "changed your meeting to")
        messages.success(request, "Saved.")
        return redirect("meetings:detail", pk)
    return render(
        request,
        "meetings/plan.html",
        {
            "form": form,
            "meeting": meeting,
            "mentorship": meeting.mentorship,
            "partner": meeting.mentorship.partner_of(request.user),
            "prompts": _prompts(meeting.mentorship, request.user),
        },
    )


def meeting_detail(request, pk):
    meeting = get_object_or_404(_meetings(request.user), pk=pk)
    mentorship = meeting.mentorship
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "mentorship": mentorship,
            "partner": mentorship.partner_of(request.user),
            "is_mentee": request.user.pk == mentorship.mentee_id,
            "can_change": not _refusal(meeting, "change"),
            "can_log": not _refusal(meeting, "log"),
            "action_items": list(meeting.action_items.all()),
            "goals": list(
                Goal.objects.readable_in(mentorship, request.user).filter(meetings=meeting)
            ),
            "agenda_form": AgendaForm(instance=meeting),
            "note_form": PrivateNoteForm(instance=_own_note(meeting, request.user)),
        },
    )


def edit_agenda(request, pk):
    meeting = get_object_or_404(_meetings(request.user), pk=pk)
    if problem := _refusal(meeting, "change"):
        return _refuse(request, problem, meeting)
    form = AgendaForm(request.POST or None, instance=meeting)
    if form.is_valid():
        form.save(commit=False)
        meeting.save(update_fields=["agenda"])
        messages.success(request, "Agenda saved.")
        return redirect("meetings:detail", pk)
    return render(
        request,
        "meetings/agenda.html",
        {
            "form": form,
            "meeting": meeting,
            "is_mentee": request.user.pk == meeting.mentorship.mentee_id,
        },
    )


def log_meeting(request, pk):
    """Record a planned meeting as held, or correct the record of a held one."""
    meeting = get_object_or_404(_meetings(request.user), pk=pk)
    if problem := _refusal(meeting, "log"):
        return _refuse(request, problem, meeting)
    return _log(request, meeting)


def log_new_meeting(request, pk):
    """Record a meeting that was never planned here."""
    mentorship = get_object_or_404(_mentorships(request.user), pk=pk)
    if not mentorship.is_open:
        messages.error(request, CLOSED)
        return redirect("mentorships:detail", pk)
    meeting = _new_meeting(mentorship, request.user)
    return _log(request, meeting)


def _log(request, meeting):
    mentorship = meeting.mentorship
    data = request.POST or None
    form = MeetingLogForm(data, instance=meeting, mentorship=mentorship)
    items = ActionItemFormSet(
        data, instance=meeting, prefix="items", form_kwargs={"mentorship": mentorship}
    )
    note_form = PrivateNoteForm(data, instance=_own_note(meeting, request.user), prefix="note")
    # All three are validated (to show every error at once), the meeting form first: it puts
    # the meeting's date on the instance that the action items' due dates are checked against.
    if all([form.is_valid(), items.is_valid(), note_form.is_valid()]):
        first_time = meeting.status != HELD
        with transaction.atomic():
            if meeting.pk and not _locked_if_status(meeting, PLANNED, HELD):
                return _refuse(request, "This meeting was cancelled meanwhile.", meeting)
            meeting.status, meeting.held_at = HELD, meeting.held_at or timezone.now()
            form.save(commit=False)
            if meeting.pk and Meeting.EVENT_FIELDS & set(form.changed_data):
                meeting.revise(LOG_FIELDS)  # logged at another time or length than planned
            elif meeting.pk:
                meeting.save(update_fields=LOG_FIELDS)
            else:
                meeting.save()
            form.save_m2m()
            items.save()
            _save_own_note(meeting, request.user, note_form.cleaned_data["text"])
            refresh_contact(mentorship.pk)
            if first_time:
                _tell_partner(meeting, request.user, "meeting.logged", "logged your meeting of")
        messages.success(request, "Logged.")
        return redirect("meetings:detail", meeting.pk)
    return _form_page(
        request,
        "meetings/log.html",
        form,
        mentorship,
        items=items,
        note_form=note_form,
        meeting=meeting,
    )


def quick_log(request, pk):
    """The mentor's log of a session in a few fields; it takes under half a minute."""
    mentorship = get_object_or_404(_mentorships(request.user), pk=pk)
    if not mentorship.is_open:
        messages.error(request, CLOSED)
        return redirect("mentorships:detail", pk)
    meeting = Meeting(
        mentorship=mentorship,
        created_by=request.user,
        status=HELD,
        minutes=mentorship.meeting_minutes,
        mode=mentorship.main_mode,
    )
    form = QuickLogForm(
        request.POST or None, instance=meeting, initial={"day": timezone.localdate()}
    )
    if form.is_valid():
        with transaction.atomic():
            meeting.starts_at, meeting.held_at = form.cleaned_data["starts_at"], timezone.now()
            form.save()
            if form.cleaned_data["action_text"]:
                ActionItem.objects.create(
                    meeting=meeting,
                    text=form.cleaned_data["action_text"],
                    owner=form.cleaned_data["action_owner"],
                    due_on=form.cleaned_data["action_due_on"],
                )
            refresh_contact(mentorship.pk)
            _tell_partner(meeting, request.user, "meeting.logged", "logged your meeting of")
        partner = mentorship.partner_of(request.user)
        messages.success(request, f"Logged your session with {partner}.")
        if request.user.pk == mentorship.mentor_id:
            return redirect("mentorships:my-mentees")
        return redirect("meetings:detail", meeting.pk)
    return _form_page(request, "meetings/quick_log.html", form, mentorship)


def cancel_meeting(request, pk):
    meeting = get_object_or_404(_meetings(request.user), pk=pk)
    if problem := _refusal(meeting, "change"):
        return _refuse(request, problem, meeting)
    if request.method == "POST":
        with transaction.atomic():
            if not _locked_if_status(meeting, PLANNED):
                return _refuse(request, "This meeting was logged or cancelled meanwhile.", meeting)
            meeting.cancel()
            release_for_meeting(meeting, Booking.Status.CANCELLED, request.user)
            refresh_contact(meeting.mentorship_id)
            _tell_partner(meeting, request.user, "meeting.cancelled", "cancelled your meeting of")
        messages.success(request, "Cancelled. Your partner has been told.")
        return redirect("meetings:list", meeting.mentorship_id)
    return render(
        request,
        "meetings/cancel.html",
        {"meeting": meeting, "partner": meeting.mentorship.partner_of(request.user)},
    )


def private_note(request, pk):
    meeting = get_object_or_404(_meetings(request.user), pk=pk)
    form = PrivateNoteForm(request.POST or None, instance=_own_note(meeting, request.user))
    if form.is_valid():
        _save_own_note(meeting, request.user, form.cleaned_data["text"])
        messages.success(request, "Your private note is saved. Only you can read it.")
        return redirect("meetings:detail", pk)
    return render(request, "meetings/private_note.html", {"form": form, "meeting": meeting})


@require_POST
def mark_action_item(request, pk, item_pk):
    """Set an action item done (done=1) or not done: either person may, whoever owns it."""
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)
    item = get_object_or_404(meeting.action_items, pk=item_pk)
    if request.POST.get("done") == "1":
        item.done_at = item.done_at or timezone.now()
    else:
        item.done_at = None
    item.save(update_fields=["done_at"])
    return redirect("meetings:detail", pk)


@require_safe
def meeting_ics(request, pk):
    meeting = get_object_or_404(_meetings(request.user).filter(status=PLANNED), pk=pk)
    response = HttpResponse(
        calendar.to_ical([meeting], "Mentoring meeting", request.user, calendar.site_root(request)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.pk}.ics"'
    return response


def calendar_settings(request):
    # Made on the first visit, so that people who never subscribe have no live secret.
    feed, _ = CalendarFeed.objects.get_or_create(user=request.user)
    url = calendar.feed_url(feed, calendar.site_root(request))
    return render(
        request,
        "meetings/calendar.html",
        {"feed_url": url, "webcal_url": calendar.webcal_url(url)},
    )


@require_POST
def reset_calendar(request):
    feed, _ = CalendarFeed.objects.get_or_create(user=request.user)
    feed.reset()
    messages.success(
        request, "New link made. The old one no longer works: subscribe again with this one."
    )
    return redirect("meetings:calendar")


@login_not_required  # calendar apps cannot sign in: the secret token is the key
@require_safe
def calendar_feed(request, token):
    feed = get_object_or_404(
        CalendarFeed.objects.select_related("user").filter(user__is_active=True), token=token
    )
    now = timezone.now()
    upcoming = Q(starts_at__gte=now)
    # Cancelled meetings too, published as cancelled, or copies would stay in calendars.
    # Within the cap the next meetings come first, then the latest past ones: a busy
    # person's calendar needs next week more than last month.
    meetings = (
        Meeting.objects.visible_to(feed.user)
        .filter(starts_at__gte=now - FEED_PAST)
        .select_related("mentorship__mentor", "mentorship__mentee")
        .order_by(
            Case(When(upcoming, then=0), default=1),
            Case(When(upcoming, then=F("starts_at"))).asc(nulls_last=True),
            "-starts_at",
            "-pk",
        )[:FEED_LIMIT]
    )
    # Office-hours bookings held on requests have no meeting yet: their own events (those
    # that became meetings are published as replaced, see calendar.booking_revision).
    bookings = (
        Booking.objects.visible_to(feed.user)
        .filter(request__isnull=False, starts_at__gte=now - FEED_PAST)
        .select_related("mentor", "student", "request")
        .order_by("-starts_at", "-pk")[:FEED_LIMIT]
    )
    response = HttpResponse(
        calendar.to_ical(
            meetings,
            "Mentoring",
            feed.user,
            calendar.site_root(request),
            is_feed=True,
            bookings=bookings,
        ),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex"
    return response
