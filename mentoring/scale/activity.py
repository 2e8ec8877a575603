"""What pairs do together: goals (some shared with a mentorship), meetings at each pair's
rhythm with their action items, private notes and goals discussed, feedback both ways, and
the reassessments the sweeps would have prompted. Rows come out as tuples for COPY, in
the field order named by the *_FIELDS lists."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from mentoring.feedback.models import Feedback, Reassessment
from mentoring.feedback.questions import WARNING_SIGNS, scored_questions
from mentoring.feedback.reassessment import REMIND_AFTER
from mentoring.goals.models import Goal
from mentoring.meetings.models import Meeting
from mentoring.mentorships.models import Mentorship
from mentoring.scale import vocabulary as words
from mentoring.scale.draws import Weighted, business_hours, moment_between

GOAL_FIELDS = ["id", "mentee", "kind", "title", "description", "position", "status"]
GOAL_FIELDS += ["target_on", "created_at", "updated_at"]
GOAL_UPDATE_FIELDS = ["id", "goal", "author", "note", "status", "created_at"]
MEETING_FIELDS = ["id", "mentorship", "status", "starts_at", "minutes", "mode", "place"]
MEETING_FIELDS += ["agenda", "shared_notes", "created_by", "created_at", "held_at"]
ACTION_ITEM_FIELDS = ["id", "meeting", "text", "owner", "due_on", "done_at", "created_at"]
PRIVATE_NOTE_FIELDS = ["id", "meeting", "author", "text", "updated_at"]
FEEDBACK_FIELDS = ["id", "mentorship", "author", "direction", "goal", "strengths", "work_on"]
FEEDBACK_FIELDS += ["next_challenge", "what_helps", "would_help_more", "created_at"]
REASSESSMENT_FIELDS = ["id", "mentorship", "respondent", "kind", "due_on", "created_at"]
REASSESSMENT_FIELDS += ["reminded_at", "completed_at", "is_shared", "going_well", "to_improve"]
REASSESSMENT_FIELDS += ["goals_fit", "arrangement_fit", "satisfaction", "fit", "scores"]
REASSESSMENT_FIELDS += ["warning_signs"]

GOAL_KINDS = Weighted(
    {"broad": 15, "specific": 30, "medical": 20, "work_habits": 20, "personal": 15}
)
GOAL_STATUSES = Weighted(
    {
        Goal.Status.OPEN: 35,
        Goal.Status.IN_PROGRESS: 35,
        Goal.Status.ACHIEVED: 20,
        Goal.Status.SET_ASIDE: 10,
    }
)
SHARE_GOAL = 0.6
CANCELLED_SHARE = 0.04
ACTION_ITEM_SHARE = 0.4
PRIVATE_NOTE_SHARE = 0.05
DISCUSS_GOAL_SHARE = 0.3
# Satisfaction 1-5, mostly content, as in published mentoring program evaluations.
SATISFACTION = Weighted({1: 3, 2: 7, 3: 20, 4: 40, 5: 30})
DAY = datetime.timedelta(days=1)
Kind = Reassessment.Kind


@dataclass(slots=True)
class GoalPlan:
    id: int
    mentee_id: int
    created_at: datetime.datetime
    row: tuple  # GOAL_FIELDS
    shared_with: list = field(default_factory=list)  # mentorship ids


def plan_goals(rng, people, mentorships, total, ids, now):
    """`total` goals over the students, more for those who have (had) a mentor; about a
    quarter of the others set none. Returns the goals and, per mentorship, the goals
    shared with it as (goal id, created at)."""
    of_mentee = defaultdict(list)
    for m in mentorships:
        of_mentee[m.mentee.user_id].append(m)
    weights = [
        3 if s.user_id in of_mentee else (1 if rng.random() < 0.75 else 0) for s in people.students
    ]
    counts = Counter(n for n in rng.choices(range(len(weights)), weights=weights, k=total) if total)
    goals, shared = [], defaultdict(list)
    for n, count in sorted(counts.items()):
        student = people.students[n]
        for position in range(1, count + 1):
            goal = plan_goal(
                rng, ids(), student, position, of_mentee[student.user_id], people.vocabulary, now
            )
            goals.append(goal)
            for mentorship_id in goal.shared_with:
                shared[mentorship_id].append((goal.id, goal.created_at))
    return goals, shared


def plan_goal(rng, goal_id, student, position, mentorships, terms, now):
    joined = datetime.datetime.combine(student.joined_on, datetime.time(12), datetime.UTC)
    created = moment_between(rng, joined, now)
    kind = GOAL_KINDS.draw(rng)
    # Most goals are about the interest the student named first.
    interest = terms[student.interests[0] if rng.random() < 0.6 else rng.choice(student.interests)]
    title = rng.choice(words.GOAL_TITLES[kind]).format(interest=interest)
    target = created.date() + datetime.timedelta(rng.randint(60, 365))
    row = (
        goal_id,
        student.user_id,
        kind,
        title,
        student.fields["vision"][:300] if rng.random() < 0.3 else "",
        position,
        GOAL_STATUSES.draw(rng),
        target if rng.random() < 0.6 else None,
        created,
        moment_between(rng, created, now),
    )
    goal = GoalPlan(goal_id, student.user_id, created, row)
    # Shared with a mentorship that was still going when the goal was set, open ones first.
    going = [m for m in mentorships if (m.ended_at or now) >= created]
    if going and rng.random() < SHARE_GOAL:
        going.sort(key=lambda m: m.status == Mentorship.Status.CLOSED)
        goal.shared_with = [going[0].id if rng.random() < 0.7 else rng.choice(going).id]
        if len(going) > 1 and rng.random() < 0.1:
            goal.shared_with = [m.id for m in going[:2]]
    return goal


def goal_update_rows(rng, goals, ids):
    """Progress notes: one for each goal that moved, two for some in progress."""
    for goal in goals:
        status, created, updated = goal.row[6], goal.row[8], goal.row[9]
        if status == Goal.Status.OPEN:
            continue
        notes = 2 if status == Goal.Status.IN_PROGRESS and rng.random() < 0.4 else 1
        for n in range(notes):
            at = updated if n == notes - 1 else moment_between(rng, created, updated)
            yield (ids(), goal.id, goal.mentee_id, rng.choice(words.GOAL_UPDATES), status, at)


def goal_share_rows(goals, ids):
    for goal in goals:
        for mentorship_id in goal.shared_with:
            yield (ids(), goal.id, mentorship_id)


class MeetingRows:
    """Meetings of every mentorship as COPY rows, collecting on the way the rows that hang
    off them (action items, private notes, goals discussed, feedback)."""

    def __init__(self, rng, shared_goals, ids, now):
        """ids: {"meeting" | "action_item" | "private_note" | "discussed" | "feedback":
        a callable giving that table's next id}."""
        self.rng, self.shared_goals, self.ids, self.now = rng, shared_goals, ids, now
        self.action_items, self.private_notes, self.discussed, self.feedback = [], [], [], []

    def rows(self, mentorships):
        for m in mentorships:
            times = self.held_times(m)
            cancelled = self.cancelled(len(times))
            for n, starts_at in enumerate(times):
                yield self.meeting(m, starts_at, n in cancelled)
            if m.next_at:
                yield self.meeting(m, m.next_at, planned=True)

    def held_times(self, m):
        """From the first to the last contact, evenly with some jitter; both ends exact, as
        the mentorship row's last contact (written before) names the last one."""
        count, first, last = m.held_count, m.first_at, m.last_held_at
        if count == 0:
            return []
        if count == 1:
            return [last]
        step = (last - first) / (count - 1)
        times = [first]
        for n in range(1, count - 1):
            moment = first + step * (n + self.rng.uniform(-0.3, 0.3))
            slot = business_hours(self.rng, moment.date())
            times.append(min(max(slot, first), last - datetime.timedelta(hours=1)))
        return [*times, last]

    def cancelled(self, count):
        """Some meetings in between were called off; never the first or the last."""
        return {n for n in range(1, count - 1) if self.rng.random() < CANCELLED_SHARE}

    def meeting(self, m, starts_at, cancelled=False, planned=False):
        rng, meeting_id = self.rng, self.ids["meeting"]()
        status = (
            Meeting.Status.PLANNED
            if planned
            else (Meeting.Status.CANCELLED if cancelled else Meeting.Status.HELD)
        )
        mode = m.main_mode if rng.random() < 0.9 else rng.choice(Meeting.Mode.values)
        minutes = m.meeting_minutes if rng.random() < 0.85 else rng.choice([15, 30, 45, 60, 90])
        by = m.mentee if rng.random() < 0.55 else m.mentor
        created = max(starts_at - DAY * rng.uniform(0.5, 10), m.created_at or m.started_at)
        held_at = None
        if status == Meeting.Status.HELD:
            after = datetime.timedelta(minutes=minutes, hours=rng.uniform(0.2, 30))
            held_at = min(starts_at + after, self.now)
            self.after_meeting(m, meeting_id, starts_at, held_at)
        return (
            meeting_id,
            m.id,
            status,
            starts_at,
            minutes,
            mode,
            place(m, mode, meeting_id),
            rng.choice(words.AGENDAS) if rng.random() < (0.7 if planned else 0.4) else "",
            rng.choice(words.NOTES) if held_at and rng.random() < 0.75 else "",
            by.user_id,
            min(created, starts_at, self.now),  # planned before it starts, never after now
            held_at,
        )

    def after_meeting(self, m, meeting_id, starts_at, held_at):
        rng = self.rng
        if rng.random() < ACTION_ITEM_SHARE:
            for text, owner in rng.sample(words.ACTIONS, rng.randint(1, 2)):
                due = starts_at.date() + datetime.timedelta(rng.randint(5, 21))
                self.action_items.append(
                    (
                        self.ids["action_item"](),
                        meeting_id,
                        text,
                        owner,
                        due,
                        self.done_at(due),
                        held_at,
                    )
                )
        if rng.random() < PRIVATE_NOTE_SHARE:
            author = m.mentor if rng.random() < 0.7 else m.mentee
            note = rng.choice(words.PRIVATE_NOTES)
            self.private_notes.append(
                (self.ids["private_note"](), meeting_id, author.user_id, note, held_at)
            )
        goals = [g for g, created in self.shared_goals.get(m.id, ()) if created <= starts_at]
        if goals and rng.random() < DISCUSS_GOAL_SHARE:
            self.discussed.append((self.ids["discussed"](), meeting_id, rng.choice(goals)))
        self.maybe_feedback(m, held_at, goals)

    def done_at(self, due):
        """Old items are mostly done, recent ones mostly open (the sweep reminds those)."""
        today = self.now.date()
        share = 0.9 if due < today - datetime.timedelta(14) else 0.3
        if self.rng.random() >= share:
            return None
        done = business_hours(self.rng, due - datetime.timedelta(self.rng.randint(0, 5)))
        return min(done, self.now)

    def maybe_feedback(self, m, held_at, goals):
        """Feedback after about one meeting in twelve from the mentor, one in twenty from
        the mentee."""
        rng = self.rng
        at = min(held_at + datetime.timedelta(hours=rng.uniform(1, 48)), self.now)
        goal = rng.choice(goals) if goals and rng.random() < 0.4 else None
        if rng.random() < 1 / 12:
            strengths, work_on, challenge = rng.choice(words.FEEDBACK_TO_MENTEE)
            self.feedback.append(
                (self.ids["feedback"](), m.id, m.mentor.user_id, Feedback.Direction.TO_MENTEE)
                + (goal, strengths, work_on, challenge, "", "", at)
            )
        if rng.random() < 1 / 20:
            helps, more = rng.choice(words.FEEDBACK_TO_MENTOR)
            self.feedback.append(
                (self.ids["feedback"](), m.id, m.mentee.user_id, Feedback.Direction.TO_MENTOR)
                + (goal, "", "", "", helps, more, at)
            )


def place(m, mode, meeting_id):
    if mode == Meeting.Mode.IN_PERSON:
        return m.mentor.fields["location"]
    if mode == Meeting.Mode.VIDEO:
        return f"https://video.{words.EMAIL_DOMAIN}/m/{meeting_id}"
    return ""


def plan_reassessments(rng, m, now):
    """The prompts the sweeps would have made, mostly answered, and the next date due:
    a fit check after the first meeting, periodic ones counted from the last answer, and
    the closing survey."""
    today = now.date()
    if m.held_count and m.first_at + DAY <= now:
        created = m.first_at + DAY
        m.prompts.append((Kind.FIT_CHECK, m.first_at.date(), created, answer(rng, created, now)))
    end = m.ended_at.date() if m.ended_at else today
    every = datetime.timedelta(days=m.reassess_every_days)
    due = m.started_on + datetime.timedelta(days=30)
    while due <= end:
        created = datetime.datetime.combine(due, datetime.time(8), datetime.UTC)
        # Only the latest prompt may still wait for an answer; closed pairs answered all.
        is_latest = due + every > end
        left_open = is_latest and m.status != Mentorship.Status.CLOSED and rng.random() < 0.1
        completed = None if left_open else answer(rng, created, now, always=True)
        m.prompts.append((Kind.PERIODIC, due, created, completed))
        if completed is None:
            break  # no new prompt while one waits
        due = completed.date() + every
    m.reassess_on = due
    if m.status == Mentorship.Status.CLOSED:
        created = m.ended_at + datetime.timedelta(hours=1)
        m.prompts.append((Kind.CLOSING, m.ended_at.date(), created, answer(rng, created, now)))


def answer(rng, created, now, always=False):
    if not always and rng.random() < 0.3:
        return None
    return min(created + datetime.timedelta(days=rng.uniform(0.1, 10)), now)


def reassessment_rows(rng, mentorships, ids, now):
    for m in mentorships:
        for kind, due_on, created, completed in m.prompts:
            for person, is_mentor in ((m.mentor, True), (m.mentee, False)):
                yield (ids(), m.id, person.user_id, kind, due_on, created) + answers(
                    rng, created, completed, is_mentor, now
                )


def answers(rng, created, completed, is_mentor, now):
    remind = created + REMIND_AFTER
    reminded = remind if remind <= (completed or now) else None
    if completed is None:
        return (reminded, None, False, "", "", "", "", None, "", {}, [])
    signs = [rng.choice(WARNING_SIGNS)[0]] if rng.random() < 0.05 else []
    satisfaction = SATISFACTION.draw(rng)
    return (
        reminded,
        completed,
        rng.random() < 0.4,
        rng.choice(words.REASSESSMENT_WELL),
        rng.choice(words.REASSESSMENT_BETTER),
        rng.choice(["yes", "yes", "partly", "no"]),
        rng.choice(["yes", "yes", "partly"]),
        satisfaction,
        "good" if satisfaction >= 4 else ("unsure" if satisfaction == 3 else "poor"),
        {
            key: min(5, max(1, satisfaction + rng.randint(-1, 1)))
            for key, _ in scored_questions(is_mentor)
        },
        signs,
    )
