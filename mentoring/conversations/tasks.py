from celery import shared_task
from django.utils import timezone

from mentoring.conversations import responses


@shared_task
def send_unanswered_message_reminders():
    """Remind whoever has left a message unanswered past the agreed time, then write down
    the usual answer times of the threads written to since the last run."""
    now = timezone.now()
    responses.send_unanswered_reminders(now)
    responses.refresh_recent_medians(now)


@shared_task
def refresh_response_medians():
    """The 90-day window moves every day, messages or not."""
    responses.refresh_all_medians(timezone.now())
