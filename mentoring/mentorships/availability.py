"""Asking mentors whether they still take mentees, as a periodic sweep.

A directory is only as good as its "accepting" flags: a mentor who moved on, or who has no
time this term, still shows places free, and students' requests wait on them. So mentors
taking mentees are asked to confirm in one click (profiles:availability):
- at the start of each term (settings.AVAILABILITY_TERM_STARTS), once per term;
- when two requests in a row waited past the answer time they committed to
  (MentorProfile.response_hours), once per such run.
The answer is written on MentorProfile (availability_*), which the directory and the
recommendations read: unanswered for AVAILABILITY_CONFIRM_DAYS, the profile shows
"availability not confirmed" and ranks below mentors who confirmed. Each check-in has a
dedupe key (mentor, term or request), and the rows asked are claimed under a lock, so two
ticks or two workers send it once. Each batch of mentors costs a fixed number of queries.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from mentoring.lib.batches import id_batches
from mentoring.mentorships.models import MentorshipRequest
from mentoring.notifications.services import notify_many
from mentoring.profiles.models import MentorProfile

KIND = "reminder.availability"
# A term's check-in still goes out this long after the term began (a sweep that was down
# for days catches up); a mentor who joins later in the term waits for the next one.
TERM_CHECK_WITHIN = datetime.timedelta(days=30)
# Requests looked at for "two in a row": those of the last 90 days. Two misses further
# apart than that say little about whether the mentor is around now.
MISSES_LOOK_BACK = datetime.timedelta(days=90)
BATCH = 500


def term_start(today):
    """The first day of the term `today` falls in: the latest configured start on or
    before it (last year's last one in early January, if no start falls on 1 January)."""
    starts = [
        datetime.date(year, month, day)
        for year in (today.year - 1, today.year)
        for month, day in settings.AVAILABILITY_TERM_STARTS
    ]
    return max(start for start in starts if start <= today)


def send_availability_checks(now):
    """Run both rules; return how many check-ins were sent."""
    return send_term_checks(now) + send_missed_request_checks(now)


def _asking():
    """Mentors a check-in is for: listed, and telling students they take mentees."""
    return MentorProfile.objects.listed().filter(is_accepting=True)


def send_term_checks(now, batch_size=BATCH):
    """At a term's start, ask every mentor taking mentees who has neither been asked nor
    confirmed since it began."""
    # The school's dates (TIME_ZONE), whatever zone a web request activated in this thread.
    school = timezone.get_default_timezone()
    start_day = term_start(timezone.localdate(now, school))
    began = timezone.make_aware(datetime.datetime.combine(start_day, datetime.time()), school)
    if now - began > TERM_CHECK_WITHIN:
        return 0
    due = _asking().filter(
        Q(availability_asked_at=None) | Q(availability_asked_at__lt=began),
        Q(availability_confirmed_at=None) | Q(availability_confirmed_at__lt=began),
    )
    sent = 0
    for ids in id_batches(due, batch_size):
        with transaction.atomic():
            claimed = _claim(due.filter(pk__in=ids), now)
            sent += notify_many([_term_notice(profile, start_day) for profile in claimed])
    return sent


def send_missed_request_checks(now, batch_size=BATCH):
    """Ask each mentor taking mentees, not already asked and unanswered, whose last two
    requests due by now both waited past their commitment; only requests since the mentor
    was last asked or confirmed count, so an answer needs two new misses to ask again."""
    recent = MentorshipRequest.objects.filter(created_at__gte=now - MISSES_LOOK_BACK)
    to_answer = recent.exclude(created_by=F("mentor")).values("mentor_id")
    waited_on = _asking().filter(availability_awaited_since=None, user_id__in=to_answer)
    sent = 0
    for ids in id_batches(waited_on, batch_size):
        profiles = list(
            MentorProfile.objects.filter(pk__in=ids).only(
                "pk",
                "user_id",
                "response_hours",
                "availability_asked_at",
                "availability_confirmed_at",
            )
        )
        requests = defaultdict(list)
        rows = (
            recent.exclude(created_by=F("mentor"))
            .filter(mentor_id__in=[p.user_id for p in profiles])
            .order_by("mentor_id", "created_at", "pk")
            .values_list("mentor_id", "pk", "created_at", "answered_at", "status")
        )
        for mentor_id, *request_facts in rows:
            requests[mentor_id].append(request_facts)
        second_misses = {
            profile.pk: missed
            for profile in profiles
            if (missed := second_miss_in_a_row(profile, requests[profile.user_id], now))
        }
        if not second_misses:
            continue
        with transaction.atomic():
            # Still not awaiting an answer (another worker may have asked meanwhile).
            claimed = _claim(waited_on.filter(pk__in=second_misses), now)
            sent += notify_many(
                [_missed_notice(profile, second_misses[profile.pk]) for profile in claimed]
            )
    return sent


def second_miss_in_a_row(profile, requests, now):
    """The id of the later of the mentor's last two requests due by `now`, if both waited
    past the commitment; else None. `requests` are (id, created_at, answered_at, status)
    in the order they came, the mentor being the one to answer each.

    A request withdrawn before it was due says nothing about the mentor and is skipped;
    an expired one was never answered."""
    commitment = datetime.timedelta(hours=profile.response_hours)
    since = max(
        (t for t in (profile.availability_asked_at, profile.availability_confirmed_at) if t),
        default=None,
    )
    outcomes = []
    for request_id, created_at, answered_at, status in requests:
        due = created_at + commitment
        if due > now or (since and created_at <= since):
            continue
        if status == MentorshipRequest.Status.WITHDRAWN and answered_at <= due:
            continue
        outcomes.append((request_id, answered_at is None or answered_at > due))
    if len(outcomes) >= 2 and outcomes[-1][1] and outcomes[-2][1]:
        return outcomes[-1][0]
    return None


def _claim(rows, now):
    """Lock these mentors' rows, mark them asked, and return them (with user_id and
    response_hours). The oldest unanswered check-in is kept: "not confirmed" counts from
    it, so asking again at a new term does not restart the count."""
    claimed = list(rows.select_for_update(skip_locked=True).only("pk", "user_id", "response_hours"))
    MentorProfile.objects.filter(pk__in=[p.pk for p in claimed]).update(
        availability_asked_at=now,
        availability_awaited_since=Coalesce(F("availability_awaited_since"), Value(now)),
    )
    return claimed


def _notice(profile, key, title, body):
    return {
        "recipient_id": profile.user_id,
        "kind": KIND,
        "title": title,
        "body": body + " If we don't hear from you within "
        f"{settings.AVAILABILITY_CONFIRM_DAYS} days, students see “availability not confirmed” "
        "on your profile.",
        "url": reverse("profiles:availability"),
        "dedupe_key": f"availability:{profile.pk}:{key}",
    }


def _term_notice(profile, start_day):
    return _notice(
        profile,
        f"term:{start_day.isoformat()}",
        "A new term: are you still taking mentees?",
        "Confirm in one click that you are, with the places you have free, or pause new "
        "requests for a while.",
    )


def _missed_notice(profile, request_id):
    return _notice(
        profile,
        f"missed:{request_id}",
        "Are you still taking mentees?",
        f"Two requests in a row waited longer than the {profile.response_hours} hours you "
        "aim to answer in. If this is a busy time, pausing new requests is kind to students; "
        "otherwise, confirm in one click that you are still taking mentees.",
    )
