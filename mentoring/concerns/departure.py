"""A sender's concerns in their record ("download my data"), and what happens to them when
the sender deletes their account.

On deletion the concern is anonymised, not deleted: its words, its thread and the link to
the sender go; the programme, category, dates and outcome stay, so that the designated
people know a concern they were handling was withdrawn and the dashboards' counts do not
change behind them. An open one is closed with the outcome "The sender deleted their
account".
"""

from django.db.models import Prefetch
from django.utils import timezone

from mentoring.concerns.models import Concern, ConcernMessage


def _iso(value):
    return value.isoformat() if value else None


def sent_record(user):
    """The concerns this person sent, oldest first, each with its private thread."""
    concerns = (
        Concern.objects.sent_by(user)
        .select_related("programme", "mentorship__mentor", "mentorship__mentee")
        .prefetch_related(
            Prefetch("messages", queryset=ConcernMessage.objects.select_related("author"))
        )
        .order_by("created_at", "pk")
    )
    return [
        {
            "sent_at": _iso(concern.created_at),
            "about": f"{concern.mentorship.mentor} mentoring {concern.mentorship.mentee}"
            if concern.mentorship
            else None,
            "programme": concern.programme.name,
            "sent_to": concern.get_route_display(),
            "category": concern.get_category_display(),
            "details": concern.details,
            "wants_contact": concern.wants_contact,
            "status": concern.get_status_display(),
            "acknowledged_at": _iso(concern.acknowledged_at),
            "closed_at": _iso(concern.closed_at),
            "outcome": concern.get_outcome_display() if concern.outcome else None,
            "thread": [
                {
                    "at": _iso(message.created_at),
                    "from": "you"
                    if message.author_id == user.pk
                    else (message.author.display_name if message.author else None),
                    "text": message.text,
                }
                for message in concern.messages.all()
            ],
        }
        for concern in concerns
    ]


def forget_sender(user):
    """Anonymise this person's concerns before their account is deleted (see above)."""
    sent = Concern.objects.sent_by(user)
    ConcernMessage.objects.filter(concern__in=sent).delete()
    sent.open().update(
        status=Concern.Status.CLOSED,
        closed_at=timezone.now(),
        outcome=Concern.Outcome.SENDER_LEFT,
    )
    sent.update(sender=None, details="", wants_contact=False)
