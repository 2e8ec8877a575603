"""Run every reminder sweep once, optionally as if it were another time (for demos)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mentoring.conversations import responses
from mentoring.feedback import reassessment
from mentoring.meetings import reminders as meeting_reminders
from mentoring.mentorships import availability
from mentoring.mentorships import reminders as mentorship_reminders

SWEEPS = [
    ("request reminders", mentorship_reminders.send_request_reminders),
    ("expired requests", mentorship_reminders.expire_requests),
    ("quiet relationships", mentorship_reminders.send_quiet_reminders),
    ("availability check-ins", availability.send_availability_checks),
    ("meeting reminders", meeting_reminders.send_meeting_reminders),
    ("action items", meeting_reminders.send_action_item_reminders),
    ("periodic reassessments", reassessment.send_periodic_prompts),
    ("first-meeting fit checks", reassessment.send_fit_checks),
    ("closing surveys", reassessment.send_closing_surveys),
    ("reassessment reminders", reassessment.send_prompt_reminders),
    # Not the usual answer times: worked out "as of" a later time, their stamp would hide
    # the messages written until then from the frequent refresh.
    ("unanswered messages", responses.send_unanswered_reminders),
]


class Command(BaseCommand):
    help = "Run all reminder and reassessment sweeps now (or --at a given time)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--at", help="Pretend it is this time, e.g. 2027-01-15T09:00 (UTC); for demos."
        )
        parser.add_argument("--days-ahead", type=int, default=0, help="Or: now plus N days.")

    def handle(self, *args, at=None, days_ahead=0, **options):
        now = timezone.now() + datetime.timedelta(days=days_ahead)
        if at:
            try:
                now = datetime.datetime.fromisoformat(at)
            except ValueError:
                raise CommandError(f"--at must look like 2027-01-15T09:00, not {at!r}") from None
            if timezone.is_naive(now):
                now = timezone.make_aware(now, datetime.UTC)
        self.stdout.write(f"Running the sweeps as of {now:%Y-%m-%d %H:%M} UTC")
        for label, sweep in SWEEPS:
            self.stdout.write(f"  {label:<26} {sweep(now)}")
