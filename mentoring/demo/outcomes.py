"""Demo outcomes: what came of some seeded mentorships (a paper, a poster, a grant, a match),
recorded by the mentee, most confirmed by the mentor, a few waiting for confirmation (the
demo faculty member has at least one to confirm). Idempotent: nothing is added once any
outcome exists."""

import datetime
import random

from django.utils import timezone

from mentoring.demo.school import DEMO_FACULTY_EMAIL
from mentoring.mentorships.models import Mentorship
from mentoring.outcomes.models import Outcome, OutcomeTie

KINDS = Outcome.Kind
# (kind, title, venue, DOI, PMID)
OUTCOMES = [
    (
        KINDS.PUBLICATION,
        "Opioid prescribing after minor surgery: a chart review",
        "Journal of Surgical Education",
        "10.1016/j.jsurg.2024.03.011",
        "38561234",
    ),
    (
        KINDS.PRESENTATION,
        "Poster: screening for food insecurity in clinic",
        "Regional meeting of the Society of General Internal Medicine",
        "",
        "",
    ),
    (KINDS.GRANT, "Summer research fellowship", "Office of Medical Student Research", "", ""),
    (
        KINDS.RESEARCH,
        "Quality improvement of discharge summaries",
        "Department of Medicine",
        "",
        "",
    ),
    (KINDS.MATCH, "Matched to internal medicine residency", "University Hospital", "", ""),
    (KINDS.LEADERSHIP, "Co-chair of the student wellness committee", "", "", ""),
    (
        KINDS.PRESENTATION,
        "Oral presentation: sepsis bundle adherence",
        "Student research day",
        "",
        "",
    ),
]
SHARE = 0.4  # of mentorships with an outcome
CONFIRMED = 0.7


def add_outcomes(seed=2026):
    if Outcome.objects.exists():
        return 0
    rng = random.Random(seed)
    today = timezone.localdate()
    mentorships = list(Mentorship.objects.select_related("mentor").order_by("pk"))
    created, left_to_confirm = 0, False
    for mentorship in mentorships:
        is_demo_faculty = mentorship.mentor.email == DEMO_FACULTY_EMAIL
        if not is_demo_faculty and rng.random() > SHARE:
            continue
        kind, title, venue, doi, pmid = rng.choice(OUTCOMES)
        days = max((today - mentorship.started_on).days, 1)  # never later than today
        outcome = Outcome.objects.create(
            mentee_id=mentorship.mentee_id,
            kind=kind,
            title=title,
            achieved_on=mentorship.started_on + datetime.timedelta(days=rng.randint(0, days - 1)),
            venue=venue,
            doi=doi,
            pmid=pmid,
        )
        # The demo faculty member's first is left for them to confirm.
        waiting = (is_demo_faculty and not left_to_confirm) or rng.random() > CONFIRMED
        left_to_confirm = left_to_confirm or (is_demo_faculty and waiting)
        OutcomeTie.objects.create(
            outcome=outcome,
            mentorship=mentorship,
            confirmed_at=None if waiting else timezone.now(),
        )
        created += 1
    return created
