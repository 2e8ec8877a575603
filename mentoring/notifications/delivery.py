"""E-mail delivery of notification rows: claimed once, retried for days, failures visible.

Before sending, each row goes the way its recipient chose for its category: not e-mailed
(SKIPPED), held for the daily digest (DIGEST), or sent, after their night if need be. Rows
of one person that are due together (held through the night, caught up after an outage)
leave as one e-mail listing them.

A temporary failure (the mail server down, slow or saying "try later") puts the row back
with a later `email_not_before`, growing to an hour between attempts, until
NOTIFICATION_RETRY_HOURS after the first failure; the sweeper takes it from there. Only a
permanent rejection (a 5xx answer to the recipient or the message, an address Django
cannot use) marks it FAILED at once. Staff can send FAILED rows again from the admin.
"""

import datetime
import logging
import smtplib
from collections import defaultdict

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from mentoring.lib.mail import message_id
from mentoring.lib.text import without_control_characters
from mentoring.notifications import preferences
from mentoring.notifications.models import EmailChoice, Notification

log = logging.getLogger(__name__)
Status = Notification.EmailStatus
LONGEST_WAIT = datetime.timedelta(hours=1)


# A claim older than this is taken to belong to a worker that died mid-send.
def claim_timeout():
    return datetime.timedelta(minutes=settings.NOTIFICATION_CLAIM_TIMEOUT_MINUTES)


def next_wait(attempts):
    """1, 2, 4... minutes after each failed attempt, at most an hour."""
    return min(datetime.timedelta(minutes=2 ** min(attempts - 1, 10)), LONGEST_WAIT)


def is_permanent(error):
    """Whether retrying cannot help: the server rejected the recipient or the message for
    good (5xx), or the address or a header cannot be sent at all. A refused sender or
    failed log-in is our configuration, which staff can mend, so those are retried."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPDataError):
        return error.smtp_code >= 500
    # Django raises ValueError (BadHeaderError is one) for an address or header it refuses.
    return isinstance(error, ValueError)


def headers(unsubscribe_link, notification_ids):
    return {
        # RFC 8058: mail clients show an unsubscribe button and POST to the link themselves.
        "List-Unsubscribe": f"<{unsubscribe_link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": message_id(),
        # Which rows an e-mail carries, for support and for the outage drill's accounting.
        "X-Mentoring-Notifications": ",".join(str(pk) for pk in notification_ids),
    }


def build_email(notification):
    if notification.recipient_id is None:
        return build_address_email(notification)
    category = notification.category
    unsubscribe_link = preferences.unsubscribe_url(notification.recipient_id, category)
    context = {
        "notification": notification,
        "link": f"{settings.SITE_URL}{notification.url}" if notification.url else "",
        "site_name": settings.SITE_NAME,
        "inbox_link": settings.SITE_URL + reverse("notifications:inbox"),
        "category": category.label,
        "unsubscribe_link": unsubscribe_link,
        "settings_link": preferences.settings_url(),
    }
    message = EmailMultiAlternatives(
        # Rows written before names were validated may hold a line break, which Django
        # refuses in a header; the subject is made one line here, at send time.
        subject=without_control_characters(f"[{settings.SITE_NAME}] {notification.title}"),
        body=render_to_string("notifications/email.txt", context),
        to=[notification.recipient.email],
        headers=headers(unsubscribe_link, [notification.pk]),
    )
    message.attach_alternative(render_to_string("notifications/email.html", context), "text/html")
    return message


def build_address_email(notification):
    """The e-mail of a row for an address with no account (an invitation): no inbox to point
    to and no preferences to change, so none of their links."""
    context = {
        "notification": notification,
        "link": f"{settings.SITE_URL}{notification.url}" if notification.url else "",
        "site_name": settings.SITE_NAME,
    }
    message = EmailMultiAlternatives(
        subject=without_control_characters(f"[{settings.SITE_NAME}] {notification.title}"),
        body=render_to_string("notifications/address_email.txt", context),
        to=[notification.address],
        headers={
            "Message-ID": message_id(),
            "X-Mentoring-Notifications": str(notification.pk),
        },
    )
    message.attach_alternative(
        render_to_string("notifications/address_email.html", context), "text/html"
    )
    return message


def build_summary(person, rows, heading, scope=None):
    """One e-mail listing several rows by category: the daily digest (scope DIGEST_SCOPE),
    or the rows of one person that became due together (scope: their categories)."""
    categories = sorted({row.category for row in rows})
    if scope == preferences.DIGEST_SCOPE:
        unsubscribe_what = "the daily digest"
    else:
        scope = ",".join(categories)
        unsubscribe_what = ", ".join(c.label.lower() for c in categories)
    unsubscribe_link = preferences.unsubscribe_url(person.pk, scope)
    sections = defaultdict(list)
    for row in rows:
        link = f"{settings.SITE_URL}{row.url}" if row.url else ""
        sections[row.category.label].append((row, link))
    context = {
        "heading": heading,
        "sections": dict(sections),
        "site_name": settings.SITE_NAME,
        "inbox_link": settings.SITE_URL + reverse("notifications:inbox"),
        "unsubscribe_link": unsubscribe_link,
        "unsubscribe_what": unsubscribe_what,
        "settings_link": preferences.settings_url(),
    }
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {heading}",
        body=render_to_string("notifications/summary.txt", context),
        to=[person.email],
        headers=headers(unsubscribe_link, [row.pk for row in rows]),
    )
    message.attach_alternative(render_to_string("notifications/summary.html", context), "text/html")
    return message


def deliver(notification_ids, now=None):
    """Send the e-mails of these rows, or set them aside as their recipients chose.

    Each person's choice for a row's category decides: OFF marks it SKIPPED, DIGEST holds it
    for the daily digest, IMMEDIATE sends it now or, during their night, at their morning.
    A person's rows sent now leave as one e-mail. Rows that are sent, failed, set aside,
    not yet due, or being sent by another worker are left alone, so calling this twice, or
    from two workers at once, sends nothing twice. Returns the number of e-mails sent.
    """
    now = now or timezone.now()
    stale_before = now - claim_timeout()
    rows = list(
        Notification.objects.filter(pk__in=notification_ids)
        .claimable(stale_before)
        .exclude(email_not_before__gt=now)
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "pk")
    )
    addressed = [row for row in rows if row.recipient_id is None]
    rows = [row for row in rows if row.recipient_id is not None]
    choices = preferences.choices_for({row.recipient_id for row in rows})
    by_person = defaultdict(list)
    for row in rows:
        by_person[row.recipient].append(row)
    return sum(
        _send_to(person, held, choices[person.pk], now, stale_before)
        for person, held in by_person.items()
    ) + sum(_send_one(row, now, stale_before) for row in addressed)


def _send_one(row, now, stale_before):
    """A row for an address with no account: sent alone, as soon as it is claimed."""
    if not row.claim_for_email(stale_before):
        return 0
    try:
        build_email(row).send()
    except Exception as error:  # any backend error, as in _send_to
        record_failure([row], error, now)
        return 0
    Notification.objects.filter(pk=row.pk).update(
        email_status=Status.SENT, emailed_at=timezone.now(), email_error="", email_claimed_at=None
    )
    return 1


def _send_to(person, rows, choices, now, stale_before):
    by_choice = defaultdict(list)
    for row in rows:
        by_choice[choices.get(row.category, EmailChoice.IMMEDIATE)].append(row)
    for choice, status in ((EmailChoice.OFF, Status.SKIPPED), (EmailChoice.DIGEST, Status.DIGEST)):
        _set_aside(by_choice[choice], stale_before, email_status=status, email_not_before=None)
    due = by_choice[EmailChoice.IMMEDIATE]
    morning = preferences.quiet_until(person, now) if due else None
    if morning is not None:
        _set_aside(due, stale_before, email_status=Status.PENDING, email_not_before=morning)
        return 0
    claimed = [row for row in due if row.claim_for_email(stale_before)]
    if not claimed:
        return 0
    if len(claimed) == 1:
        message = build_email(claimed[0])
    else:
        message = build_summary(person, claimed, f"{len(claimed)} updates while you were away")
    try:
        message.send()
    except Exception as error:  # any backend error: SMTP, DNS, refused connection, timeout
        record_failure(claimed, error, now)
        return 0
    Notification.objects.filter(pk__in=[row.pk for row in claimed]).update(
        email_status=Status.SENT, emailed_at=timezone.now(), email_error="", email_claimed_at=None
    )
    return 1


def _set_aside(rows, stale_before, **fields):
    """Settle rows without sending them; conditional like a claim, so a row another worker
    took meanwhile is left to it."""
    if rows:
        Notification.objects.filter(pk__in=[row.pk for row in rows]).claimable(stale_before).update(
            email_claimed_at=None, **fields
        )


def record_failure(rows, error, now, retry_status=Status.PENDING):
    """Put claimed rows back to be tried later, or mark them FAILED when the error is
    permanent or their retry window is over. `retry_status` is where a retried row waits:
    PENDING for the sweeper, DIGEST for the next digest."""
    permanent = is_permanent(error)
    text = f"{type(error).__name__}: {error}"[:2000]
    log.warning(
        "E-mail for notification(s) %s failed%s: %s",
        ",".join(str(row.pk) for row in rows),
        " permanently" if permanent else "",
        text,
    )
    window = datetime.timedelta(hours=settings.NOTIFICATION_RETRY_HOURS)
    # Rows failing together mostly share their attempts and deadline: one update per group.
    groups = defaultdict(list)
    for row in rows:
        # The claim counted this attempt in the database, not on the row in hand.
        groups[(row.email_attempts + 1, row.email_deadline or now + window)].append(row.pk)
    for (attempts, deadline), ids in groups.items():
        gave_up = permanent or now >= deadline
        Notification.objects.filter(pk__in=ids).update(
            email_status=Status.FAILED if gave_up else retry_status,
            email_error=text,
            email_deadline=deadline,
            email_claimed_at=None,
            email_not_before=None if gave_up else now + next_wait(attempts),
        )


SWEEP_BATCH = 500


def undelivered_ids(now=None, limit=SWEEP_BATCH):
    """Rows to sweep: pending a while (their task lost, or waiting for a retry) and past
    their recipient's night."""
    now = now or timezone.now()
    older_than = now - datetime.timedelta(minutes=settings.NOTIFICATION_SWEEP_AFTER_MINUTES)
    return list(
        Notification.objects.awaiting_email(older_than, now)
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )


def outbox_status(now=None):
    """What operators watch: how many e-mails are due and unsent and how long the oldest has
    waited, how many are being retried after failures and since when, and whether delivery
    has stalled (no worker sending, or the mail server failing) for longer than
    NOTIFICATION_STALLED_MINUTES."""
    now = now or timezone.now()
    backlog = Notification.objects.backlog(now).annotate(
        due_at=Coalesce("email_not_before", "created_at")
    )
    oldest_due = backlog.order_by("due_at").values_list("due_at", flat=True).first()
    retrying = Notification.objects.filter(email_status=Status.PENDING).exclude(email_deadline=None)
    first_deadline = retrying.order_by("email_deadline").values_list("email_deadline", flat=True)
    first_failure = first_deadline.first()
    if first_failure is not None:
        first_failure -= datetime.timedelta(hours=settings.NOTIFICATION_RETRY_HOURS)
    waited = minutes_since(oldest_due, now)
    failing = minutes_since(first_failure, now)
    return {
        "backlog": backlog.count(),
        "oldest_due_minutes": waited,
        "retrying": retrying.count(),
        "failing_for_minutes": failing,
        "failed": Notification.objects.filter(email_status=Status.FAILED).count(),
        "stalled": max(waited, failing) > settings.NOTIFICATION_STALLED_MINUTES,
    }


def minutes_since(moment, now):
    return round(max((now - moment).total_seconds(), 0) / 60, 1) if moment else 0
