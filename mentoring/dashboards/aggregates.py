"""The dashboards' figures: one SQL aggregate per table, whatever the number of rows.

Every table starts from Scope.students() (scope.py), a subquery, so "in scope" is one idea.
Tables read counts, dates and the mentor's capacity, never what people wrote: request
messages, goals, meeting notes, feedback and reassessment answers are not selected here.
Optional identity fields are read grouped in SQL and shown only as identity.py allows
(groups of MIN_CELL or more, complementary suppression, rounded mentees); a reassessment
average needs MIN_CELL different respondents.
"""

import datetime
import statistics
from functools import partial

from django.db import connection
from django.db.models import Aggregate, Avg, Count, Exists, F, FloatField, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Lower, Trim, TruncMonth
from django.utils import timezone

from accounts.models import User
from mentoring.dashboards import identity
from mentoring.dashboards.identity import MIN_CELL
from mentoring.dashboards.message_answers import message_answers
from mentoring.dashboards.outcome_counts import OUTCOME_TABLES, outcome_tables_sharing
from mentoring.dashboards.scope import Table, percent
from mentoring.feedback.models import Reassessment
from mentoring.lib.sql import Epoch
from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import OPEN_STATUSES, Mentorship, MentorshipRequest
from mentoring.profiles.models import MentorProfile

# "Only about one third of students have a mentor" (Rose, Rukstalis & Schuckit, 2005).
LITERATURE_SHARE = round(100 / 3, 1)
FAR_ABOVE_PEERS = 2  # a load more than twice the median load of the faculty listed
OVERDUE_AFTER = datetime.timedelta(days=14)
FACULTY_ROWS_SHOWN = 50  # on the page; the CSV has every row
NO_STAGE = "Stage not given"
ACTIVE = Mentorship.Status.ACTIVE


def has_active_mentor():
    return Exists(Mentorship.objects.active().filter(mentee=OuterRef("pk")))


def stage_label(name):
    """A student's stage as a list shows it: its name (Stage.name), or that none is given."""
    return name or NO_STAGE


# What names and orders a student's stage, from their mentee profile: grouping by these
# groups by stage, and each programme's stages keep their own order.
STAGE_PATHS = {
    "stage": "stage_id",
    "stage_name": "stage__name",
    "stage_position": "stage__position",
    "programme_name": "stage__programme__name",
    "programme_position": "stage__programme__position",
}


def stage_columns(profile):
    """The STAGE_PATHS columns through `profile`, the path to the mentee profile."""
    return {key: F(f"{profile}__{path}") for key, path in STAGE_PATHS.items()}


def by_stage(rows):
    """Rows grouped by stage_columns() in the order of training, programme by programme,
    'not given' last; each with its label, which names the programme when several appear."""

    def order(row):
        if row["stage"] is None:
            return (1, 0, "", 0)
        return (0, row["programme_position"], row["programme_name"], row["stage_position"])

    rows = sorted(rows, key=order)
    several = len({row["programme_name"] for row in rows if row["stage"] is not None}) > 1
    for row in rows:
        name = row["stage_name"]
        row["label"] = f"{row['programme_name']}: {name}" if several and name else stage_label(name)
    return rows


# Coverage -------------------------------------------------------------------------------


def coverage(scope):
    rows = by_stage(
        scope.students()
        .values(**stage_columns("mentee_profile"))
        .annotate(students=Count("pk"), matched=Count("pk", filter=has_active_mentor()))
        .order_by()
    )
    table = Table(
        "coverage",
        "Students with at least one active mentor, by stage of training",
        ["Stage of training", "Students", "With an active mentor", "Share (%)"],
        notes=[
            f"Reference: about one third ({LITERATURE_SHARE}%) of students have a mentor "
            "in the literature. An active mentor means one today, whatever the period."
        ],
    )
    for row in rows:
        table.rows.append(
            [
                row["label"],
                row["students"],
                row["matched"],
                percent(row["matched"], row["students"]),
            ]
        )
    students = sum(row["students"] for row in rows)
    matched = sum(row["matched"] for row in rows)
    table.rows.append(["All stages", students, matched, percent(matched, students)])
    return table


# Relationships --------------------------------------------------------------------------


def relationships(scope):
    now = timezone.now()
    rows = by_stage(
        Mentorship.objects.filter(mentee__in=scope.students())
        .values(**stage_columns("mentee__mentee_profile"))
        .annotate(
            active=Count("pk", filter=Q(status=ACTIVE)),
            formed=Count("pk", filter=Q(started_on__gte=scope.start, started_on__lte=scope.end)),
            quiet=Count("pk", filter=Mentorship.objects.quiet_q(now)),
        )
        .order_by()
    )
    table = Table(
        "relationships",
        "Mentorships of students in scope",
        [
            "Stage of training",
            "Formed in the period",
            "Active today",
            "Quiet beyond their rhythm",
            "Quiet (% of active)",
        ],
        notes=[
            f"Quiet: no contact for more than {Mentorship.QUIET_FACTOR} times the rhythm the "
            "pair agreed (counted from the start if they have not met yet)."
        ],
    )
    totals = [0, 0, 0]
    for row in rows:
        figures = [row["formed"], row["active"], row["quiet"]]
        totals = [a + b for a, b in zip(totals, figures, strict=True)]
        table.rows.append([row["label"], *figures, percent(row["quiet"], row["active"])])
    table.rows.append(["All stages", *totals, percent(totals[2], totals[1])])
    return table


# Requests -------------------------------------------------------------------------------


class Median(Aggregate):
    """PostgreSQL's exact median; other databases take the Python fallback in requests()."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


ANSWERS = ("accepted", "declined", "referred")


def hours(seconds):
    return None if seconds is None else round(seconds / 3600, 1)


def requests(scope):
    """Requests students sent (not invitations or recorded relationships): sent in the
    period, and answered or expired in it, with the median time to an answer."""
    Status = MentorshipRequest.Status
    sent = scope.moment_in_period("created_at")
    closed = scope.moment_in_period("answered_at")
    answered = closed & Q(status__in=ANSWERS)
    asks = MentorshipRequest.objects.filter(
        sent | closed, kind=MentorshipRequest.Kind.ASK, mentee__in=scope.students()
    )
    figures = {
        "sent": Count("pk", filter=sent),
        "waiting": Count("pk", filter=sent & Q(status=Status.PENDING)),
        **{status: Count("pk", filter=closed & Q(status=status)) for status in ANSWERS},
        "expired": Count("pk", filter=closed & Q(status=Status.EXPIRED)),
        "withdrawn": Count("pk", filter=closed & Q(status=Status.WITHDRAWN)),
    }
    wait = Epoch("answered_at") - Epoch("created_at")
    if connection.vendor == "postgresql":
        figures["median"] = Median(wait, filter=answered)
    totals = asks.aggregate(**figures)
    if connection.vendor != "postgresql":
        # One small list: the answers given in this period, never a query per request.
        waits = [
            (answered_at - created_at).total_seconds()
            for created_at, answered_at in asks.filter(answered).values_list(
                "created_at", "answered_at"
            )
        ]
        totals["median"] = statistics.median(waits) if waits else None
    return Table(
        "requests",
        "Requests students sent",
        ["Figure", "Count"],
        rows=[
            ["Sent in the period", totals["sent"]],
            ["Accepted in the period", totals["accepted"]],
            ["Declined in the period", totals["declined"]],
            ["Referred to a colleague in the period", totals["referred"]],
            ["Expired without an answer in the period", totals["expired"]],
            ["Withdrawn in the period", totals["withdrawn"]],
            ["Sent in the period and still waiting", totals["waiting"]],
            ["Median time to an answer (hours)", hours(totals["median"])],
        ],
        notes=["An answer is an acceptance, a decline or a referral."],
    )


# Faculty --------------------------------------------------------------------------------


def faculty(scope):
    """Faculty whose load the dashboard shows: for a clerkship, the active mentors of its
    students in scope; for a programme, those who mentor in it or mentor one of its
    students; for the school, everyone with a mentor profile or an active mentee."""
    mentoring = Mentorship.objects.active().filter(mentor=OuterRef("pk"))
    if scope.clerkship is not None:
        return User.objects.filter(Exists(mentoring.filter(mentee__in=scope.students())))
    profile = MentorProfile.objects.filter(user=OuterRef("pk"))
    if scope.programme is not None:
        in_programme = profile.filter(programmes=scope.programme)
        mentoring = mentoring.filter(mentee__in=scope.students())
        return User.objects.filter(Q(Exists(in_programme), is_active=True) | Q(Exists(mentoring)))
    # A deactivated account with no mentee would only pull the median load down.
    return User.objects.filter(Q(Exists(profile), is_active=True) | Q(Exists(mentoring)))


def load_figures(scope):
    """Counts over each faculty member's mentorships, through one join."""
    students = scope.students()
    return {
        "active": Count("mentorships_as_mentor", filter=Q(mentorships_as_mentor__status=ACTIVE)),
        "open": Count(
            "mentorships_as_mentor", filter=Q(mentorships_as_mentor__status__in=OPEN_STATUSES)
        ),
        "in_scope": Count(
            "mentorships_as_mentor",
            filter=Q(
                mentorships_as_mentor__status=ACTIVE,
                mentorships_as_mentor__mentee__in=students,
            ),
        ),
    }


def faculty_load(scope):
    people = list(
        faculty(scope)
        .annotate(**load_figures(scope))
        .values(
            "display_name",
            "active",
            "open",
            "in_scope",
            capacity=F("mentor_profile__capacity"),
            department=F("mentor_profile__department__name"),
        )
        .order_by()
    )
    median = statistics.median(p["active"] for p in people) if people else 0
    # Twice a median of 0 would flag anyone with a single mentee: compare to at least 1.
    threshold = FAR_ABOVE_PEERS * max(median, 1)
    people.sort(key=lambda p: (-p["active"], p["display_name"].casefold()))
    table = Table(
        "faculty-load",
        "Faculty load",
        [
            "Faculty member",
            "Department",
            "Active mentees",
            "Of them, students in scope",
            "Capacity",
            "Places used (%)",
            "Flags",
        ],
        notes=[
            f"Median load: {median:g} active mentee{'s' if median != 1 else ''}. "
            f"Flagged far above peers: more than {threshold:g}. "
            "Places used counts paused relationships too: they keep their place."
        ],
        shown_limit=FACULTY_ROWS_SHOWN,
    )
    for person in people:
        capacity = person["capacity"]
        flags = []
        if capacity is not None and person["open"] > capacity:
            flags.append("over capacity")
        elif capacity is not None and person["open"] == capacity:
            flags.append("full")
        if person["active"] > threshold:
            flags.append("far above peers")
        table.rows.append(
            [
                person["display_name"],
                person["department"] or "",
                person["active"],
                person["in_scope"],
                capacity,
                percent(person["open"], capacity),
                "; ".join(flags),
            ]
        )
    return table


IDENTITY_FIELDS = {"gender": "Gender", "background": "Background"}


def identity_groups(scope):
    """Faculty and their active mentees grouped by both optional identity answers at once,
    each lower-cased and trimmed: one pass over the faculty's mentorships serves both
    tables. Own words given for gender are not read: they count as 'self-described'."""
    return list(
        faculty(scope)
        .values(
            **{
                f"{name}_value": Lower(Trim(Coalesce(f"mentor_profile__{name}", Value(""))))
                for name in IDENTITY_FIELDS
            }
        )
        .annotate(people=Count("pk", distinct=True), active=load_figures(scope)["active"])
        .order_by()
    )


def identity_table(scope, field_name, groups=None):
    """Faculty load by one optional identity answer, in the groups identity.py allows.
    groups: identity_groups(scope), when the caller builds both tables."""
    groups = identity_groups(scope) if groups is None else groups
    cells = identity.cells_of(groups, field_name)
    shown, suppressed = identity.suppress(cells)
    people = sum(cell.people for cell in cells)
    mentees = sum(cell.active for cell in cells)
    nearest = identity.ROUND_MENTEES_TO
    table = Table(
        f"faculty-{field_name}",
        f"Faculty load by {field_name} (optional answers)",
        [
            IDENTITY_FIELDS[field_name],
            "Faculty",
            "Share of faculty (%)",
            f"Active mentees (to the nearest {nearest})",
            "Share of active mentees (%)",
        ],
        notes=[
            f"Only groups of {MIN_CELL} or more people are shown. A smaller group is counted "
            f"in '{identity.TOGETHER}', with the next smallest group while that has fewer "
            f"than {MIN_CELL}, so that no small group can be worked out by subtracting the "
            "groups shown from the faculty listed above.",
            f"Mentees are rounded to the nearest {nearest}, so that the named load table "
            "cannot be matched to a group.",
        ],
    )
    if suppressed and not shown:
        table.notes.append(f"Fewer than {MIN_CELL} people in all: no group is shown.")
    for cell in shown:
        active = identity.rounded(cell.active)
        table.rows.append(
            [
                cell.label,
                cell.people,
                percent(cell.people, people),
                active,
                percent(active, mentees),
            ]
        )
    return table


# Reassessments --------------------------------------------------------------------------


def reassessments(scope):
    """Completion and satisfaction of the reassessments of students in scope: counts and
    averages only, an average only over MIN_CELL or more different respondents."""
    today = timezone.localdate()
    due = Q(due_on__gte=scope.start, due_on__lte=scope.end)
    done = scope.moment_in_period("completed_at") & Q(satisfaction__isnull=False)
    figures, sides = (
        {},
        {
            "all": Q(),
            "mentee": Q(respondent=F("mentorship__mentee")),
            "mentor": Q(respondent=F("mentorship__mentor")),
        },
    )
    for side, who in sides.items():
        figures |= {
            f"due_{side}": Count("pk", filter=who & due),
            f"due_done_{side}": Count("pk", filter=who & due & Q(completed_at__isnull=False)),
            f"open_{side}": Count("pk", filter=who & Q(completed_at=None, due_on__lte=today)),
            f"overdue_{side}": Count(
                "pk", filter=who & Q(completed_at=None, due_on__lt=today - OVERDUE_AFTER)
            ),
            f"answers_{side}": Count("pk", filter=who & done),
            f"respondents_{side}": Count("respondent", filter=who & done, distinct=True),
            f"satisfaction_{side}": Avg("satisfaction", filter=who & done),
        }
    # Every figure counts prompts due in the period, answered in it or open today: leaving
    # the others out first spares the 21 filters about half of the table's rows at scale.
    counted = due | done | Q(completed_at=None, due_on__lte=today)
    totals = Reassessment.objects.filter(
        counted, mentorship__mentee__in=scope.students()
    ).aggregate(**figures)

    def row(label, key):
        return [label, *(totals[f"{key}_{side}"] for side in sides)]

    def average(side):
        if totals[f"respondents_{side}"] < MIN_CELL:
            return None
        return round(totals[f"satisfaction_{side}"], 1)

    return Table(
        "reassessments",
        "Reassessments",
        ["Figure", "All", "Answered by students", "Answered by mentors"],
        rows=[
            row("Due in the period", "due"),
            row("Of those, completed", "due_done"),
            row("Open past their due date today", "open"),
            row(f"Of those, more than {OVERDUE_AFTER.days} days past due", "overdue"),
            row("Completed in the period with a satisfaction score", "answers"),
            ["Average satisfaction (1 to 5)", *(average(side) for side in sides)],
        ],
        notes=[
            f"An average is shown once {MIN_CELL} or more different people have answered; "
            "the answers themselves stay with the people who gave them."
        ],
    )


# Meetings -------------------------------------------------------------------------------


def months_between(start, end):
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def meetings(scope):
    zone = timezone.get_current_timezone()
    counts = {
        timezone.localtime(row["month"], zone).date().replace(day=1): row["held"]
        for row in Meeting.objects.filter(
            scope.moment_in_period("starts_at"),
            status=Meeting.Status.HELD,
            mentorship__mentee__in=scope.students(),
        )
        .annotate(month=TruncMonth("starts_at", tzinfo=zone))
        .values("month")
        .annotate(held=Count("pk"))
        .order_by()
    }
    return Table(
        "meetings",
        "Meetings held per month",
        ["Month", "Meetings held"],
        rows=[
            [f"{month:%B %Y}", counts.get(month, 0)]
            for month in months_between(scope.start, scope.end)
        ],
        notes=["Held meetings of the mentorships of students in scope, by the month they began."],
    )


AGGREGATE_TABLES = {
    "coverage": coverage,
    "relationships": relationships,
    "requests": requests,
    "faculty-load": faculty_load,
    **{f"faculty-{name}": partial(identity_table, field_name=name) for name in IDENTITY_FIELDS},
    "reassessments": reassessments,
    "meetings": meetings,
    "message-answers": message_answers,
    **OUTCOME_TABLES,
}


def all_tables(scope):
    groups = identity_groups(scope)  # both identity tables from one query
    shared = {
        f"faculty-{name}": partial(identity_table, field_name=name, groups=groups)
        for name in IDENTITY_FIELDS
    }
    shared |= outcome_tables_sharing(scope)  # both outcome tables from one query
    return {name: shared.get(name, build)(scope) for name, build in AGGREGATE_TABLES.items()}
