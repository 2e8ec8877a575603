from celery import shared_task
from django.utils import timezone

from mentoring.feedback import reassessment


@shared_task
def send_reassessment_prompts():
    """Periodic prompts, first-meeting fit checks, closing surveys, and one reminder each."""
    now = timezone.now()
    reassessment.send_periodic_prompts(now)
    reassessment.send_fit_checks(now)
    reassessment.send_closing_surveys(now)
    reassessment.send_prompt_reminders(now)
