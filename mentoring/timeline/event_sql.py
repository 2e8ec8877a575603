"""The timeline's union (events.event_rows) as one SQL statement written once, for PostgreSQL.

Built through the ORM on every request, the nine-branch union cost about 12 ms of Python
(ten typed columns a branch to build, resolve and compile), a third of the page and five
times what PostgreSQL takes to run it. Its text depends on nothing but the models, so it
is written here once; each request only binds its values. The goals this person may read
come in as an id array, read through Goal.objects.readable_in, so that rule is used here,
not re-typed. The messages are the mentorship's and those of the requests whose
`mentorship` is it (conversations.models.thread_q), read in the statement as an array
(ANY(ARRAY(...)), which PostgreSQL runs once and matches through the request index, where
IN (...) made it scan every message). A page's rows come with its meetings' action items
and goals discussed (page_sql), instead of two more queries.
tests/timeline/test_timeline_sql.py compares every row, item and goal with the ORM version
on varied data; change both together.
"""

import datetime
import functools

from django.db import connection
from django.utils import timezone

from mentoring.conversations.models import Message
from mentoring.feedback.models import Feedback, Reassessment
from mentoring.goals.models import Goal, GoalUpdate
from mentoring.lib.sql import column, table
from mentoring.meetings.models import ActionItem, Meeting
from mentoring.mentorships.models import Mentorship, MentorshipEvent, MentorshipRequest

# Which source a row comes from. At the same instant events keep this order, then each
# source's own (`tiebreak`, then id), as when the timeline was merged in Python.
MEETING, GOAL_SET, GOAL_UPDATE, FEEDBACK, BEGAN, JOURNAL, CLOSED, REASSESSMENT, MESSAGES = range(9)


@functools.cache
def union_sql():
    """Rows (at, source, tiebreak, id, status, kind, number, person, name, detail), each
    source's blanks typed as in the ORM version ('' and 0), newest first."""
    meeting, goal, update = Meeting, Goal, GoalUpdate
    feedback, event, reassessment, message = Feedback, MentorshipEvent, Reassessment, Message

    def c(model, field, alias):
        return f"{alias}.{column(model, field)}"

    return f"""
        SELECT {c(meeting, "starts_at", "m")} AS at, {MEETING} AS source,
               -{c(meeting, "id", "m")} AS tiebreak, {c(meeting, "id", "m")} AS id,
               {c(meeting, "status", "m")}, {c(meeting, "mode", "m")},
               {c(meeting, "minutes", "m")}, 0, '', ''
          FROM {table(meeting)} m
         WHERE {c(meeting, "mentorship", "m")} = %(mentorship)s
        UNION ALL
        SELECT {c(goal, "created_at", "g")}, {GOAL_SET}, {c(goal, "position", "g")},
               {c(goal, "id", "g")}, '', {c(goal, "kind", "g")}, 0, 0, {c(goal, "title", "g")}, ''
          FROM {table(goal)} g
         WHERE {c(goal, "id", "g")} = ANY(%(goals)s::bigint[])
        UNION ALL
        SELECT {c(update, "created_at", "u")}, {GOAL_UPDATE}, -{c(update, "id", "u")},
               {c(update, "id", "u")}, {c(update, "status", "u")}, '', 0, 0,
               {c(goal, "title", "g")}, {c(update, "note", "u")}
          FROM {table(update)} u
          JOIN {table(goal)} g ON {c(goal, "id", "g")} = {c(update, "goal", "u")}
         WHERE {c(update, "goal", "u")} = ANY(%(goals)s::bigint[])
        UNION ALL
        SELECT {c(feedback, "created_at", "f")}, {FEEDBACK}, -{c(feedback, "id", "f")},
               {c(feedback, "id", "f")}, '', '', 0, {c(feedback, "author", "f")},
               CASE WHEN {c(feedback, "goal", "f")} = ANY(%(goals)s::bigint[])
                    THEN {c(goal, "title", "g")} ELSE '' END, ''
          FROM {table(feedback)} f
          LEFT JOIN {table(goal)} g ON {c(goal, "id", "g")} = {c(feedback, "goal", "f")}
         WHERE {c(feedback, "mentorship", "f")} = %(mentorship)s
        UNION ALL
        SELECT %(began)s, {BEGAN}, 0, %(mentorship)s, '', '', 0, 0, '', ''
        UNION ALL
        SELECT {c(event, "at", "e")}, {JOURNAL}, 0, {c(event, "id", "e")}, '',
               {c(event, "kind", "e")}, 0, 0, '', {c(event, "summary", "e")}
          FROM {table(event)} e
         WHERE {c(event, "mentorship", "e")} = %(mentorship)s
        UNION ALL
        SELECT {c(Mentorship, "closed_at", "s")}, {CLOSED}, 0, {c(Mentorship, "id", "s")},
               '', '', 0, 0, '', ''
          FROM {table(Mentorship)} s
         WHERE {c(Mentorship, "id", "s")} = %(mentorship)s
           AND {c(Mentorship, "closed_at", "s")} IS NOT NULL
        UNION ALL
        SELECT {c(reassessment, "completed_at", "r")}, {REASSESSMENT},
               -{c(reassessment, "id", "r")}, {c(reassessment, "id", "r")}, '',
               {c(reassessment, "kind", "r")}, {c(reassessment, "satisfaction", "r")},
               {c(reassessment, "respondent", "r")}, '', ''
          FROM {table(reassessment)} r
         WHERE {c(reassessment, "mentorship", "r")} = %(mentorship)s
           AND {c(reassessment, "completed_at", "r")} IS NOT NULL
           AND ({c(reassessment, "respondent", "r")} = %(viewer)s
                OR ({c(reassessment, "is_shared", "r")} AND %(in_pair)s))
        UNION ALL
        SELECT MAX({c(message, "created_at", "t")}), {MESSAGES}, 0, MIN({c(message, "id", "t")}),
               '', '', COUNT(*), {c(message, "sender", "t")}, '', ''
          FROM {table(message)} t
         WHERE {c(message, "mentorship", "t")} = %(mentorship)s
            OR {c(message, "request", "t")} = ANY(ARRAY(
                   SELECT {c(MentorshipRequest, "id", "q")} FROM {table(MentorshipRequest)} q
                    WHERE {c(MentorshipRequest, "mentorship", "q")} = %(mentorship)s))
         GROUP BY {c(message, "sender", "t")},
                  ({c(message, "created_at", "t")} AT TIME ZONE %(zone)s)::date
    """  # noqa: S608 - names from the models; every value is a parameter


ORDER = "ORDER BY 1 DESC, 2, 3, 4"


@functools.cache
def page_sql(limited):
    """A slice of union_sql() (LIMIT when `limited`), each meeting with what the page shows
    of it: its action items as [text, owner, due_on, done] (ActionItem's ordering) and the
    titles of the readable goals discussed in it (Goal's ordering). Read with the page's
    rows, for those rows only, rather than by two more queries (events._action_items and
    _goals_discussed, the ORM version, which the tests compare with this)."""
    item, goal, discussed = ActionItem, Goal, Meeting.goals_discussed.through
    limit = "LIMIT %(limit)s" if limited else ""

    def c(model, field, alias):
        return f"{alias}.{column(model, field)}"

    return f"""
        SELECT page.*,
               (SELECT json_agg(json_build_array({c(item, "text", "a")}, {c(item, "owner", "a")},
                                                 {c(item, "due_on", "a")},
                                                 {c(item, "done_at", "a")} IS NOT NULL)
                                ORDER BY {c(item, "done_at", "a")}, {c(item, "due_on", "a")},
                                         {c(item, "id", "a")})
                  FROM {table(item)} a
                 WHERE page.source = {MEETING} AND {c(item, "meeting", "a")} = page.id),
               (SELECT array_agg({c(goal, "title", "g")}
                                 ORDER BY {c(goal, "position", "g")}, {c(goal, "id", "g")})
                  FROM {table(discussed)} d
                  JOIN {table(goal)} g ON {c(goal, "id", "g")} = {c(discussed, "goal", "d")}
                 WHERE page.source = {MEETING} AND {c(discussed, "meeting", "d")} = page.id
                   AND {c(goal, "id", "g")} = ANY(%(goals)s::bigint[]))
          FROM ({union_sql()} {ORDER} {limit} OFFSET %(offset)s) page
         {ORDER}
    """  # noqa: S608 - names from the models; every value is a parameter


def as_item(text, owner, due_on, done):
    """An action item as JSON gives it back (the date as text), as the ORM gives it."""
    return [text, owner, due_on and datetime.date.fromisoformat(due_on), done]


class EventRows:
    """The union for one person and mentorship, read as open_ended_page reads a queryset:
    a slice runs it for those rows only, count() counts them all. After a slice,
    action_items and goals_discussed hold its meetings' (page_sql)."""

    def __init__(self, mentorship, viewer, goal_ids, began_at):
        self.values = {
            "mentorship": mentorship.pk,
            "viewer": viewer.pk,
            # Answers the partner shared are read by the two people of the mentorship only
            # (Reassessment.objects.visible_to).
            "in_pair": viewer.pk in (mentorship.mentor_id, mentorship.mentee_id),
            "goals": list(goal_ids),
            "began": began_at,
            "zone": timezone.get_current_timezone_name(),
        }
        # The last slice's meetings' (page_sql); none before any slice.
        self.action_items, self.goals_discussed = {}, {}

    def __getitem__(self, window):
        limit = None if window.stop is None else window.stop - (window.start or 0)
        values = self.values | {"limit": limit, "offset": window.start or 0}
        rows = self._fetch(page_sql(limited=limit is not None), values)
        self.action_items = {
            row[3]: [as_item(*item) for item in row[10] or []] for row in rows if row[1] == MEETING
        }
        self.goals_discussed = {row[3]: row[11] or [] for row in rows if row[1] == MEETING}
        return [row[:10] for row in rows]

    def count(self):
        counting = f"SELECT COUNT(*) FROM ({union_sql()}) counted"  # noqa: S608 - as above
        return self._fetch(counting, self.values)[0][0]

    def _fetch(self, sql, values):
        with connection.cursor() as cursor:
            cursor.execute(sql, values)
            return cursor.fetchall()
