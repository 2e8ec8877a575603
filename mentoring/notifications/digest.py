"""The daily digest: one morning e-mail per person listing what they chose to get that way.

Run hourly. Each run takes the people for whom it is now the digest hour, in batches, with
a fixed number of queries per batch however many people and rows it holds.
"""

import logging
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from mentoring.notifications import preferences
from mentoring.notifications.delivery import unsubscribe_headers
from mentoring.notifications.models import EmailChoice, Notification, NotificationPreference

log = logging.getLogger(__name__)
BATCH_SIZE = 100
Status = Notification.EmailStatus


def due_recipient_batches(now, size=BATCH_SIZE):
    """Ids of people with rows held for the digest whose local time is the digest hour."""
    held = Notification.objects.held_for_digest()
    zones = held.order_by().values_list("recipient__time_zone", flat=True).distinct()
    hour = preferences.digest_hour()
    morning = [zone for zone in zones if now.astimezone(preferences.zone_named(zone)).hour == hour]
    ids = list(
        held.filter(recipient__time_zone__in=morning)
        .order_by("recipient_id")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def send_batch(recipient_ids, now):
    """Claim, send and settle the held rows of these people: one e-mail each.

    Returns the number of e-mails sent. Rows whose category the person has turned off
    since are SKIPPED; the rows of an e-mail that failed wait for the next digest.
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

    sent, failures, emails = [], defaultdict(list), 0
    for person, held in by_person.items():
        ids = [row.pk for row in held]
        try:
            build_digest(person, held).send()
        except Exception as error:  # any backend error: SMTP, DNS, refused connection
            log.warning("Digest for user %s failed: %s", person.pk, error)
            failures[f"{type(error).__name__}: {error}"[:2000]] += ids
        else:
            sent += ids
            emails += 1
    if sent:
        Notification.objects.filter(pk__in=sent).update(
            email_status=Status.SENT, emailed_at=timezone.now(), email_error=""
        )
    for error, ids in failures.items():  # usually one error: the mail server is down
        gave_up = When(
            email_attempts__gte=settings.NOTIFICATION_MAX_ATTEMPTS, then=Value(Status.FAILED)
        )
        Notification.objects.filter(pk__in=ids).update(
            email_status=Case(gave_up, default=Value(Status.DIGEST)), email_error=error
        )
    return emails


def _claim(recipient_ids, now):
    """The held rows of these people, taken from DIGEST to SENDING; [] if another run has
    taken any of them meanwhile (that run sends them)."""
    with transaction.atomic():
        rows = list(
            Notification.objects.held_for_digest()
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
    unsubscribe_link = preferences.unsubscribe_url(person.pk, preferences.DIGEST_SCOPE)
    sections = defaultdict(list)
    for row in rows:
        link = f"{settings.SITE_URL}{row.url}" if row.url else ""
        sections[row.category.label].append((row, link))
    context = {
        "person": person,
        "sections": dict(sections),
        "count": len(rows),
        "site_name": settings.SITE_NAME,
        "inbox_link": settings.SITE_URL + reverse("notifications:inbox"),
        "unsubscribe_link": unsubscribe_link,
        "settings_link": preferences.settings_url(),
    }
    noun = "update" if len(rows) == 1 else "updates"
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] Your daily digest: {len(rows)} {noun}",
        body=render_to_string("notifications/digest.txt", context),
        to=[person.email],
        headers=unsubscribe_headers(unsubscribe_link),
    )
    message.attach_alternative(render_to_string("notifications/digest.html", context), "text/html")
    return message
