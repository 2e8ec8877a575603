"""The concerns page of the dashboards: how many confidential concerns each programme's
people opened and how many were closed in a period, and how long they waited to be
acknowledged. Counts only, never a word of a concern or who sent it.

Counts go through the equity view's rules (identity.suppress): a programme with fewer
than MIN_CELL concerns opened is never a row of its own, and the hidden ones are shown
together; a count or median resting on fewer than MIN_CELL concerns is not shown.
"""

import statistics

from mentoring.concerns.figures import per_programme
from mentoring.dashboards.identity import MIN_CELL, TOGETHER, Cell, suppress
from mentoring.dashboards.scope import Table

FEWER = f"fewer than {MIN_CELL}"
HEADERS = ["Programme", "Opened", "Closed", "Median hours to acknowledge"]


def _shown(count):
    return count if count >= MIN_CELL else FEWER


def concerns_table(programmes, scope):
    figures = per_programme([p.pk for p in programmes], scope.starts_at, scope.ends_before)
    cells, hours = [], {}
    for programme in programmes:
        found = figures.get(programme.pk)
        if found and (found.opened or found.closed):
            cells.append(Cell(programme.name, people=found.opened, active=found.closed))
            hours[programme.name] = found.hours_to_acknowledge
    shown, suppressed = suppress(cells)
    together = [c.label for c in cells if c.label not in {s.label for s in shown}]
    rows = []
    for cell in shown:
        waited = (
            sum((hours[label] for label in together), [])
            if cell.label == TOGETHER
            else hours[cell.label]
        )
        median = round(statistics.median(waited), 1) if len(waited) >= MIN_CELL else FEWER
        rows.append([cell.label, _shown(cell.people), _shown(cell.active), median])
    notes = [
        "Counts only: what a concern says, and who sent it, stay with its designated people.",
        f"A median needs {MIN_CELL} acknowledged concerns or more.",
    ]
    if suppressed:
        notes.append(
            f"Programmes with fewer than {MIN_CELL} concerns opened are shown together, or "
            "not at all while even together they are fewer."
        )
    return Table(
        name="concerns",
        caption="Confidential concerns, by programme",
        headers=HEADERS,
        rows=rows,
        notes=notes,
        empty_text="No concerns opened or closed in this period (or too few to show).",
    )
