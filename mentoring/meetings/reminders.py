"""Reminders before planned meetings and about action items that are due or overdue."""

import datetime
import zoneinfo

from django.urls import reverse
from django.utils import timezone

from mentoring.lib.batches import id_batches
from mentoring.meetings.models import ActionItem, Meeting
from mentoring.notifications.services import notify_many

MEETING_NOTICE = datetime.timedelta(hours=24)
OVERDUE_AFTER = datetime.timedelta(days=3)


def send_meeting_reminders(now, batch_size=500):
    """Both people, a day before; the mentee is nudged to write the agenda if it is empty.
    The key names the start time, so a moved meeting is reminded again."""
    soon = Meeting.objects.filter(
        status=Meeting.Status.PLANNED, starts_at__gt=now, starts_at__lte=now + MEETING_NOTICE
    )
    sent = 0
    for ids in id_batches(soon, batch_size):
        meetings = Meeting.objects.filter(pk__in=ids).select_related(
            "mentorship__mentor", "mentorship__mentee"
        )
        notices = []
        for meeting in meetings:
            m = meeting.mentorship
            for person, other in ((m.mentor, m.mentee), (m.mentee, m.mentor)):
                body = f"{meeting.get_mode_display()}, {meeting.minutes} minutes."
                if person == m.mentee and not meeting.agenda.strip():
                    body += " The agenda is empty: two or three points help you both prepare."
                local = timezone.localtime(meeting.starts_at, zoneinfo.ZoneInfo(person.time_zone))
                notices.append(
                    {
                        "recipient_id": person.pk,
                        "kind": "reminder.meeting",
                        "title": f"Meeting with {other} on {local:%d %b at %H:%M}",
                        "body": body,
                        "url": reverse("meetings:detail", args=[meeting.pk]),
                        "dedupe_key": f"reminder:meeting:{meeting.pk}:"
                        f"{meeting.starts_at:%Y%m%d%H%M}:{person.pk}",
                    }
                )
        sent += notify_many(notices)
    return sent


def send_action_item_reminders(now, batch_size=500):
    """The owner of an open action item, on its due date and once more when overdue."""
    today = now.date()
    open_due = ActionItem.objects.filter(done_at=None, due_on__lte=today)
    sent = 0
    for ids in id_batches(open_due, batch_size):
        items = ActionItem.objects.filter(pk__in=ids).select_related("meeting__mentorship")
        notices = []
        for item in items:
            stage = "overdue" if today - item.due_on >= OVERDUE_AFTER else "due"
            notices.append(
                {
                    "recipient_id": item.owner_user_id(),
                    "kind": "reminder.action_item",
                    "title": f"Action item {stage}: {item.text}"[:200],
                    "body": f"Due {item.due_on:%d %b %Y}. Mark it done, or agree a new date.",
                    "url": reverse("meetings:detail", args=[item.meeting_id]),
                    "dedupe_key": f"reminder:action:{item.pk}:{stage}",
                }
            )
        sent += notify_many(notices)
    return sent
