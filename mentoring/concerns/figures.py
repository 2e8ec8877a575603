"""Counts of concerns for the dashboards: opened and closed per programme in a period, and
the time they took to be acknowledged. Dates only, never a word of a concern."""

from dataclasses import dataclass, field

from django.db.models import Q

from mentoring.concerns.models import Concern


@dataclass
class ProgrammeConcerns:
    opened: int = 0
    closed: int = 0
    # Hours from sending to acknowledgement, of those opened in the period and acknowledged.
    hours_to_acknowledge: list = field(default_factory=list)


def per_programme(programme_ids, starts_at, ends_before):
    """{programme id: ProgrammeConcerns} for concerns sent or closed in [starts_at,
    ends_before), in one query."""
    sent = Q(created_at__gte=starts_at, created_at__lt=ends_before)
    closed = Q(closed_at__gte=starts_at, closed_at__lt=ends_before)
    rows = (
        Concern.objects.filter(programme_id__in=programme_ids)
        .filter(sent | closed)
        .order_by()
        .values_list("programme_id", "created_at", "acknowledged_at", "closed_at")
    )
    found = {}
    for programme_id, created_at, acknowledged_at, closed_at in rows:
        figures = found.setdefault(programme_id, ProgrammeConcerns())
        if starts_at <= created_at < ends_before:
            figures.opened += 1
            if acknowledged_at is not None:
                hours = (acknowledged_at - created_at).total_seconds() / 3600
                figures.hours_to_acknowledge.append(hours)
        if closed_at is not None and starts_at <= closed_at < ends_before:
            figures.closed += 1
    return found
