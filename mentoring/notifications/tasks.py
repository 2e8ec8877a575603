from celery import shared_task
from django.utils import timezone

from mentoring.notifications import delivery, digest


@shared_task(bind=True, max_retries=None)
def deliver_email(self, notification_id):
    """Send one notification's e-mail; on failure retry with growing delays (1, 2, 4... minutes)."""
    try:
        delivery.deliver(notification_id)
    except delivery.DeliveryFailed as failure:
        attempts = failure.notification.email_attempts
        raise self.retry(countdown=60 * 2 ** (attempts - 1)) from failure


@shared_task
def sweep_undelivered():
    """Deliver rows whose after-commit task was lost (broker down at the time, worker killed)
    and rows held through their recipient's night."""
    for notification_id in delivery.undelivered_ids():
        try:
            delivery.deliver(notification_id)
        except delivery.DeliveryFailed:
            continue  # left pending with its error; the next sweep tries again


@shared_task
def deliver_batch(notification_ids):
    """Deliver the rows a sweep wrote together (notify_many), each as its recipient chose."""
    for notification_id in notification_ids:
        try:
            delivery.deliver(notification_id)
        except delivery.DeliveryFailed:
            continue  # left pending with its error; the sweeper tries again


@shared_task
def send_digests():
    """Run hourly: e-mail the daily digest to everyone for whom it is now the digest hour."""
    now = timezone.now()
    for recipient_ids in digest.due_recipient_batches(now):
        digest.send_batch(recipient_ids, now)
