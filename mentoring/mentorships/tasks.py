from celery import shared_task
from django.utils import timezone

from mentoring.mentorships import availability, reminders


@shared_task
def send_request_reminders():
    """Remind whoever must answer a request, nudge waiting mentees, expire stale requests."""
    now = timezone.now()
    reminders.send_request_reminders(now)
    reminders.expire_requests(now)


@shared_task
def send_quiet_reminders():
    reminders.send_quiet_reminders(timezone.now())


@shared_task
def ask_mentors_about_availability():
    """At a term's start, and after two missed requests in a row: still taking mentees?"""
    availability.send_availability_checks(timezone.now())
