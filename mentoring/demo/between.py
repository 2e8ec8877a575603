"""What happens between meetings in the demo school: a short thread in each of the demo
faculty member's mentorships, and their weekly office hours, so that messages, the usual
answer times and booking have something to show. Idempotent: a mentorship with messages,
and a mentor with office hours, are left as they are."""

import datetime

from django.utils import timezone

from mentoring.conversations.models import Message
from mentoring.conversations.responses import refresh_response_medians
from mentoring.demo.school import DEMO_FACULTY_EMAIL
from mentoring.meetings.models import Meeting, OfficeHours
from mentoring.mentorships.models import Mentorship

# (who writes, hours after the previous message, text): mentee and mentor in turn.
THREAD = [
    (
        "mentee",
        0,
        "Thank you for meeting last week. I wrote up the research question we discussed; "
        "could you look at it before Thursday?",
    ),
    ("mentor", 5, "Happy to. Send it here as a PDF or a Word file and I will mark it up tonight."),
    ("mentee", 20, "Here it is. The methods paragraph is the part I am least sure about."),
    (
        "mentor",
        3,
        "Read it: the question is clear. Narrow the population to one clinic and it becomes "
        "doable in a summer. More on Thursday.",
    ),
]


def add_conversations(now=None):
    """The thread in each of the demo faculty member's active mentorships that has none;
    returns how many messages were written."""
    now = now or timezone.now()
    mentorships = list(
        Mentorship.objects.active()
        .filter(mentor__email=DEMO_FACULTY_EMAIL, messages__isnull=True)
        .select_related("mentor", "mentee")
        .order_by("pk")
    )
    messages = []
    for mentorship in mentorships:
        at = now - datetime.timedelta(days=3)
        previous = None
        for side, hours, text in THREAD:
            at += datetime.timedelta(hours=hours)
            sender = mentorship.mentee if side == "mentee" else mentorship.mentor
            message = Message(
                mentorship=mentorship,
                sender=sender,
                recipient=mentorship.partner_of(sender),
                text=text,
                created_at=at,
                read_at=at + datetime.timedelta(hours=1),
            )
            if previous is not None:
                previous.answered_at = at  # as the send path marks the partner's message
            messages.append(message)
            previous = message
    Message.objects.bulk_create(messages)
    refresh_response_medians([m.pk for m in mentorships], now=now)
    return len(messages)


def add_office_hours():
    """Tuesdays 17:00-18:00 in 30-minute slots for the demo faculty member, open to
    students whose request waits; returns how many office hours were created."""
    mentorship = Mentorship.objects.filter(mentor__email=DEMO_FACULTY_EMAIL).first()
    if mentorship is None or OfficeHours.objects.filter(mentor=mentorship.mentor).exists():
        return 0
    OfficeHours.objects.create(
        mentor=mentorship.mentor,
        weekday=OfficeHours.Weekday.TUESDAY,
        start_time=datetime.time(17),
        end_time=datetime.time(18),
        slot_minutes=30,
        mode=Meeting.Mode.IN_PERSON,
        place="Psychiatry office, 4th floor, room 412",
        is_open_to_requests=True,
    )
    return 1
