"""Keep Mentorship.last_contact_at and next_meeting_at true after any meeting change.

The meetings app writes these down on the mentorship (a lower app), so that reminders,
lists and dashboards read one row instead of joining upward.
"""

from django.db.models import Max, Min, Q
from django.utils import timezone

from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import Mentorship


def refresh_contact(mentorship_id):
    facts = Meeting.objects.filter(mentorship_id=mentorship_id).aggregate(
        last=Max("starts_at", filter=Q(status=Meeting.Status.HELD)),
        next=Min(
            "starts_at",
            filter=Q(status=Meeting.Status.PLANNED, starts_at__gte=timezone.now()),
        ),
    )
    Mentorship.objects.filter(pk=mentorship_id).update(
        last_contact_at=facts["last"], next_meeting_at=facts["next"]
    )
