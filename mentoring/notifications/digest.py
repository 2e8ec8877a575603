"""The daily digest: one morning e-mail per person listing what they chose to get that way.

Run hourly. Each run takes the people whose digest hour has come, in batches, with
a fixed number of queries per batch however many people and rows it holds.
"""

import datetime
import logging
from collections import defaultdict

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from mentoring.notifications import delivery, preferences
from mentoring.notifications.models import EmailChoice, Notification, NotificationPreference

log = logging.getLogger(__name__)
BATCH_SIZE = 100
Status = Notification.EmailStatus


def due_recipient_batches(now, size=BATCH_SIZE):
    """Ids of people with rows held since before their latest digest hour.

    Counting from the latest digest hour rather than matching the current one means a
    missed hourly tick (the broker was down at 07:00) sends the digest at the next tick,
    not a day late; rows held after the hour wait for the next morning.
    """
    held = Notification.objects.held_for_digest().exclude(email_not_before__gt=now)
    zones = held.order_by().values_list("recipient__time_zone", flat=True).distinct()
    since_digest_hour = Q()
    for zone in zones:
        moment = last_digest_hour(zone, now)
        since_digest_hour |= Q(recipient__time_zone=zone, created_at__lt=moment)
    if not since_digest_hour:
        return
    ids = list(
        held.filter(since_digest_hour)
        .order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def last_digest_hour(zone, now):
    local = now.astimezone(preferences.zone_named(zone))
    moment = local.replace(hour=preferences.digest_hour(), minute=0, second=0, microsecond=0)
    # Subtracting a day from a zoned datetime keeps the wall clock, so DST cannot shift it.
    return moment if moment <= local else moment - datetime.timedelta(days=1)


def send_batch(recipient_ids, now):
    """Claim, send and settle the held rows of these people: one e-mail each.

    Returns the number of e-mails sent. Rows whose category the person has turned off
    since are SKIPPED; the rows of an e-mail that failed wait for a later digest run, or
    are marked failed as delivery.record_failure decides.
    """
    rows = _claim(recipient_ids, now)
    if not rows:
        return 0
    turned_off = set(
        NotificationPreference.objects.filter(
            user_id__in=recipient_ids, choice=EmailChoice.OFF
        ).values_list("user_id", "category")
    )
    by_person, skipped = defaultdict(list), []
    for row in rows:
        if (row.recipient_id, row.category) in turned_off:
            skipped.append(row.pk)
        else:
            by_person[row.recipient].append(row)
    if skipped:
        Notification.objects.filter(pk__in=skipped).update(email_status=Status.SKIPPED)

    sent, emails = [], 0
    for person, held in by_person.items():
        try:
            build_digest(person, held).send()
        except Exception as error:  # any backend error: SMTP, DNS, refused connection
            delivery.record_failure(held, error, now, retry_status=Status.DIGEST)
        else:
            sent += [row.pk for row in held]
            emails += 1
    if sent:
        Notification.objects.filter(pk__in=sent).update(
            email_status=Status.SENT, emailed_at=timezone.now(), email_error=""
        )
    return emails


def _claim(recipient_ids, now):
    """The held rows of these people, taken from DIGEST to SENDING; [] if another run has
    taken any of them meanwhile (that run sends them)."""
    with transaction.atomic():
        rows = list(
            Notification.objects.held_for_digest()
            .exclude(email_not_before__gt=now)
            .filter(recipient_id__in=recipient_ids)
            .select_related("recipient")
            .order_by("recipient_id", "created_at", "pk")
        )
        claimed = (
            Notification.objects.held_for_digest()
            .filter(pk__in=[row.pk for row in rows])
            .update(
                email_status=Status.SENDING,
                email_claimed_at=now,
                email_attempts=F("email_attempts") + 1,
            )
        )
        if claimed != len(rows):
            # Two runs at once: whichever claimed first sends; this one gives the rows back.
            transaction.set_rollback(True)
            log.warning("Digest rows of users %s were claimed by another run", recipient_ids)
            return []
    return rows


def build_digest(person, rows):
    noun = "update" if len(rows) == 1 else "updates"
    heading = f"Your daily digest: {len(rows)} {noun}"
    return delivery.build_summary(person, rows, heading, scope=preferences.DIGEST_SCOPE)
