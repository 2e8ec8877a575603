from celery import shared_task
from django.utils import timezone

from mentoring.meetings import reminders


@shared_task
def send_meeting_reminders():
    reminders.send_meeting_reminders(timezone.now())


@shared_task
def send_action_item_reminders():
    reminders.send_action_item_reminders(timezone.now())
