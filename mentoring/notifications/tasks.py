from celery import shared_task

from mentoring.notifications import delivery


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
    """Deliver rows whose after-commit task was lost (broker down at the time, worker killed)."""
    for notification_id in delivery.undelivered_ids():
        try:
            delivery.deliver(notification_id)
        except delivery.DeliveryFailed:
            continue  # left pending with its error; the next sweep tries again
