"""One mentorship's story in time order: meetings, goal changes, feedback, agreement changes,
and messages (one event per person and day, "Sam wrote 3 messages", linked to the thread:
the words themselves are read in the thread).

A long relationship has hundreds of events and a page shows 25, so the database merges,
orders and slices them: every source gives rows of the same columns (ROW) to one UNION ALL,
and only the page's rows come back, carrying the words their events need. Meetings alone
load more (action items, goals discussed), for the page's meetings only. The queries and the
Python work are the same whatever the length of the story.
Every goal named here, wherever it appears, comes through readable_goals().
"""

import datetime
from collections import defaultdict, namedtuple
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    Count,
    DateTimeField,
    F,
    IntegerField,
    Max,
    Min,
    Value,
    When,
)
from django.db.models.functions import TruncDate
from django.utils import timezone

from mentoring.conversations.models import Message
from mentoring.feedback.models import Feedback, Reassessment
from mentoring.goals.models import Goal, GoalUpdate
from mentoring.lib.links import path_of
from mentoring.lib.moments import day_month
from mentoring.lib.pagination import open_ended_page
from mentoring.meetings.models import ActionItem, Meeting
from mentoring.mentorships.models import Mentorship, MentorshipEvent
from mentoring.timeline.event_sql import (
    BEGAN,
    CLOSED,
    FEEDBACK,
    GOAL_SET,
    GOAL_UPDATE,
    JOURNAL,
    MEETING,
    MESSAGES,
    REASSESSMENT,
    EventRows,
)

PER_PAGE = 25


# `status` and `kind` stored choices (a meeting's mode is its kind), `number` a count or
# score, `person` a user id, `name` and `detail` words; each source fills those it needs.
Row = namedtuple("Row", "at source tiebreak id status kind number person name detail")
# Annotations may not share a name with a model field ("kind", "at", "status").
COLUMNS = [f"row_{name}" for name in Row._fields]


def event(at, kind, title, detail="", url="", items=()):
    """One event as the page shows it: a dictionary, whose keys the template finds at its
    first try (an object's attributes only after a failed lookup by key)."""
    return {"at": at, "kind": kind, "title": title, "detail": detail, "url": url, "items": items}


@dataclass
class Loaded:
    """What the page's rows need beyond their own columns, loaded once for all of them."""

    mentorship: Mentorship
    viewer: object
    action_items: dict  # meeting id: [ActionItem]
    goals_discussed: dict  # meeting id: [title of a readable goal]
    people: dict  # user id: User


def began_at(mentorship):
    """The "Mentorship began" event's moment: midnight of its first day."""
    return timezone.make_aware(datetime.datetime.combine(mentorship.started_on, datetime.time()))


def readable_goals(mentorship, viewer):
    return Goal.objects.readable_in(mentorship, viewer)


# Literals typed once: a Value left to find its own type builds a model field to say so,
# some sixty a page.
TEXT, WHOLE = CharField(), IntegerField()
BLANK = {
    "status": Value("", output_field=TEXT),
    "kind": Value("", output_field=TEXT),
    "number": Value(0, output_field=WHOLE),
    "person": Value(0, output_field=WHOLE),
    "name": Value("", output_field=TEXT),
    "detail": Value("", output_field=TEXT),
}


def typed(value):
    return Value(value, output_field=TEXT if isinstance(value, str) else WHOLE)


def _rows(queryset, source, at, tiebreak=0, **data):
    """The queryset as ROW columns, in the same order for every source so that they line up
    in one UNION. Blanks are typed literals ('' and 0, not NULL): PostgreSQL cannot type a
    column that is NULL in the first branches of a UNION."""
    values = {"at": at, "source": source, "tiebreak": tiebreak, "id": F("pk"), **BLANK, **data}
    columns = {
        f"row_{name}": value if hasattr(value, "resolve_expression") else typed(value)
        for name, value in values.items()
    }
    return queryset.order_by().annotate(**columns).values_list(*COLUMNS)


def meeting_rows(mentorship, viewer, readable):
    meetings = Meeting.objects.filter(mentorship=mentorship)
    return _rows(
        meetings,
        MEETING,
        F("starts_at"),
        tiebreak=-F("pk"),
        status=F("status"),
        kind=F("mode"),
        number=F("minutes"),
    )


def goal_rows(mentorship, viewer, readable):
    return _rows(
        readable, GOAL_SET, F("created_at"), tiebreak=F("position"), kind=F("kind"), name=F("title")
    )


def goal_update_rows(mentorship, viewer, readable):
    return _rows(
        GoalUpdate.objects.filter(goal__in=readable),
        GOAL_UPDATE,
        F("created_at"),
        tiebreak=-F("pk"),
        status=F("status"),
        name=F("goal__title"),
        detail=F("note"),
    )


def feedback_rows(mentorship, viewer, readable):
    return _rows(
        Feedback.objects.filter(mentorship=mentorship),
        FEEDBACK,
        F("created_at"),
        tiebreak=-F("pk"),
        person=F("author_id"),
        name=Case(When(goal__in=readable, then=F("goal__title")), default=Value("")),
    )


def began_rows(mentorship, viewer, readable):
    began = Value(began_at(mentorship), output_field=DateTimeField())
    return _rows(Mentorship.objects.filter(pk=mentorship.pk), BEGAN, began)


def journal_rows(mentorship, viewer, readable):
    entries = MentorshipEvent.objects.filter(mentorship=mentorship)
    return _rows(entries, JOURNAL, F("at"), kind=F("kind"), detail=F("summary"))


def closed_rows(mentorship, viewer, readable):
    closed = Mentorship.objects.filter(pk=mentorship.pk, closed_at__isnull=False)
    return _rows(closed, CLOSED, F("closed_at"))


def reassessment_rows(mentorship, viewer, readable):
    """Completed reassessments this person may read: their own, and shared ones."""
    answered = Reassessment.objects.visible_to(viewer).filter(
        mentorship=mentorship, completed_at__isnull=False
    )
    return _rows(
        answered,
        REASSESSMENT,
        F("completed_at"),
        tiebreak=-F("pk"),
        kind=F("kind"),
        number=F("satisfaction"),
        person=F("respondent_id"),
    )


def message_rows(mentorship, viewer, readable):
    """One row per sender and day (in the reader's time zone): how many messages they
    wrote, at the time of the last one. Dozens of messages a day must not bury meetings."""
    day = TruncDate("created_at", tzinfo=timezone.get_current_timezone())
    by_day = Message.objects.in_thread_of(mentorship).annotate(day=day).values("day", "sender")
    return _rows(
        by_day,
        MESSAGES,
        Max("created_at"),
        id=Min("pk"),
        number=Count("pk"),
        person=F("sender"),
    )


# Each takes the mentorship, the person looking and the goals they may read in it, and
# gives only rows that person may see.
SOURCES = [
    meeting_rows,
    goal_rows,
    goal_update_rows,
    feedback_rows,
    began_rows,
    journal_rows,
    closed_rows,
    reassessment_rows,
    message_rows,
]


def event_rows(mentorship, viewer, readable):
    """Every event this person may see, newest first, as ROW tuples: slice it, then build.
    On PostgreSQL the page reads the same rows through event_sql.EventRows."""
    # An open mentorship has no "closed" row: the page already knows, so the union is
    # spared a branch (building and compiling each costs as much as PostgreSQL running it).
    sources = [rows for rows in SOURCES if rows is not closed_rows or mentorship.closed_at]
    first, *others = (rows(mentorship, viewer, readable) for rows in sources)
    return first.union(*others, all=True).order_by(
        "-row_at", "row_source", "row_tiebreak", "row_id"
    )


# Rows carry choices as stored codes; an unsaved instance lends its display methods, but
# not to meetings, a page's most rows: building a model for each cost more than its words.
MEETING_STATUSES = dict(Meeting.Status.choices)
MEETING_MODES = dict(Meeting.Mode.choices)


def meeting_event(row, loaded):
    status = MEETING_STATUSES.get(row.status, row.status).lower()
    mode = MEETING_MODES.get(row.kind, row.kind).lower()
    titles = loaded.goals_discussed[row.id]
    return event(
        at=row.at,
        kind="meeting",
        title=f"Meeting {status}: {mode}, {row.number} minutes",
        detail=("Goals discussed: " + ", ".join(titles)) if titles else "",
        url=path_of("meetings:detail", row.id),
        items=loaded.action_items[row.id],
    )


def goal_set_event(row, loaded):
    kind = Goal(kind=row.kind).short_kind
    return event(at=row.at, kind="goal", title=f"Goal set: {row.name}", detail=kind)


def goal_update_event(row, loaded):
    status = GoalUpdate(status=row.status).get_status_display().lower()
    return event(at=row.at, kind="goal", title=f"Goal {status}: {row.name}", detail=row.detail)


def feedback_event(row, loaded):
    about = f" about “{row.name}”" if row.name else ""
    return event(
        at=row.at,
        kind="feedback",
        title=f"Feedback from {loaded.people[row.person]}{about}",
        url=path_of("feedback:list", loaded.mentorship.pk),
    )


def began_event(row, loaded):
    return event(at=row.at, kind="mentorship", title="Mentorship began")


def journal_event(row, loaded):
    title = MentorshipEvent(kind=row.kind).get_kind_display()
    return event(
        at=row.at, kind="mentorship", title=f"{title}: {row.detail}" if row.detail else title
    )


def closed_event(row, loaded):
    reason = loaded.mentorship.get_close_reason_display()
    return event(at=row.at, kind="mentorship", title=f"Closed: {reason}")


def reassessment_event(row, loaded):
    who = "you" if row.person == loaded.viewer.pk else str(loaded.people[row.person])
    satisfaction = f", satisfaction {row.number} of 5" if row.number else ""
    kind = Reassessment(kind=row.kind).get_kind_display()
    return event(
        at=row.at,
        kind="reassessment",
        title=f"{kind} answered by {who}{satisfaction}",
        url=path_of("feedback:reassessment", row.id),
    )


def messages_event(row, loaded):
    who = "You" if row.person == loaded.viewer.pk else str(loaded.people[row.person])
    what = "a message" if row.number == 1 else f"{row.number} messages"
    return event(
        at=row.at,
        kind="message",
        title=f"{who} wrote {what}",
        url=path_of("conversations:thread", loaded.mentorship.pk),
    )


BUILDERS = {
    MEETING: meeting_event,
    GOAL_SET: goal_set_event,
    GOAL_UPDATE: goal_update_event,
    FEEDBACK: feedback_event,
    BEGAN: began_event,
    JOURNAL: journal_event,
    CLOSED: closed_event,
    REASSESSMENT: reassessment_event,
    MESSAGES: messages_event,
}


OWNERS = dict(ActionItem.Owner.choices)


def item_words(text, owner, due_on, done):
    """An action item as the page shows it."""
    return {
        "text": text,
        "owner": OWNERS.get(owner, owner).lower(),
        "due": day_month(due_on) if due_on else "",
        "done": done,
    }


def _action_items(meeting_ids):
    """Each meeting's action items, in their usual order: [text, owner, due_on, done]."""
    items = defaultdict(list)
    rows = ActionItem.objects.filter(meeting_id__in=meeting_ids).values_list(
        "meeting_id", "text", "owner", "due_on", "done_at"
    )
    for meeting_id, text, owner, due_on, done_at in rows:
        items[meeting_id].append([text, owner, due_on, done_at is not None])
    return items


def _goals_discussed(readable, meeting_ids):
    titles = defaultdict(list)
    for meeting_id, title in readable.filter(meetings__in=meeting_ids).values_list(
        "meetings", "title"
    ):
        titles[meeting_id].append(title)
    return titles


def _people(mentorship, ids):
    """Authors and respondents are the pair, loaded with the mentorship; anyone else named
    (a row written outside the app) costs one query."""
    people = {mentorship.mentor_id: mentorship.mentor, mentorship.mentee_id: mentorship.mentee}
    others = set(ids) - people.keys()
    if others:
        people |= get_user_model().objects.in_bulk(others)
    return people


def build_events(mentorship, viewer, readable, rows, meetings=None):
    """The page's events from its rows. `meetings`: the action items and goals discussed
    of its meetings, when they came with the rows (event_sql.EventRows); else read here."""
    rows = [Row._make(values) for values in rows]
    meeting_ids = [row.id for row in rows if row.source == MEETING]
    if meetings is None and meeting_ids:
        meetings = _action_items(meeting_ids), _goals_discussed(readable, meeting_ids)
    items, goals_discussed = meetings or ({}, {})
    loaded = Loaded(
        mentorship=mentorship,
        viewer=viewer,
        action_items=defaultdict(
            list,
            {meeting: [item_words(*item) for item in listed] for meeting, listed in items.items()},
        ),
        goals_discussed=defaultdict(list, goals_discussed),
        people=_people(mentorship, [row.person for row in rows if row.person]),
    )
    return [BUILDERS[row.source](row, loaded) for row in rows]


def timeline_page(mentorship, viewer, number):
    """One page of what this person may see, newest first; past the end, the last page."""
    # The readable goals' ids, fetched once: as a sub-query, their rules (sharing, the
    # mentorship's status) were planned again in each branch of the union, twice (count,
    # then page), and planning cost PostgreSQL more than running the union.
    ids = list(readable_goals(mentorship, viewer).values_list("pk", flat=True))
    readable = Goal.objects.filter(pk__in=ids)
    if connection.vendor == "postgresql":
        rows = EventRows(mentorship, viewer, ids, began_at(mentorship))
        page = open_ended_page(rows, PER_PAGE, number)
        meetings = rows.action_items, rows.goals_discussed
    else:
        page = open_ended_page(event_rows(mentorship, viewer, readable), PER_PAGE, number)
        meetings = None
    page.object_list = build_events(mentorship, viewer, readable, page.object_list, meetings)
    return page
