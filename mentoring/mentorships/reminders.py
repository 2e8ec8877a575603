"""Reminders about requests and quiet relationships, as periodic sweeps.

Availability is what the literature asks of mentors: answer within the time you
committed to. Each reminder carries a dedupe key (kind, object, period) under a unique
constraint, so a sweep can run twice, or on two workers at once, and send each once.
"""

import datetime
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from mentoring.lib.batches import id_batches
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.notifications.services import notify_many, settle
from mentoring.profiles.models import MentorProfile

# A second reminder when the wait reaches this many times the mentor's commitment.
SECOND_REMINDER_FACTOR = 3
Kind, Status = MentorshipRequest.Kind, MentorshipRequest.Status


def _pending_with_commitment():
    return (
        MentorshipRequest.objects.pending()
        .select_related("mentor", "mentee", "mentor__mentor_profile")
        .order_by("pk")
    )


def _answerer(request_obj):
    if request_obj.answerer_id == request_obj.mentor_id:
        return request_obj.mentor
    return request_obj.mentee


def _expiry_cutoff(now):
    """Requests created before this have waited past the expiry."""
    return now - datetime.timedelta(days=settings.REQUEST_EXPIRY_DAYS)


def send_request_reminders(now):
    """Remind whoever must answer once the committed time has passed, and once more later;
    tell a mentee kindly when their request has waited several days.

    A sweep that runs late (after downtime) sends only the latest stage that is due: a
    request past its expiry is left to expire_requests, whose notice says it all."""
    nudge_after = datetime.timedelta(days=settings.REQUEST_MENTEE_NUDGE_DAYS)
    live = MentorshipRequest.objects.pending().filter(created_at__gte=_expiry_cutoff(now))
    sent = 0
    for ids in id_batches(live, 500):
        notices = [
            notice
            for request_obj in _pending_with_commitment().filter(pk__in=ids)
            for notice in _request_notices(request_obj, now, nudge_after)
        ]
        sent += notify_many(notices)
    return sent


def _request_notices(request_obj, now, nudge_after):
    profile = getattr(request_obj.mentor, "mentor_profile", None)
    hours = profile.response_hours if profile else 24
    waited = now - request_obj.created_at
    link = reverse("mentorships:request", args=[request_obj.pk])
    # Only the latest stage due. For a given commitment the stage only advances with time,
    # so a later tick computes the same key (a no-op), never the first reminder it skipped.
    due_stages = [
        stage
        for stage, factor in (("first", 1), ("second", SECOND_REMINDER_FACTOR))
        if waited >= datetime.timedelta(hours=hours * factor)
    ]
    notices = [
        {
            "recipient_id": _answerer(request_obj).pk,
            "kind": "reminder.request",
            "title": f"{request_obj.created_by} is waiting for your answer",
            "body": f"Sent {waited.days or 'less than one'} day(s) ago. A kind no is better "
            "than silence; you can also refer them to a colleague.",
            "url": link,
            "dedupe_key": f"reminder:request:{request_obj.pk}:{stage}",
        }
        for stage in due_stages[-1:]
    ]
    if request_obj.kind == Kind.ASK and waited >= nudge_after:
        notices.append(
            {
                "recipient_id": request_obj.mentee_id,
                "kind": "reminder.request",
                "title": f"No answer from {request_obj.mentor} yet",
                "body": "Faculty are busy; silence is rarely about you. Meanwhile, other mentors "
                "with room share your interests.",
                "url": reverse("matching:recommendations"),
                "dedupe_key": f"reminder:request:{request_obj.pk}:mentee-nudge",
            }
        )
    return notices


@transaction.atomic
def expire_requests(now):
    """Close requests left unanswered past the expiry, with a message to both people."""
    stale = list(_pending_with_commitment().filter(created_at__lt=_expiry_cutoff(now)))
    # A conditional update: a request answered a moment ago is not expired.
    MentorshipRequest.objects.filter(pk__in=[r.pk for r in stale], status=Status.PENDING).update(
        status=Status.EXPIRED, answered_at=now
    )
    expired = MentorshipRequest.objects.filter(
        pk__in=[r.pk for r in stale], status=Status.EXPIRED
    ).select_related("mentor", "mentee")
    notices = []
    for request_obj in expired:
        link = reverse("mentorships:request", args=[request_obj.pk])
        for person, other in (
            (request_obj.mentee, request_obj.mentor),
            (request_obj.mentor, request_obj.mentee),
        ):
            notices.append(
                {
                    "recipient_id": person.pk,
                    "kind": "request.expired",
                    "title": f"The request between you and {other} has expired",
                    "body": f"It waited {settings.REQUEST_EXPIRY_DAYS} days without an answer. "
                    "Either of you can start again.",
                    "url": link,
                    "dedupe_key": f"request:{request_obj.pk}:expired:{person.pk}",
                }
            )
    _release_pending(expired)
    settle([(r.answerer_id, reverse("mentorships:request", args=[r.pk])) for r in expired])
    notify_many(notices)
    return len(expired)


def _release_pending(expired):
    waited_on = Counter(r.mentor_id for r in expired if r.answerer_id == r.mentor_id)
    for mentor_id, count in waited_on.items():
        MentorProfile.objects.count_pending_request(mentor_id, -count)


def quiet_since(mentorship):
    return mentorship.contact_counted_since


def send_quiet_reminders(now, batch_size=1000):
    """A gentle nudge to both when contact has lapsed past 1.5 times the agreed rhythm,
    once per quiet spell (the key names the last contact)."""
    sent = 0
    for ids in id_batches(Mentorship.objects.quiet(now), batch_size):
        batch = (
            Mentorship.objects.filter(pk__in=ids)
            .select_related("mentor", "mentee")
            .only(
                "pk",
                "mentor",
                "mentee",
                "last_contact_at",
                "started_on",
                "recorded_on",
                "cadence_days",
                "mentor__display_name",
                "mentee__display_name",
            )
        )
        notices = []
        for m in batch:
            since = quiet_since(m)
            for person, other in ((m.mentor, m.mentee), (m.mentee, m.mentor)):
                notices.append(
                    {
                        "recipient_id": person.pk,
                        "kind": "reminder.quiet",
                        "title": f"It has been a while since you and {other} met",
                        "body": f"You agreed to meet every {m.cadence_days} days. A short message "
                        "to plan the next meeting keeps the relationship going.",
                        "url": reverse("mentorships:detail", args=[m.pk]),
                        "dedupe_key": f"reminder:quiet:{m.pk}:{since:%Y%m%d%H%M}:{person.pk}",
                    }
                )
        sent += notify_many(notices)
    return sent
