"""The timeline's union (events.event_rows) as one SQL statement written once, for PostgreSQL.

Built through the ORM on every request, the nine-branch union cost about 12 ms of Python
(ten typed columns a branch to build, resolve and compile), a third of the page and five
times what PostgreSQL takes to run it. Its text depends on nothing but the models, so it
is written here once; each request only binds its values. The goals this person may read
and the requests that led to the mentorship come in as id arrays, read through their
querysets (Goal.objects.readable_in, thread_q's requests), so those rules are used here,
not re-typed. tests/timeline/test_timeline_sql.py compares every row with the ORM union on
varied data; change both together.
"""

import functools

from django.db import connection
from django.utils import timezone

from mentoring.conversations.models import Message
from mentoring.feedback.models import Feedback, Reassessment
from mentoring.goals.models import Goal, GoalUpdate
from mentoring.lib.sql import column, table
from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import Mentorship, MentorshipEvent

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
        SELECT {c(meeting, "starts_at", "m")}, {MEETING}, -{c(meeting, "id", "m")},
               {c(meeting, "id", "m")}, {c(meeting, "status", "m")}, {c(meeting, "mode", "m")},
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
            OR {c(message, "request", "t")} = ANY(%(requests)s::bigint[])
         GROUP BY {c(message, "sender", "t")},
                  ({c(message, "created_at", "t")} AT TIME ZONE %(zone)s)::date
    """  # noqa: S608 - names from the models; every value is a parameter


class EventRows:
    """The union for one person and mentorship, read as open_ended_page reads a queryset:
    a slice runs it for those rows only, count() counts them all."""

    def __init__(self, mentorship, viewer, goal_ids, request_ids, began_at):
        self.values = {
            "mentorship": mentorship.pk,
            "viewer": viewer.pk,
            # Answers the partner shared are read by the two people of the mentorship only
            # (Reassessment.objects.visible_to).
            "in_pair": viewer.pk in (mentorship.mentor_id, mentorship.mentee_id),
            "goals": list(goal_ids),
            "requests": list(request_ids),
            "began": began_at,
            "zone": timezone.get_current_timezone_name(),
        }

    def __getitem__(self, window):
        limit = "" if window.stop is None else " LIMIT %(limit)s"
        sql = f"{union_sql()} ORDER BY 1 DESC, 2, 3, 4{limit} OFFSET %(offset)s"  # noqa: S608
        values = {**self.values, "limit": (window.stop or 0) - (window.start or 0)}
        return self._fetch(sql, values | {"offset": window.start or 0})

    def count(self):
        counting = f"SELECT COUNT(*) FROM ({union_sql()}) counted"  # noqa: S608 - as above
        return self._fetch(counting, self.values)[0][0]

    def _fetch(self, sql, values):
        with connection.cursor() as cursor:
            cursor.execute(sql, values)
            return cursor.fetchall()
