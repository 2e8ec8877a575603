from celery import shared_task
from django.utils import timezone

from mentoring.concerns import reminders


@shared_task
def send_concern_reminders():
    """Remind the designated people of concerns unacknowledged for two working days; tell
    staff of those unacknowledged for five."""
    now = timezone.now()
    reminders.send_reminders(now)
    reminders.send_escalations(now)
