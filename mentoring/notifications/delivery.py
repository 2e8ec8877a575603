"""E-mail delivery of notification rows: claimed once, retried with backoff, failures visible."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone

from mentoring.notifications.models import Notification

log = logging.getLogger(__name__)

# A claim older than this is taken to belong to a worker that died mid-send.
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)


class DeliveryFailed(Exception):
    def __init__(self, notification, error):
        super().__init__(str(error))
        self.notification = notification


def build_email(notification):
    context = {
        "notification": notification,
        "link": f"{settings.SITE_URL}{notification.url}" if notification.url else "",
        "site_name": settings.SITE_NAME,
        "inbox_link": f"{settings.SITE_URL}/notifications/",
    }
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] {notification.title}",
        body=render_to_string("notifications/email.txt", context),
        to=[notification.recipient.email],
    )
    message.attach_alternative(render_to_string("notifications/email.html", context), "text/html")
    return message


def deliver(notification_id):
    """Send one notification's e-mail unless it is sent, failed, or being sent elsewhere.

    Returns True if this call sent it. Raises DeliveryFailed when sending failed
    and the row was put back to be tried again.
    """
    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None or not notification.claim_for_email(timezone.now() - CLAIM_TIMEOUT):
        return False
    notification.refresh_from_db(fields=["email_attempts"])
    try:
        build_email(notification).send()
    except Exception as error:  # any backend error: SMTP, DNS, refused connection
        log.warning("E-mail for notification %s failed: %s", notification.pk, error)
        gave_up = notification.email_attempts >= settings.NOTIFICATION_MAX_ATTEMPTS
        notification.email_status = (
            Notification.EmailStatus.FAILED if gave_up else Notification.EmailStatus.PENDING
        )
        notification.email_error = f"{type(error).__name__}: {error}"[:2000]
        notification.save(update_fields=["email_status", "email_error"])
        if gave_up:
            return False
        raise DeliveryFailed(notification, error) from error
    notification.email_status = Notification.EmailStatus.SENT
    notification.emailed_at = timezone.now()
    notification.email_error = ""
    notification.save(update_fields=["email_status", "emailed_at", "email_error"])
    return True


def undelivered_ids(now=None, limit=500):
    older_than = (now or timezone.now()) - datetime.timedelta(
        minutes=settings.NOTIFICATION_SWEEP_AFTER_MINUTES
    )
    return list(
        Notification.objects.awaiting_email(older_than)
        .order_by("created_at")
        .values_list("pk", flat=True)[:limit]
    )
