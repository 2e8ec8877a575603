"""Demo meetings, action items and goals for the seeded mentorships, so that timelines,
calendars and reminders have something to show. Idempotent: mentorships that already
have meetings, and mentees who already have goals, are left as they are."""

import datetime
import random

from django.utils import timezone

from mentoring.demo.school import DEMO_STUDENT_EMAIL
from mentoring.goals.models import Goal
from mentoring.meetings.contact import refresh_contact
from mentoring.meetings.models import ActionItem, Meeting
from mentoring.mentorships import asking
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.profiles.models import MenteeProfile, MentorProfile

NOTES = [
    "Talked through the research question and who else in the department works on it.",
    "Reviewed the draft abstract; the methods paragraph needs one more pass.",
    "Discussed how to balance Step 1 study with the clerkship schedule.",
    "Went over residency timelines and which electives to do first.",
    "Practised presenting a new patient; clearer assessment this time.",
    "Talked about sleep and exercise during the surgery rotation.",
]
ACTIONS = [
    ("Send the revised abstract", "mentee"),
    ("Introduce to the research coordinator", "mentor"),
    ("Draft a one-page study plan", "mentee"),
    ("Share two example personal statements", "mentor"),
    ("Shadow a clinic session", "mentee"),
]
GOALS = [
    (Goal.Kind.BROAD, "Become a thoughtful, skilled physician"),
    (Goal.Kind.SPECIFIC, "Pass Step 1 on the first attempt"),
    (Goal.Kind.MEDICAL, "Present new patients clearly and briefly"),
    (Goal.Kind.WORK_HABITS, "Plan each week on Sunday evening"),
    (Goal.Kind.PERSONAL, "Keep running three times a week"),
]


def add_tracking(seed=2026):
    rng = random.Random(seed)
    now = timezone.now()
    mentorships = list(
        Mentorship.objects.active()
        .filter(meetings__isnull=True)
        .select_related("mentor", "mentee")
        .order_by("pk")
    )
    items = []
    for m in mentorships:
        held = _held_meetings(rng, m, now)
        for meeting in held[-1:]:
            for text, owner in rng.sample(ACTIONS, rng.randint(0, 2)):
                due = (meeting.starts_at + datetime.timedelta(days=rng.randint(5, 20))).date()
                items.append(ActionItem(meeting=meeting, text=text, owner=owner, due_on=due))
        if rng.random() < 0.5:
            Meeting.objects.create(
                mentorship=m,
                starts_at=(now + datetime.timedelta(days=rng.randint(1, 10))).replace(
                    hour=15, minute=0, second=0, microsecond=0
                ),
                minutes=m.meeting_minutes,
                mode=m.main_mode,
                created_by=m.mentee,
            )
        refresh_contact(m.pk)
    ActionItem.objects.bulk_create(items)
    goals = _goals(rng)
    _requests(rng)
    return {"meetings": Meeting.objects.count(), "goals": goals}


def _requests(rng):
    """A few students without a mentor have asked: some wait, some were declined kindly.
    The demo student is left alone, to ask for the first time."""
    if MentorshipRequest.objects.exists():
        return
    mentors = list(MentorProfile.objects.with_room().select_related("user").order_by("pk"))
    waiting = list(
        MenteeProfile.objects.filter(user__mentorships_as_mentee__isnull=True)
        .exclude(user__email=DEMO_STUDENT_EMAIL)
        .select_related("user")
        .order_by("pk")[:12]
    )
    for n, profile in enumerate(waiting):
        mentor = rng.choice(mentors).user
        try:
            request_obj = asking.ask(
                profile.user, mentor, message="I would value your advice on my next steps."
            )
        except asking.RequestProblem:
            continue
        if n % 3 == 0:
            asking.decline(request_obj, mentor)


def _held_meetings(rng, mentorship, now):
    """Held meetings at the agreed rhythm, ending at the seeded last contact."""
    last = mentorship.last_contact_at
    if last is None:
        return []
    start = timezone.make_aware(datetime.datetime.combine(mentorship.started_on, datetime.time(9)))
    moments, moment = [], last
    while moment >= start and len(moments) < 4:
        moments.append(moment)
        moment -= datetime.timedelta(days=mentorship.cadence_days)
    return Meeting.objects.bulk_create(
        Meeting(
            mentorship=mentorship,
            starts_at=at,
            minutes=mentorship.meeting_minutes,
            mode=mentorship.main_mode,
            status=Meeting.Status.HELD,
            held_at=at,
            shared_notes=rng.choice(NOTES),
            created_by=mentorship.mentor,
        )
        for at in reversed(moments)
    )


def _goals(rng):
    created = 0
    open_by_mentee = {}
    for m in Mentorship.objects.active().order_by("pk"):
        open_by_mentee.setdefault(m.mentee_id, []).append(m)
    have_goals = set(Goal.objects.values_list("mentee_id", flat=True))
    for mentee_id, mentorships in open_by_mentee.items():
        if mentee_id in have_goals:
            continue
        for position, (kind, title) in enumerate(rng.sample(GOALS, rng.randint(1, 3)), 1):
            goal = Goal.objects.create(
                mentee_id=mentee_id, kind=kind, title=title, position=position
            )
            # Most goals are shared with one mentor; a few stay private.
            if rng.random() < 0.75:
                goal.shared_with.add(rng.choice(mentorships))
            created += 1
    return created
