"""What came of mentoring, on the dashboard: the outcomes students in scope recorded in the
period, by kind, and the share of students with at least one outcome, mentored or not.

Counts only: no title, venue or detail of an outcome is selected here (outcomes are the
mentee's; DESIGN.md gives coordinators and staff counts only). Small cells follow the
equity tables' rules (identity.py): a kind that fewer than MIN_CELL students recorded is
never a row of its own but is counted with the other small kinds, and with the next
smallest kind while that row has fewer than MIN_CELL students.
"""

from functools import partial

from django.db.models import Count, Exists, OuterRef, Q

from mentoring.dashboards import identity
from mentoring.dashboards.identity import MIN_CELL
from mentoring.dashboards.scope import Table, percent
from mentoring.mentorships.models import Mentorship
from mentoring.outcomes.models import Outcome

FEWER = f"fewer than {MIN_CELL}"


def outcomes_in(scope):
    """Outcomes of students in scope dated in the period."""
    return Outcome.objects.filter(
        mentee__in=scope.students(), achieved_on__gte=scope.start, achieved_on__lte=scope.end
    )


def outcome_figures(scope):
    """Both tables' counts in one aggregate over the students in scope, each joined to their
    outcomes (and those to their ties): per kind, the students, outcomes and confirmed
    outcomes dated in the period; and the students mentored or not, with and without an
    outcome. Distinct counts, since the joins repeat a student once per outcome and tie."""
    dated = Q(outcomes__achieved_on__gte=scope.start, outcomes__achieved_on__lte=scope.end)
    confirmed = Q(outcomes__ties__confirmed_at__isnull=False)
    mentored = Q(
        Exists(
            Mentorship.objects.filter(mentee=OuterRef("pk"), started_on__lte=scope.end).exclude(
                closed_at__lt=scope.starts_at
            )
        )
    )
    figures = {
        "mentored": Count("pk", distinct=True, filter=mentored),
        "mentored_with": Count("pk", distinct=True, filter=mentored & dated),
        "others": Count("pk", distinct=True, filter=~mentored),
        "others_with": Count("pk", distinct=True, filter=~mentored & dated),
    }
    for kind in Outcome.Kind.values:
        of_kind = dated & Q(outcomes__kind=kind)
        figures |= {
            f"students_{kind}": Count("pk", distinct=True, filter=of_kind),
            f"outcomes_{kind}": Count("outcomes", distinct=True, filter=of_kind),
            f"confirmed_{kind}": Count("outcomes", distinct=True, filter=of_kind & confirmed),
        }
    return scope.students().aggregate(**figures)


def outcomes_by_kind(scope, figures=None):
    """figures: outcome_figures(scope), when the caller builds both tables."""
    figures = outcome_figures(scope) if figures is None else figures
    label_of = dict(Outcome.Kind.choices)
    kind_of = {label: kind for kind, label in label_of.items()}
    cells = [
        identity.Cell(label, figures[f"students_{kind}"], figures[f"outcomes_{kind}"])
        for kind, label in label_of.items()
        if figures[f"students_{kind}"]
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
    recorded = {kind_of[cell.label] for cell in cells}
    together = recorded - {kind_of.get(cell.label) for cell in shown}
    for cell in shown:
        kinds = together if cell.label == identity.TOGETHER else {kind_of[cell.label]}
        students = cell.people
        if cell.label == identity.TOGETHER:
            # A student may have recorded several of the pooled kinds: the row counts each
            # person once (one more query, only when kinds are pooled), and is left out if
            # that is under MIN_CELL.
            students = (
                outcomes_in(scope)
                .filter(kind__in=kinds)
                .aggregate(n=Count("mentee", distinct=True))["n"]
            )
            if students < MIN_CELL:
                continue
        confirmed = sum(figures[f"confirmed_{kind}"] for kind in kinds)
        table.rows.append([cell.label, students, cell.active, confirmed])
    if suppressed and not table.rows:
        table.notes.append(f"Outcomes from {FEWER} students in all: no kind is shown.")
    return table


def outcome_share(scope, figures=None):
    """figures: outcome_figures(scope), when the caller builds both tables."""
    figures = outcome_figures(scope) if figures is None else figures
    table = Table(
        "outcome-share",
        "Students with at least one outcome in the period, mentored or not",
        ["Students", "Students in scope", "With at least one outcome", "Share (%)"],
        notes=[
            "Mentored: in a mentorship at some time in the period. Where fewer than "
            f"{MIN_CELL} students of a row have an outcome, or fewer than {MIN_CELL} have "
            "none, the figure is not given exactly, so that no small group of students can "
            "be singled out."
        ],
    )
    for label, whole, part in (
        ("Mentored", figures["mentored"], figures["mentored_with"]),
        ("Not mentored", figures["others"], figures["others_with"]),
    ):
        if part < MIN_CELL:
            table.rows.append([label, whole, FEWER, None])
        elif whole - part < MIN_CELL:
            table.rows.append([label, whole, f"all but {FEWER}", None])
        else:
            table.rows.append([label, whole, part, percent(part, whole)])
    return table


OUTCOME_TABLES = {"outcomes": outcomes_by_kind, "outcome-share": outcome_share}


def outcome_tables_sharing(scope):
    """Both tables' builders, sharing one outcome_figures(scope) query (all_tables)."""
    figures = outcome_figures(scope)
    return {name: partial(build, figures=figures) for name, build in OUTCOME_TABLES.items()}
