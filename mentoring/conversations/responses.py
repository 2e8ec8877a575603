"""The response commitment: a reminder for a message left unanswered past the agreed time,
and each side's usual answer time written down on the mentorship.

A run is one side's messages in a row. The partner's next message answers the whole run at
once (the send path sets answered_at on every earlier unanswered message from the partner,
with one timestamp), so the messages of a run share their answered_at, and only a thread's
last run is ever unanswered. A run's wait counts from its first message: the reminder is
keyed on that message, and a response time is its answered_at minus its created_at.

Sweeps go in batches of mentorships with a fixed number of queries per batch. Reminders
carry a dedupe key under the outbox's unique constraint, so a doubled beat tick, a retry
or two workers at once send each one once.
"""

import datetime
import statistics
from collections import defaultdict

from django.db.models import Exists, F, Max, Min, OuterRef, Q, Value
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.urls import reverse
from django.utils import timezone

from mentoring.conversations.models import Message
from mentoring.lib.batches import id_batches
from mentoring.lib.sql import Epoch
from mentoring.mentorships.models import OPEN_STATUSES, Mentorship
from mentoring.notifications.services import notify_many

# A missed deadline older than this is not reminded: a sweep that was down catches up on
# two days, but a reminder about a silence of weeks is noise (and switching reminders on
# must not remind every thread's last message at once).
REMIND_WITHIN = datetime.timedelta(days=2)
SHORTEST_COMMITMENT = datetime.timedelta(hours=1)  # the agreement's least response_hours
MEDIAN_WINDOW = datetime.timedelta(days=90)
MIN_ANSWERS = 3  # answered runs a side needs before its median is shown
# The frequent refresh looks this far back for threads with new messages; the daily one
# covers anything older (a refresh that was down longer, the moving window).
RECENT = datetime.timedelta(days=2)
# A message committed a moment after a refresh read its thread may carry an earlier
# created_at: threads written to this long before their last refresh are read again.
COMMIT_SLACK = datetime.timedelta(minutes=5)


def thread_url(mentorship_id):
    """The thread's page (conversations:thread, mentorships/<pk>/messages/), spelled from
    the mentorship's own page, whose path it extends."""
    return reverse("mentorships:detail", args=[mentorship_id]) + "messages/"


def _agreed_seconds():
    return F("mentorship__response_hours") * Value(3600)


def answered_in_time_q():
    """Answered within the mentorship's agreed response_hours (one rule for the dashboard
    and the reminders: both read the same columns)."""
    waited = Epoch("answered_at") - Epoch("created_at")
    return Q(answered_at__isnull=False) & LessThanOrEqual(waited, _agreed_seconds())


def overdue_q(now):
    """Unanswered, and the agreed time has passed."""
    deadline = Epoch("created_at") + _agreed_seconds()
    return Q(answered_at=None) & LessThanOrEqual(deadline, Value(now.timestamp()))


def _first_of_run():
    """No earlier unanswered message from the same sender in the same thread."""
    earlier = Message.objects.unanswered().filter(
        Q(created_at__lt=OuterRef("created_at"))
        | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")),
        mentorship=OuterRef("mentorship"),
        sender=OuterRef("sender"),
    )
    return ~Exists(earlier)


def overdue_runs(now, longest_hours):
    """The first messages of unanswered runs on open mentorships whose agreed time ran out
    within the last REMIND_WITHIN. longest_hours bounds the created_at range, so that the
    unanswered messages' partial index finds them."""
    deadline = Epoch("created_at") + _agreed_seconds()
    oldest = now - REMIND_WITHIN - datetime.timedelta(hours=longest_hours)
    return (
        Message.objects.unanswered()
        .filter(
            mentorship__status__in=OPEN_STATUSES,
            created_at__gt=oldest,
            created_at__lte=now - SHORTEST_COMMITMENT,
        )
        .filter(
            LessThanOrEqual(deadline, Value(now.timestamp())),
            GreaterThan(deadline, Value((now - REMIND_WITHIN).timestamp())),
        )
        .filter(_first_of_run())
    )


def send_unanswered_reminders(now, batch_size=1000):
    """Remind the recipient of a run of messages once its agreed answer time has passed:
    once per run (the key names its first message), on open mentorships only (a request's
    thread has its own reminders). Returns how many were sent."""
    longest = Mentorship.objects.open().aggregate(hours=Max("response_hours"))["hours"]
    if longest is None:
        return 0
    due = overdue_runs(now, longest)
    sent = 0
    waiting = Mentorship.objects.filter(pk__in=due.values("mentorship_id"))
    for ids in id_batches(waiting, batch_size):
        runs = due.filter(mentorship__in=ids).values(
            "pk",
            "mentorship_id",
            "recipient_id",
            "mentorship__response_hours",
            "sender__display_name",
            "sender__email",
        )
        sent += notify_many([_reminder(run) for run in runs])
    return sent


def _reminder(run):
    # str(User): the display name, or the address when there is none.
    sender = run["sender__display_name"] or run["sender__email"]
    hours = run["mentorship__response_hours"]
    return {
        "recipient_id": run["recipient_id"],
        "kind": "message.unanswered",
        "title": f"{sender} is waiting for your answer",
        # Never the message itself: this goes out by e-mail.
        "body": f"You agreed to answer each other's messages within {hours} hour"
        f"{'s' if hours != 1 else ''}. A short reply keeps that promise, even if it only "
        "says when you can answer properly.",
        "url": thread_url(run["mentorship_id"]),
        "dedupe_key": f"message:unanswered:{run['pk']}",
    }


# Usual answer times ---------------------------------------------------------------------


def _median_minutes(waits):
    if len(waits) < MIN_ANSWERS:
        return None
    return round(statistics.median(waits) / 60)


def refresh_response_medians(mentorship_ids, now=None):
    """Work out and write down both sides' median answer time over the last 90 days on
    these mentorships (None where a side has fewer than MIN_ANSWERS answered runs): two
    queries whatever their number. The send path may call it after a message; the sweeps
    below call it in batches. Returns how many mentorships were written."""
    now = now or timezone.now()
    ids = list(mentorship_ids)
    if not ids:
        return 0
    runs = (
        Message.objects.filter(
            mentorship__in=ids, answered_at__gt=now - MEDIAN_WINDOW, answered_at__lte=now
        )
        .values("mentorship_id", "mentorship__mentor_id", "recipient_id", "answered_at")
        .annotate(first_at=Min("created_at"))
        .order_by()
    )
    waits = defaultdict(list)
    for run in runs:
        side = "mentor" if run["recipient_id"] == run["mentorship__mentor_id"] else "mentee"
        seconds = (run["answered_at"] - run["first_at"]).total_seconds()
        waits[run["mentorship_id"], side].append(max(seconds, 0))
    rows = [
        Mentorship(
            pk=pk,
            mentor_response_minutes=_median_minutes(waits[pk, "mentor"]),
            mentee_response_minutes=_median_minutes(waits[pk, "mentee"]),
            response_medians_at=now,
        )
        for pk in ids
    ]
    fields = ["mentor_response_minutes", "mentee_response_minutes", "response_medians_at"]
    Mentorship.objects.bulk_update(rows, fields)
    return len(rows)


def refresh_recent_medians(now, batch_size=1000):
    """Threads written to since their medians were last worked out. A thread's newest
    message is never answered (answers come later), so the unanswered messages' partial
    index finds every thread with a new message, answers included."""
    new = (
        Message.objects.unanswered()
        .filter(mentorship__isnull=False, created_at__gte=now - RECENT)
        .filter(
            Q(mentorship__response_medians_at=None)
            | Q(created_at__gte=F("mentorship__response_medians_at") - Value(COMMIT_SLACK))
        )
    )
    touched = Mentorship.objects.filter(pk__in=new.values("mentorship_id"))
    return sum(refresh_response_medians(ids, now) for ids in id_batches(touched, batch_size))


def refresh_all_medians(now, batch_size=1000):
    """Daily: the 90-day window moves, so every mentorship with a median written or a
    message within the window is worked out again."""
    written = Q(mentor_response_minutes__isnull=False) | Q(mentee_response_minutes__isnull=False)
    recent = Exists(
        Message.objects.filter(mentorship=OuterRef("pk"), created_at__gte=now - MEDIAN_WINDOW)
    )
    mentorships = Mentorship.objects.filter(written | recent)
    return sum(refresh_response_medians(ids, now) for ids in id_batches(mentorships, batch_size))
