"""The timeline's union written as SQL (mentoring/timeline/event_sql.py) gives the rows the ORM
union (events.event_rows) gives, in the same order, for every person who may read it."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.utils import timezone

from mentoring.conversations.models import Message
from mentoring.goals.models import Goal, GoalUpdate
from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import MentorshipEvent, MentorshipRequest
from mentoring.timeline.event_sql import MEETING, EventRows
from mentoring.timeline.events import (
    _action_items,
    _goals_discussed,
    began_at,
    event_rows,
    readable_goals,
)
from tests.conversations.helpers import write
from tests.factories import make_goal, make_mentee, make_mentor, make_mentorship, make_user
from tests.timeline.helpers import ago, make_feedback, make_reassessment

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQL written for PostgreSQL"),
]


def both(mentorship, viewer):
    """The rows by SQL and by the ORM, each to be sliced."""
    ids = list(readable_goals(mentorship, viewer).values_list("pk", flat=True))
    by_sql = EventRows(mentorship, viewer, ids, began_at(mentorship))
    by_orm = event_rows(mentorship, viewer, Goal.objects.filter(pk__in=ids))
    return by_sql, by_orm


def a_busy_mentorship():
    """Every source, ties at one instant, messages either side of midnight in Sydney, a
    request thread that led to it, shared and private answers, a goal taken back."""
    mentor, mentee = make_mentor(capacity=5), make_mentee()
    mentorship = make_mentorship(
        mentor, mentee, started_on=timezone.localdate() - datetime.timedelta(days=90)
    )
    moment = ago(days=5)
    shared = make_goal(mentee, "Match into psychiatry", shared_with=[mentorship], created_at=moment)
    private = make_goal(mentee, "Private plan", created_at=moment)
    for status in ("in_progress", "achieved"):
        GoalUpdate.objects.create(goal=shared, author=mentee, status=status, created_at=moment)
    GoalUpdate.objects.create(goal=private, author=mentee, status="in_progress", note="secret")
    Meeting.objects.bulk_create(
        Meeting(mentorship=mentorship, starts_at=at, status=status, minutes=30 + n)
        for n, (at, status) in enumerate(
            [(moment, "held"), (moment, "held"), (ago(days=40), "cancelled"), (ago(2), "planned")]
        )
    )
    make_feedback(mentorship, created_at=moment, goal=shared)
    make_feedback(mentorship, to_mentee=False, created_at=ago(days=3), goal=private)
    make_reassessment(mentorship, mentor, completed_at=moment, is_shared=True, satisfaction=4)
    make_reassessment(mentorship, mentee, completed_at=ago(days=6), satisfaction=2)
    make_reassessment(mentorship, mentee, completed_at=None, due_days_ago=30)
    MentorshipEvent.objects.create(mentorship=mentorship, kind="paused", at=moment, summary="Exams")
    request = MentorshipRequest.objects.create(mentor=mentor, mentee=mentee, created_by=mentee)
    request_message = write(request, mentee, text="Before the answer")
    Message.objects.filter(pk=request_message.pk).update(created_at=ago(days=95))
    MentorshipRequest.objects.filter(pk=request.pk).update(status="accepted", mentorship=mentorship)
    sydney = zoneinfo.ZoneInfo("Australia/Sydney")
    for n, (subject, sender, at) in enumerate(
        [
            (mentorship, mentee, datetime.datetime(2026, 3, 2, 23, 30, tzinfo=sydney)),
            (mentorship, mentee, datetime.datetime(2026, 3, 3, 0, 30, tzinfo=sydney)),
            (mentorship, mentor, datetime.datetime(2026, 3, 3, 1, 0, tzinfo=sydney)),
            (mentorship, mentee, moment),
        ]
    ):
        message = write(subject, sender, text=f"Message {n}")
        Message.objects.filter(pk=message.pk).update(created_at=at)
    # Someone else's story, which must not leak into this one.
    other = make_mentorship(make_mentor(), make_mentee())
    write(other, other.mentee, text="Elsewhere")
    make_feedback(other, created_at=moment)
    return mentorship


@pytest.mark.parametrize("zone", ["UTC", "Australia/Sydney", "America/New_York"])
def test_every_row_and_its_order_match_the_orm_for_each_reader(zone):
    mentorship = a_busy_mentorship()
    readers = [mentorship.mentor, mentorship.mentee, make_user()]  # the last: neither of them
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        for viewer in readers:
            by_sql, by_orm = both(mentorship, viewer)
            rows = by_sql[0:100]
            assert rows == list(by_orm[0:100])
            assert len(rows) > 10
            assert by_sql.count() == by_orm.count() == len(rows)
            # Any window is the same window.
            assert by_sql[3:9] == list(by_orm[3:9])
            assert by_sql[len(rows) - 2 : len(rows) + 5] == list(by_orm[len(rows) - 2 :])


def test_a_closed_mentorship_and_an_empty_one_match_the_orm():
    mentorship = a_busy_mentorship()
    mentorship.status, mentorship.closed_at = "closed", ago(days=1)
    mentorship.close_reason = mentorship.CloseReason.choices[0][0]
    mentorship.save()
    empty = make_mentorship(make_mentor(), make_mentee())
    for subject in (mentorship, empty):
        by_sql, by_orm = both(subject, subject.mentee)
        assert by_sql[0:100] == list(by_orm[0:100])
    assert both(empty, empty.mentor)[0].count() == 1  # "Mentorship began"


def test_private_things_stay_out_of_the_rows():
    mentorship = a_busy_mentorship()
    by_sql, _ = both(mentorship, mentorship.mentor)
    words = {value for row in by_sql[0:100] for value in row if isinstance(value, str)}
    assert "Match into psychiatry" in words
    assert "Private plan" not in words and "secret" not in words


def test_each_meetings_items_and_goals_discussed_match_the_orm():
    mentorship = a_busy_mentorship()
    mentee = mentorship.mentee
    shared = Goal.objects.get(title="Match into psychiatry")
    private = Goal.objects.get(title="Private plan")
    second = make_goal(mentee, "Publish a case report", shared_with=[mentorship])
    meetings = list(Meeting.objects.filter(mentorship=mentorship).order_by("pk"))
    today = timezone.localdate()
    for meeting, goals, items in [
        (meetings[0], [second, shared, private], [("Read the paper", "mentee", 3, True)]),
        (meetings[1], [private], [("Ask the dean", "mentor", None, False)]),
        (meetings[2], [], [("B", "mentee", 1, False), ("A", "mentor", 1, False)]),
        (meetings[3], [shared], []),
    ]:
        meeting.goals_discussed.set(goals)
        for text, owner, due_in, done in items:
            meeting.action_items.create(
                text=text,
                owner=owner,
                due_on=None if due_in is None else today + datetime.timedelta(days=due_in),
                done_at=ago(days=1) if done else None,
            )
    for viewer in (mentorship.mentor, mentee, make_user()):
        ids = list(readable_goals(mentorship, viewer).values_list("pk", flat=True))
        by_sql, _ = both(mentorship, viewer)
        for window in (slice(0, 100), slice(2, 6)):
            rows = by_sql[window]
            on_page = [row[3] for row in rows if row[1] == MEETING]
            items = _action_items(on_page)
            titles = _goals_discussed(Goal.objects.filter(pk__in=ids), on_page)
            assert by_sql.action_items == {meeting: items[meeting] for meeting in on_page}
            assert by_sql.goals_discussed == {meeting: titles[meeting] for meeting in on_page}
    # As the mentee sees them: the shared goals in their order, never the private one.
    by_sql, _ = both(mentorship, mentee)
    by_sql[0:100]
    assert by_sql.goals_discussed[meetings[0].pk] == [
        "Match into psychiatry",
        "Publish a case report",
    ]
    assert by_sql.goals_discussed[meetings[1].pk] == []
    assert [item[0] for item in by_sql.action_items[meetings[2].pk]] == ["B", "A"]
