"""One mentorship's story in time order: meetings, goal changes, feedback, agreement changes.

A fixed number of queries whatever the length of the story (one per kind of event); the
events are merged and paginated in Python, since one relationship has hundreds at most.
Every goal named here, wherever it appears, comes through readable_goals().
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils import timezone

from mentoring.feedback.models import Feedback, Reassessment
from mentoring.goals.models import Goal, GoalUpdate
from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import MentorshipEvent


@dataclass
class Event:
    at: datetime.datetime
    kind: str
    title: str
    detail: str = ""
    url: str = ""
    items: list = field(default_factory=list)


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def readable_goals(mentorship, viewer):
    return Goal.objects.readable_in(mentorship, viewer)


def meeting_events(mentorship, viewer):
    meetings = (
        Meeting.objects.filter(mentorship=mentorship)
        .prefetch_related(
            "action_items",
            Prefetch("goals_discussed", queryset=readable_goals(mentorship, viewer)),
        )
        .order_by("-starts_at")
    )
    for meeting in meetings:
        titles = [goal.title for goal in meeting.goals_discussed.all()]
        yield Event(
            at=meeting.starts_at,
            kind="meeting",
            title=f"Meeting {meeting.get_status_display().lower()}: "
            f"{meeting.get_mode_display().lower()}, {meeting.minutes} minutes",
            detail=("Goals discussed: " + ", ".join(titles)) if titles else "",
            url=reverse("meetings:detail", args=[meeting.pk]),
            items=list(meeting.action_items.all()),
        )


def goal_events(mentorship, viewer):
    shared = readable_goals(mentorship, viewer)
    for goal in shared:
        yield Event(
            at=goal.created_at, kind="goal", title=f"Goal set: {goal.title}", detail=goal.short_kind
        )
    updates = GoalUpdate.objects.filter(goal__in=shared).select_related("goal")
    for update in updates:
        yield Event(
            at=update.created_at,
            kind="goal",
            title=f"Goal {update.get_status_display().lower()}: {update.goal.title}",
            detail=update.note,
        )


def feedback_events(mentorship, viewer):
    readable = readable_goals(mentorship, viewer).filter(pk=OuterRef("goal_id"))
    entries = (
        Feedback.objects.filter(mentorship=mentorship)
        .select_related("author", "goal")
        .annotate(goal_is_readable=Exists(readable))
    )
    for entry in entries:
        about = f" about “{entry.goal.title}”" if entry.goal_is_readable else ""
        yield Event(
            at=entry.created_at,
            kind="feedback",
            title=f"Feedback from {entry.author}{about}",
            url=reverse("feedback:list", args=[mentorship.pk]),
        )


def relationship_events(mentorship, viewer):
    yield Event(at=_start_of(mentorship.started_on), kind="mentorship", title="Mentorship began")
    for event in MentorshipEvent.objects.filter(mentorship=mentorship):
        title = event.get_kind_display()
        yield Event(
            at=event.at,
            kind="mentorship",
            title=f"{title}: {event.summary}" if event.summary else title,
        )
    if mentorship.closed_at:
        yield Event(
            at=mentorship.closed_at,
            kind="mentorship",
            title=f"Closed: {mentorship.get_close_reason_display()}",
        )


def reassessment_events(mentorship, viewer):
    """Completed reassessments this person may read: their own, and shared ones."""
    answered = (
        Reassessment.objects.visible_to(viewer)
        .filter(mentorship=mentorship, completed_at__isnull=False)
        .select_related("respondent")
    )
    for prompt in answered:
        who = "You" if prompt.respondent_id == viewer.pk else str(prompt.respondent)
        satisfaction = f", satisfaction {prompt.satisfaction} of 5" if prompt.satisfaction else ""
        yield Event(
            at=prompt.completed_at,
            kind="reassessment",
            title=f"{prompt.get_kind_display()} answered by {who}{satisfaction}",
            url=reverse("feedback:reassessment", args=[prompt.pk]),
        )


# Each takes the mentorship and the person looking, and yields only what that person may see.
SOURCES = [
    meeting_events,
    goal_events,
    feedback_events,
    relationship_events,
    reassessment_events,
]


def timeline(mentorship, viewer):
    """Every event this person may see, newest first."""
    events = [event for source in SOURCES for event in source(mentorship, viewer)]
    return sorted(events, key=lambda e: e.at, reverse=True)
