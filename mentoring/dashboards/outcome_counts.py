"""What came of mentoring, on the dashboard: the outcomes students in scope recorded in the
period, by kind, and the share of students with at least one outcome, mentored or not.

Counts only: no title, venue or detail of an outcome is selected here (outcomes are the
mentee's; DESIGN.md gives coordinators and staff counts only). Small cells follow the
equity tables' rules (identity.py): a kind that fewer than MIN_CELL students recorded is
never a row of its own but is counted with the other small kinds, and with the next
smallest kind while that row has fewer than MIN_CELL students.
"""

from django.db.models import Count, Exists, OuterRef, Q

from mentoring.dashboards import identity
from mentoring.dashboards.identity import MIN_CELL
from mentoring.dashboards.scope import Table, percent
from mentoring.mentorships.models import Mentorship
from mentoring.outcomes.models import Outcome, OutcomeTie

FEWER = f"fewer than {MIN_CELL}"


def outcomes_in(scope):
    """Outcomes of students in scope dated in the period."""
    return Outcome.objects.filter(
        mentee__in=scope.students(), achieved_on__gte=scope.start, achieved_on__lte=scope.end
    )


def outcomes_by_kind(scope):
    confirmed = Exists(OutcomeTie.objects.confirmed().filter(outcome=OuterRef("pk")))
    rows = {
        row["kind"]: row
        for row in outcomes_in(scope)
        .values("kind")
        .annotate(
            students=Count("mentee", distinct=True),
            outcomes=Count("pk"),
            confirmed=Count("pk", filter=Q(confirmed)),
        )
        .order_by()
    }
    label_of = dict(Outcome.Kind.choices)
    cells = [
        identity.Cell(label_of[kind], row["students"], row["outcomes"])
        for kind, row in rows.items()
    ]
    shown, suppressed = identity.suppress(cells)
    table = Table(
        "outcomes",
        "Outcomes students recorded, by kind",
        ["Kind of outcome", "Students", "Outcomes", "Confirmed by a mentor"],
        notes=[
            "Outcomes students in scope recorded, dated in the period: counts only. "
            f"A kind fewer than {MIN_CELL} students recorded is counted in "
            f"'{identity.TOGETHER}', with the next smallest kind while that has fewer than "
            f"{MIN_CELL} students.",
        ],
        empty_text=f"No outcomes, or outcomes from {FEWER} students, in this period.",
    )
    kind_of = {label: kind for kind, label in label_of.items()}
    together = set(rows) - {kind_of.get(cell.label) for cell in shown}
    for cell in shown:
        kinds = together if cell.label == identity.TOGETHER else {kind_of[cell.label]}
        students = cell.people
        if cell.label == identity.TOGETHER:
            # A student may have recorded several of the pooled kinds: the row counts each
            # person once, and is left out if that is under MIN_CELL.
            students = (
                outcomes_in(scope)
                .filter(kind__in=kinds)
                .aggregate(n=Count("mentee", distinct=True))["n"]
            )
            if students < MIN_CELL:
                continue
        confirmed = sum(rows[kind]["confirmed"] for kind in kinds)
        table.rows.append([cell.label, students, cell.active, confirmed])
    if suppressed and not table.rows and rows:
        table.notes.append(f"Outcomes from {FEWER} students in all: no kind is shown.")
    return table


def mentored_q(scope):
    """A student mentored in the period: a mentorship of theirs begun by its end and not
    closed before its start."""
    return Exists(
        Mentorship.objects.filter(mentee=OuterRef("pk"), started_on__lte=scope.end).exclude(
            closed_at__lt=scope.starts_at
        )
    )


def outcome_share(scope):
    has_outcome = Q(
        Exists(
            Outcome.objects.filter(
                mentee=OuterRef("pk"),
                achieved_on__gte=scope.start,
                achieved_on__lte=scope.end,
            )
        )
    )
    mentored = Q(mentored_q(scope))
    totals = scope.students().aggregate(
        mentored=Count("pk", filter=mentored),
        mentored_with=Count("pk", filter=mentored & has_outcome),
        others=Count("pk", filter=~mentored),
        others_with=Count("pk", filter=~mentored & has_outcome),
    )
    table = Table(
        "outcome-share",
        "Students with at least one outcome in the period, mentored or not",
        ["Students", "Students in scope", "With at least one outcome", "Share (%)"],
        notes=[
            "Mentored: in a mentorship at some time in the period. Where fewer than "
            f"{MIN_CELL} students of a row have an outcome, or fewer than {MIN_CELL} have "
            "none, neither figure is shown, so that no small group of students can be "
            "singled out."
        ],
    )
    for label, whole, part in (
        ("Mentored", totals["mentored"], totals["mentored_with"]),
        ("Not mentored", totals["others"], totals["others_with"]),
    ):
        if part < MIN_CELL:
            table.rows.append([label, whole, FEWER, None])
        elif whole - part < MIN_CELL:
            table.rows.append([label, whole, f"all but {FEWER}", None])
        else:
            table.rows.append([label, whole, part, percent(part, whole)])
    return table
