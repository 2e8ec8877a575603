from celery import shared_task
from django.utils import timezone

from mentoring.notifications import delivery, digest

# Sweep passes per run: enough to catch up a few thousand rows after an outage, bounded so
# that one run cannot hold the worker while new rows keep arriving.
MAX_SWEEP_PASSES = 20


@shared_task
def deliver_email(notification_id):
    """Send one notification's e-mail. A failure leaves the row to be retried by the sweeper
    at its next attempt time (delivery.record_failure), so no task waits in the broker."""
    delivery.deliver([notification_id])


@shared_task
def deliver_batch(notification_ids):
    """Deliver the rows written together (notify_many), each person's as one e-mail."""
    delivery.deliver(notification_ids)


@shared_task
def sweep_undelivered():
    """Deliver rows whose after-commit task was lost (broker down at the time, worker killed),
    rows held through their recipient's night, and rows due for another attempt."""
    for _ in range(MAX_SWEEP_PASSES):
        batch = delivery.undelivered_ids()
        if batch:
            delivery.deliver(batch)
        if len(batch) < delivery.SWEEP_BATCH:
            break


@shared_task
def send_digests():
    """Run hourly: e-mail the daily digest to everyone whose digest hour has come."""
    now = timezone.now()
    for recipient_ids in digest.due_recipient_batches(now):
        digest.send_batch(recipient_ids, now)
