"""Starting, pausing, resuming and closing mentorships: the writes that keep load counts true."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from mentoring.mentorships.models import Mentorship, MentorshipEvent
from mentoring.notifications.services import notify
from mentoring.profiles.models import MenteeProfile, MentorProfile

FIRST_REASSESSMENT_AFTER = datetime.timedelta(days=30)


class MentorFull(Exception):
    """The mentor has no room left."""


class NotAllowed(Exception):
    """The change does not fit the mentorship's current state."""


def link(mentorship):
    return reverse("mentorships:detail", args=[mentorship.pk])


@transaction.atomic
def start_mentorship(
    mentor,
    mentee,
    *,
    started_on=None,
    recorded_after_the_fact=False,
    focus_areas=(),
    **expectations,
):
    """Create an active mentorship, taking one of the mentor's slots.

    The slot is taken by a conditional UPDATE, so two accepts racing for the last
    slot cannot both succeed; the loser gets MentorFull and nothing is written.

    recorded_after_the_fact: a relationship that began before it was confirmed here ("We
    already meet"): today is written as its recorded_on, from which contact and the first
    reassessment count (not from started_on, which stays the true start), and it gets no
    first-meeting fit check (feedback/reassessment.py).
    """
    if not MentorProfile.objects.take_slot(mentor.pk):
        raise MentorFull(f"{mentor} has no room for another mentee.")
    today = timezone.localdate()
    started_on = started_on or today
    recorded_on = today if recorded_after_the_fact else None
    programme_id, stage_id = MenteeProfile.objects.filter(user=mentee).values_list(
        "programme_id", "stage_id"
    ).first() or (None, None)
    mentorship = Mentorship.objects.create(
        mentor=mentor,
        mentee=mentee,
        programme_at_start_id=programme_id,
        stage_at_start_id=stage_id,
        started_on=started_on,
        recorded_on=recorded_on,
        reassess_on=max((recorded_on or started_on) + FIRST_REASSESSMENT_AFTER, today),
        **expectations,
    )
    mentorship.focus_areas.set(focus_areas)
    return mentorship


def _lock(mentorship):
    return Mentorship.objects.select_for_update().get(pk=mentorship.pk)


@transaction.atomic
def pause(mentorship, by):
    mentorship = _lock(mentorship)
    if mentorship.status != Mentorship.Status.ACTIVE:
        raise NotAllowed("Only an active mentorship can be paused.")
    mentorship.status, mentorship.paused_at = Mentorship.Status.PAUSED, timezone.now()
    mentorship.save(update_fields=["status", "paused_at"])
    MentorshipEvent.objects.create(mentorship=mentorship, kind=MentorshipEvent.Kind.PAUSED, by=by)
    partner = mentorship.partner_of(by)
    notify(
        partner,
        "mentorship.paused",
        f"{by} paused your mentorship",
        url=link(mentorship),
        body="A pause keeps the relationship; either of you can resume it.",
    )
    return mentorship


@transaction.atomic
def resume(mentorship, by):
    mentorship = _lock(mentorship)
    if mentorship.status != Mentorship.Status.PAUSED:
        raise NotAllowed("Only a paused mentorship can be resumed.")
    mentorship.status, mentorship.paused_at = Mentorship.Status.ACTIVE, None
    mentorship.save(update_fields=["status", "paused_at"])
    MentorshipEvent.objects.create(mentorship=mentorship, kind=MentorshipEvent.Kind.RESUMED, by=by)
    notify(
        mentorship.partner_of(by),
        "mentorship.resumed",
        f"{by} resumed your mentorship",
        url=link(mentorship),
    )
    return mentorship


@transaction.atomic
def close(mentorship, by, reason, reflection="", partner_message=""):
    """End the mentorship for both; it stays in both people's history. partner_message, when
    given, is what the partner's notice says instead of the reason (a no-fault ending)."""
    mentorship = _lock(mentorship)
    if not mentorship.is_open:
        raise NotAllowed("This mentorship is already closed.")
    mentorship.status = Mentorship.Status.CLOSED
    mentorship.closed_at, mentorship.closed_by = timezone.now(), by
    mentorship.close_reason, mentorship.closing_reflection = reason, reflection
    mentorship.next_meeting_at = None  # meetings still planned will not take place
    mentorship.save(
        update_fields=[
            "status",
            "closed_at",
            "closed_by",
            "close_reason",
            "closing_reflection",
            "next_meeting_at",
        ]
    )
    MentorProfile.objects.release_slot(mentorship.mentor_id)
    notify(
        mentorship.partner_of(by),
        "mentorship.closed",
        f"{by} closed your mentorship",
        body=partner_message or f"Reason: {mentorship.get_close_reason_display()}.",
        url=link(mentorship),
    )
    return mentorship
