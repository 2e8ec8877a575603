"""E-mail delivery of notification rows: claimed once, retried with backoff, failures visible.

Before sending, each row goes the way its recipient chose for its category: not e-mailed
(SKIPPED), held for the daily digest (DIGEST), or sent, after their night if need be.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from mentoring.notifications import preferences
from mentoring.notifications.models import EmailChoice, Notification

log = logging.getLogger(__name__)


# A claim older than this is taken to belong to a worker that died mid-send.
def claim_timeout():
    return datetime.timedelta(minutes=settings.NOTIFICATION_CLAIM_TIMEOUT_MINUTES)


Status = Notification.EmailStatus


class DeliveryFailed(Exception):
    def __init__(self, notification, error):
        super().__init__(str(error))
        self.notification = notification


def unsubscribe_headers(link):
    # RFC 8058: mail clients show an unsubscribe button and POST to the link themselves.
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def build_email(notification):
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
        subject=f"[{settings.SITE_NAME}] {notification.title}",
        body=render_to_string("notifications/email.txt", context),
        to=[notification.recipient.email],
        headers=unsubscribe_headers(unsubscribe_link),
    )
    message.attach_alternative(render_to_string("notifications/email.html", context), "text/html")
    return message


def deliver(notification_id):
    """Send one notification's e-mail, or set it aside as its recipient chose.

    Their choice for the row's category decides: OFF marks it SKIPPED, DIGEST holds it
    for the daily digest, IMMEDIATE sends it now, or during their night sets
    email_not_before to their morning, when the sweeper delivers it. A row that is sent,
    failed, set aside, or being sent elsewhere is left alone.

    Returns True if this call sent it. Raises DeliveryFailed when sending failed
    and the row was put back to be tried again.
    """
    now = timezone.now()
    stale_before = now - claim_timeout()
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None or notification.email_status not in (Status.PENDING, Status.SENDING):
        return False
    if notification.email_not_before and notification.email_not_before > now:
        return False
    recipient = notification.recipient
    choice = preferences.choice_of(recipient, notification.category)
    if choice == EmailChoice.OFF:
        notification.set_aside(Status.SKIPPED, stale_before)
        return False
    if choice == EmailChoice.DIGEST:
        notification.set_aside(Status.DIGEST, stale_before)
        return False
    morning = preferences.quiet_until(recipient, now)
    if morning is not None:
        notification.set_aside(Status.PENDING, stale_before, not_before=morning)
        return False
    if not notification.claim_for_email(stale_before):
        return False
    notification.refresh_from_db(fields=["email_attempts"])
    try:
        build_email(notification).send()
    except Exception as error:  # any backend error: SMTP, DNS, refused connection
        log.warning("E-mail for notification %s failed: %s", notification.pk, error)
        gave_up = notification.email_attempts >= settings.NOTIFICATION_MAX_ATTEMPTS
        notification.email_status = Status.FAILED if gave_up else Status.PENDING
        notification.email_error = f"{type(error).__name__}: {error}"[:2000]
        notification.save(update_fields=["email_status", "email_error"])
        if gave_up:
            return False
        raise DeliveryFailed(notification, error) from error
    notification.email_status = Status.SENT
    notification.emailed_at = timezone.now()
    notification.email_error = ""
    notification.save(update_fields=["email_status", "emailed_at", "email_error"])
    return True


def undelivered_ids(now=None, limit=500):
    """Rows to sweep: pending a while (their task lost) and past their recipient's night."""
    now = now or timezone.now()
    older_than = now - datetime.timedelta(minutes=settings.NOTIFICATION_SWEEP_AFTER_MINUTES)
    return list(
        Notification.objects.awaiting_email(older_than, now)
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
