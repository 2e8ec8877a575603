"""The response commitment on the dashboard: how many of the messages sent in the period
were answered within the time each pair agreed. Counts only, never what was written;
not by identity, so no small-cell rule applies."""

from django.db.models import Count, F, Q
from django.utils import timezone

from mentoring.conversations.models import Message
from mentoring.conversations.responses import answered_in_time_q, overdue_q
from mentoring.dashboards.scope import Table, percent

SIDES = {
    "all": Q(),
    "mentor": Q(recipient=F("mentorship__mentor")),
    "mentee": Q(recipient=F("mentorship__mentee")),
}


def message_answers(scope):
    now = timezone.now()
    in_time = answered_in_time_q()
    counts = {
        "sent": Q(),
        "in_time": in_time,
        "late": Q(answered_at__isnull=False) & ~in_time,
        "overdue": overdue_q(now),
        "waiting": Q(answered_at=None) & ~overdue_q(now),
    }
    # One aggregate over the messages of the mentorships of students in scope; requests'
    # threads have no agreed time and are left out.
    totals = Message.objects.filter(
        scope.moment_in_period("created_at"), mentorship__mentee__in=scope.students()
    ).aggregate(
        **{
            f"{figure}_{side}": Count("pk", filter=who & condition)
            for figure, condition in counts.items()
            for side, who in SIDES.items()
        }
    )

    def row(label, figure):
        return [label, *(totals[f"{figure}_{side}"] for side in SIDES)]

    def share(side):
        due = sum(totals[f"{figure}_{side}"] for figure in ("in_time", "late", "overdue"))
        return percent(totals[f"in_time_{side}"], due)

    table = Table(
        "message-answers",
        "Messages answered within the agreed time",
        ["Figure", "All", "Mentors answering", "Students answering"],
        notes=[
            "Messages sent in the period in the mentorships of students in scope. A message "
            "is answered when the other person next writes in the thread; each pair agrees "
            "how many hours that may take. The share counts the messages whose agreed time "
            "has passed. Counts only: nobody's messages are read here."
        ],
        empty_text="No messages yet in this period.",
    )
    if totals["sent_all"]:
        table.rows = [
            row("Sent in the period", "sent"),
            row("Answered within the agreed time", "in_time"),
            row("Answered later", "late"),
            row("Not answered, past the agreed time", "overdue"),
            row("Not answered yet, still within the agreed time", "waiting"),
            ["Answered within the agreed time (%)", *(share(side) for side in SIDES)],
        ]
    return table
