"""A faculty member's mentoring portfolio for a period: what the page, the PDF, the CSV and
the JSON all show, built here once so that they cannot disagree.

It follows the mentoring-and-advising part of an educator portfolio: each mentee, their
programme and stage at the start, the dates, meetings held and their hours, focus areas,
confirmed outcomes, feedback the mentee chose to share, and totals per year. A mentee is
named only with their consent (models.PortfolioConsent), otherwise described by programme
and stage; an unnamed mentee's outcomes show their kind and month only, since a paper's
title or DOI names its authors. Satisfaction is an average only when MIN_ANSWERING
mentees answered, so that no one's answer can be read off it.

A fixed number of queries whatever the number of mentees (tests/portfolio checks it).
"""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, Q, Sum
from django.db.models.functions import ExtractYear

from mentoring.feedback.models import Feedback, Reassessment
from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import Mentorship
from mentoring.outcomes.models import OutcomeTie, confirmed_by_mentorship

# Reassessment satisfaction is shown as an average only when this many mentees answered.
MIN_ANSWERING = 5
# How much of a quoted feedback entry the portfolio prints.
EXCERPT_LENGTH = 600


def hours(minutes):
    """Minutes as hours to one decimal, halves rounded up as people do (2.25 is 2.3)."""
    exact = Decimal(minutes or 0) / 60
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def held_meetings(start, end):
    """Meetings held on a day of the period (the site's time zone)."""
    return Meeting.objects.filter(status=Meeting.Status.HELD, starts_at__date__range=(start, end))


def confirmed_ties(start, end):
    """Outcome ties the mentor confirmed, of outcomes dated in the period."""
    return OutcomeTie.objects.confirmed().filter(outcome__achieved_on__range=(start, end))


def mentorships_in(start, end):
    """Mentorships that belong to a period: running during it, or with a meeting held or a
    confirmed outcome in it (a paper often comes after the relationship ended). One rule
    for the portfolio and the staff's totals (totals.py)."""
    overlapping = Q(started_on__lte=end) & (Q(closed_at=None) | Q(closed_at__date__gte=start))
    return Mentorship.objects.filter(
        overlapping
        | Q(pk__in=held_meetings(start, end).values("mentorship_id"))
        | Q(pk__in=confirmed_ties(start, end).values("mentorship_id"))
    )


def describe(programme, stage):
    """A mentee who did not agree to be named, as the portfolio describes them."""
    if programme and stage:
        return f"A learner in {programme}, {stage} at the start"
    if programme:
        return f"A learner in {programme}"
    return "A learner"


@dataclass
class OutcomeLine:
    outcome_id: int
    kind: str
    achieved_on: datetime.date
    # Title, venue, DOI and PMID only for a mentee who agreed to be named.
    title: str = ""
    venue: str = ""
    doi: str = ""
    pmid: str = ""


@dataclass
class Excerpt:
    given_on: datetime.date
    text: str


@dataclass
class Entry:
    """One mentorship in the portfolio."""

    mentorship_id: int
    mentee_id: int
    label: str  # the mentee's name, with consent; else describe()
    is_named: bool
    programme: str
    stage: str
    started_on: datetime.date
    ended_on: datetime.date | None
    status: str
    focus_areas: list
    meetings: int = 0
    minutes: int = 0
    outcomes: list = field(default_factory=list)
    excerpts: list = field(default_factory=list)
    # {year: (meetings, minutes)} of the meetings above
    by_year: dict = field(default_factory=dict)

    @property
    def hours(self):
        return hours(self.minutes)

    def active_in(self, start, end):
        return self.started_on <= end and (self.ended_on is None or self.ended_on >= start)


@dataclass
class Totals:
    label: str
    mentees: int = 0
    meetings: int = 0
    minutes: int = 0
    outcomes: int = 0

    @property
    def hours(self):
        return hours(self.minutes)


@dataclass
class Portfolio:
    mentor: object
    start: datetime.date
    end: datetime.date
    entries: list
    years: list  # Totals per calendar year of the period
    total: Totals
    satisfaction: float | None  # None below MIN_ANSWERING mentees
    satisfaction_mentees: int

    @property
    def is_empty(self):
        return not self.entries


def _entries(mentor, start, end):
    mentorships = (
        mentorships_in(start, end)
        .filter(mentor=mentor)
        .select_related("mentee", "programme_at_start", "stage_at_start", "portfolio_consent")
        .prefetch_related("focus_areas")
        .order_by("started_on", "pk")
    )
    entries = []
    for mentorship in mentorships:
        consent = getattr(mentorship, "portfolio_consent", None)
        is_named = consent is not None and consent.is_named
        programme, stage = mentorship.programme_at_start, mentorship.stage_at_start
        entries.append(
            Entry(
                mentorship_id=mentorship.pk,
                mentee_id=mentorship.mentee_id,
                label=str(mentorship.mentee) if is_named else describe(programme, stage),
                is_named=is_named,
                programme=str(programme or ""),
                stage=str(stage or ""),
                started_on=mentorship.started_on,
                ended_on=mentorship.closed_at.date() if mentorship.closed_at else None,
                status=mentorship.get_status_display(),
                focus_areas=[area.name for area in mentorship.focus_areas.all()],
            )
        )
    return entries


def _add_meetings(entries, start, end):
    by_id = {entry.mentorship_id: entry for entry in entries}
    rows = (
        held_meetings(start, end)
        .filter(mentorship_id__in=by_id)
        .annotate(year=ExtractYear("starts_at"))
        .values("mentorship_id", "year")
        .annotate(count=Count("pk"), minutes=Sum("minutes"))
        .order_by()
    )
    for row in rows:
        entry = by_id[row["mentorship_id"]]
        entry.meetings += row["count"]
        entry.minutes += row["minutes"]
        entry.by_year[row["year"]] = (row["count"], row["minutes"])


def _add_outcomes(entries, mentor, start, end):
    found = confirmed_by_mentorship(mentor, since=start, until=end)
    for entry in entries:
        for outcome in found.get(entry.mentorship_id, []):
            line = OutcomeLine(
                outcome_id=outcome.pk,
                kind=outcome.get_kind_display(),
                achieved_on=outcome.achieved_on,
            )
            if entry.is_named:
                line.title, line.venue = outcome.title, outcome.venue
                line.doi, line.pmid = outcome.doi, outcome.pmid
            entry.outcomes.append(line)


def _add_excerpts(entries, start, end):
    """Feedback the mentee wrote to this mentor and chose to let the portfolio quote."""
    by_id = {entry.mentorship_id: entry for entry in entries}
    quoted = (
        Feedback.objects.filter(
            mentorship_id__in=by_id,
            direction=Feedback.Direction.TO_MENTOR,
            quoted_in__mentorship=F("mentorship"),
            author=F("mentorship__mentee"),
            created_at__date__range=(start, end),
        )
        .exclude(what_helps="")
        .order_by("created_at", "pk")
    )
    for feedback in quoted:
        text = feedback.what_helps.strip()
        if len(text) > EXCERPT_LENGTH:
            text = text[: EXCERPT_LENGTH - 1].rstrip() + "…"
        by_id[feedback.mentorship_id].excerpts.append(
            Excerpt(given_on=feedback.created_at.date(), text=text)
        )


def satisfaction(mentor, start, end):
    """(average, mentees who answered): each mentee's own average first, so that one who
    answered often weighs no more than one who answered once; None below MIN_ANSWERING."""
    per_mentee = list(
        Reassessment.objects.filter(
            mentorship__mentor=mentor,
            respondent=F("mentorship__mentee"),
            completed_at__date__range=(start, end),
            satisfaction__isnull=False,
        )
        .values("respondent")
        .annotate(average=Avg("satisfaction"))
        .values_list("average", flat=True)
        .order_by()
    )
    if len(per_mentee) < MIN_ANSWERING:
        return None, len(per_mentee)
    return round(sum(per_mentee) / len(per_mentee), 1), len(per_mentee)


def _year_totals(entries, start, end):
    years = []
    for year in range(start.year, end.year + 1):
        first = max(start, datetime.date(year, 1, 1))
        last = min(end, datetime.date(year, 12, 31))
        totals = Totals(label=str(year))
        mentees, outcomes = set(), set()
        for entry in entries:
            meetings, minutes = entry.by_year.get(year, (0, 0))
            dated = [o.outcome_id for o in entry.outcomes if o.achieved_on.year == year]
            if entry.active_in(first, last) or meetings or dated:
                mentees.add(entry.mentee_id)
            totals.meetings += meetings
            totals.minutes += minutes
            outcomes.update(dated)
        totals.mentees, totals.outcomes = len(mentees), len(outcomes)
        years.append(totals)
    return years


def portfolio_for(mentor, start, end):
    entries = _entries(mentor, start, end)
    _add_meetings(entries, start, end)
    _add_outcomes(entries, mentor, start, end)
    _add_excerpts(entries, start, end)
    average, answered = satisfaction(mentor, start, end)
    total = Totals(
        label="All years",
        mentees=len({entry.mentee_id for entry in entries}),
        meetings=sum(entry.meetings for entry in entries),
        minutes=sum(entry.minutes for entry in entries),
        # An outcome tied to two of this mentor's mentorships counts once.
        outcomes=len({o.outcome_id for entry in entries for o in entry.outcomes}),
    )
    return Portfolio(
        mentor=mentor,
        start=start,
        end=end,
        entries=entries,
        years=_year_totals(entries, start, end) if entries else [],
        total=total,
        satisfaction=average,
        satisfaction_mentees=answered,
    )
