"""The portfolio as CSV rows and as JSON, from the same figures the page shows."""

import csv
import io

from mentoring.lib.csv_files import csv_cell
from mentoring.portfolio.figures import MIN_ANSWERING

CSV_HEADERS = [
    "row",
    "mentee",
    "programme at start",
    "stage at start",
    "from",
    "to",
    "meetings",
    "hours",
    "focus areas",
    "confirmed outcomes",
    "outcomes",
    "feedback excerpts",
]


def outcome_words(line):
    words = f"{line.kind}, {line.achieved_on:%B %Y}"
    if line.title:
        words += f": {line.title}"
    for label, value in (("DOI", line.doi), ("PMID", line.pmid)):
        if value:
            words += f" ({label} {value})"
    return words


def csv_text(portfolio):
    """One row per mentee, then one per year and the period's total."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADERS)
    for entry in portfolio.entries:
        writer.writerow(
            csv_cell(value)
            for value in [
                "mentee",
                entry.label,
                entry.programme,
                entry.stage,
                entry.started_on.isoformat(),
                entry.ended_on.isoformat() if entry.ended_on else "",
                entry.meetings,
                entry.hours,
                "; ".join(entry.focus_areas),
                len(entry.outcomes),
                "; ".join(outcome_words(line) for line in entry.outcomes),
                " | ".join(f"{e.given_on:%Y-%m-%d}: {e.text}" for e in entry.excerpts),
            ]
        )
    for totals in [*portfolio.years, portfolio.total]:
        kind = "total" if totals is portfolio.total else "year"
        label = f"{totals.label}: {totals.mentees} mentees"
        writer.writerow(
            [kind, label, "", "", "", "", totals.meetings, totals.hours, "", totals.outcomes]
            + ["", ""]
        )
    return out.getvalue()


def totals_json(totals):
    return {
        "mentees": totals.mentees,
        "meetings": totals.meetings,
        "hours": totals.hours,
        "confirmed_outcomes": totals.outcomes,
    }


def as_json(portfolio, lineage):
    return {
        "mentor": str(portfolio.mentor),
        "period": {"from": portfolio.start.isoformat(), "to": portfolio.end.isoformat()},
        "mentees": [
            {
                "mentee": entry.label,
                "named_with_consent": entry.is_named,
                "programme_at_start": entry.programme,
                "stage_at_start": entry.stage,
                "from": entry.started_on.isoformat(),
                "to": entry.ended_on.isoformat() if entry.ended_on else None,
                "status": entry.status,
                "meetings": entry.meetings,
                "hours": entry.hours,
                "focus_areas": entry.focus_areas,
                "confirmed_outcomes": [
                    {
                        "kind": line.kind,
                        "date": line.achieved_on.isoformat(),
                        **({"title": line.title} if line.title else {}),
                        **({"venue": line.venue} if line.venue else {}),
                        **({"doi": line.doi} if line.doi else {}),
                        **({"pmid": line.pmid} if line.pmid else {}),
                    }
                    for line in entry.outcomes
                ],
                "feedback_excerpts": [
                    {"date": e.given_on.isoformat(), "text": e.text} for e in entry.excerpts
                ],
            }
            for entry in portfolio.entries
        ],
        "years": [{"year": int(t.label), **totals_json(t)} for t in portfolio.years],
        "total": totals_json(portfolio.total),
        "satisfaction": {
            "average_of_5": portfolio.satisfaction,
            "mentees_answered": portfolio.satisfaction_mentees,
            "shown_from": MIN_ANSWERING,
        },
        "lineage": {
            "learners_mentored": lineage.mentored,
            "now_mentor_others": lineage.now_mentoring,
            "named_with_consent": [str(person) for person in lineage.named],
        },
    }
