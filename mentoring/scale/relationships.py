"""Planning who mentors whom, since when, and how often they have met.

Mentors are found the way students find them: through a shared interest, more often the
faculty many students ask, and only while they have room. Open mentorships (active or
paused) hold a slot, as in the app (lifecycle.start_mentorship takes one, close releases
it), so each mentor's load never passes their capacity.
"""

import bisect
import datetime
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass, field

from mentoring.demo.plan import main_mode
from mentoring.mentorships.models import Mentorship, MentorshipEvent
from mentoring.programmes.models import MD_EARLY as EARLY_STAGES
from mentoring.programmes.models import MdStage as TrainingStage
from mentoring.scale import ScaleProblem
from mentoring.scale import vocabulary as words
from mentoring.scale.draws import Weighted, at_hour, business_hours, days_between

Status = Mentorship.Status
ACTIVE_SHARE, PAUSED_SHARE = 0.62, 0.05
# Of students with an open mentorship, this share have a second one.
SECOND_MENTOR_SHARE = 0.12
QUIET_SHARE = 0.12  # of active mentorships: no contact for 1.5 times their rhythm or more
PAUSED_BEFORE_SHARE = 0.06  # of active mentorships: paused once and resumed
PLANNED_SHARE = 0.65  # of active mentorships in touch: the next meeting is in the calendar
HISTORY_DAYS = 730
# Agreed rhythms in days. A million meetings over 30,000 pairs is about 33 each: pairs
# that meet weekly or fortnightly, most of them for a year or more.
EARLY_CADENCES = [7, 7, 14, 14, 21]
LATER_CADENCES = [7, 14, 14, 21, 28]
# How much more likely a student at each stage is to have a mentor (final-year students
# are applying to residency and seek one most).
STAGE_PULL = {
    TrainingStage.PRECLINICAL: 0.8,
    TrainingStage.CLERKSHIP: 1.1,
    TrainingStage.FINAL: 1.3,
    TrainingStage.RESIDENT: 1.0,
}
CLOSE_REASONS = Weighted(
    {
        Mentorship.CloseReason.GOALS_MET: 25,
        Mentorship.CloseReason.GRADUATED: 30,
        Mentorship.CloseReason.MOVED: 10,
        Mentorship.CloseReason.NO_TIME: 20,
        Mentorship.CloseReason.NOT_A_FIT: 8,
        Mentorship.CloseReason.OTHER: 7,
    }
)


@dataclass(slots=True)
class MentorshipPlan:
    id: int
    mentor: object  # people.Faculty
    mentee: object  # people.Student
    status: str
    started_on: datetime.date
    cadence_days: int
    meeting_minutes: int
    main_mode: str
    response_hours: int
    reassess_every_days: int
    focus_areas: list
    ended_at: datetime.datetime | None = None  # paused or closed at
    created_at: datetime.datetime | None = None  # when its request was accepted
    reassess_on: datetime.date | None = None
    prompts: list = field(default_factory=list)  # (kind, due_on, created_at, completed_at)
    closed_by_id: int | None = None
    close_reason: str = ""
    closing_reflection: str = ""
    is_quiet: bool = False
    # The meeting schedule, decided here so that the row's last contact is known:
    # held meetings spread from first_at to last_held_at, and one planned at next_at.
    first_at: datetime.datetime | None = None
    last_held_at: datetime.datetime | None = None
    next_at: datetime.datetime | None = None
    held_count: int = 0  # meetings in the past, cancelled ones included
    natural_count: int = 0  # what the rhythm alone would give
    events: list = field(default_factory=list)  # (kind, by user id, at)

    @property
    def started_at(self):
        return at_hour(self.started_on, 15)

    @property
    def meeting_count(self):
        return self.held_count + (self.next_at is not None)


class MentorPicker:
    """Finds a mentor who shares one of the student's interests, favouring the faculty many
    students ask; falls back to anyone with room when the popular ones are full."""

    def __init__(self, rng, faculty):
        self.rng = rng
        by_interest = defaultdict(list)
        for person in faculty:
            for key in person.interests:
                by_interest[key].append(person)
        self.by_interest = {
            key: (people, list(itertools.accumulate(p.appeal for p in people)))
            for key, people in by_interest.items()
        }
        self.everyone = faculty
        self.with_room = [p for p in faculty if p.is_active and p.room > 0]

    def sharing(self, student):
        key = self.rng.choice(student.interests)
        if key not in self.by_interest:
            return None
        people, cum = self.by_interest[key]
        return people[bisect.bisect(cum, self.rng.random() * cum[-1])]

    def pick(self, student, taken, need_room):
        for _ in range(12):
            mentor = self.sharing(student)
            if mentor is None or not mentor.is_active or mentor.user_id in taken:
                continue
            if not need_room or mentor.room > 0:
                return mentor
        return self.anyone_with_room(taken) if need_room else self.anyone(taken)

    def anyone_with_room(self, taken):
        tries = 0
        while self.with_room and tries < 100:
            i = self.rng.randrange(len(self.with_room))
            mentor = self.with_room[i]
            if mentor.room <= 0:  # full since the list was made: drop it for good
                self.with_room[i] = self.with_room[-1]
                self.with_room.pop()
                continue
            tries += 1
            if mentor.user_id not in taken:
                return mentor
        raise ScaleProblem(
            "Not enough faculty capacity for the open mentorships asked for: "
            "add faculty or ask for fewer mentorships."
        )

    def anyone(self, taken):
        for _ in range(50):
            mentor = self.rng.choice(self.everyone)
            if mentor.user_id not in taken:
                return mentor
        raise ScaleProblem("Too few faculty for the mentorships asked for.")


def split_statuses(total):
    active = round(total * ACTIVE_SHARE)
    paused = round(total * PAUSED_SHARE)
    return active, paused, total - active - paused


def choose_mentees(rng, students, open_count):
    """Students with an open mentorship, some twice, the likeliest at the later stages."""
    if open_count > 2 * len(students):
        raise ScaleProblem(
            f"{open_count} open mentorships need at least {math.ceil(open_count / 2)} students."
        )
    distinct = round(open_count / (1 + SECOND_MENTOR_SHARE))
    distinct = min(len(students), max(math.ceil(open_count / 2), distinct))
    # Weighted sampling without replacement (Efraimidis-Spirakis keys).
    ranked = sorted(students, key=lambda s: rng.random() ** (1 / STAGE_PULL[s.stage]))
    chosen = ranked[-distinct:]
    twice = rng.sample(chosen, open_count - distinct)
    return chosen + twice


def plan_mentorships(rng, people, total, ids, now):
    """ids: a callable giving the next mentorship id."""
    today = now.date()
    active, paused, closed = split_statuses(total)
    capacity = sum(p.fields["capacity"] for p in people.faculty if p.is_active)
    if active + paused > capacity:
        raise ScaleProblem(
            f"{active + paused} open mentorships need more places than the "
            f"{capacity} that {len(people.faculty)} faculty offer: add faculty."
        )
    picker = MentorPicker(rng, people.faculty)
    mentors_of = defaultdict(set)  # student id -> mentor ids: no pair twice
    statuses = [Status.ACTIVE] * active + [Status.PAUSED] * paused
    rng.shuffle(statuses)
    plans = []
    for mentee, status in zip(
        choose_mentees(rng, people.students, len(statuses)), statuses, strict=True
    ):
        mentor = picker.pick(mentee, mentors_of[mentee.user_id], need_room=True)
        mentor.open_mentees += 1
        mentors_of[mentee.user_id].add(mentor.user_id)
        plans.append(new_mentorship(rng, ids(), mentor, mentee, status, today))
    # Past mentorships: anyone could have had one; they hold no slot now.
    veterans = [s for s in people.students if (today - s.joined_on).days >= 120]
    for mentee in rng.choices(veterans or people.students, k=closed):
        mentor = picker.pick(mentee, mentors_of[mentee.user_id], need_room=False)
        mentors_of[mentee.user_id].add(mentor.user_id)
        plans.append(new_mentorship(rng, ids(), mentor, mentee, Status.CLOSED, today))
    for plan in plans:
        plan_lifespan(rng, plan, now)
    return plans


def new_mentorship(rng, mentorship_id, mentor, mentee, status, today):
    early = mentee.stage in EARLY_STAGES
    return MentorshipPlan(
        id=mentorship_id,
        mentor=mentor,
        mentee=mentee,
        status=status,
        started_on=today,  # set by plan_lifespan
        cadence_days=rng.choice(EARLY_CADENCES if early else LATER_CADENCES),
        meeting_minutes=rng.choice([20, 30, 30, 45]) if early else rng.choice([30, 45, 60]),
        main_mode=main_mode(mentor, mentee),
        response_hours=mentor.fields["response_hours"],
        reassess_every_days=rng.choice([60, 90, 90, 120, 180]),
        focus_areas=[s for s in mentee.areas if s in mentor.areas][:2] or [mentor.areas[0]],
    )


def plan_lifespan(rng, plan, now):
    """Start, pause or close, and the window in which the pair met."""
    today = now.date()
    earliest = max(
        plan.mentee.joined_on, plan.mentor.joined_on, today - datetime.timedelta(HISTORY_DAYS)
    )
    cadence = datetime.timedelta(days=plan.cadence_days)
    # Paused and closed pairs need some history; if the student's account is newer, the
    # relationship began before it (as one recorded with "We already meet" does).
    if plan.status == Status.ACTIVE:
        # Yesterday at the latest: a start this afternoon could still be in the future.
        # The older of two draws: pairs that last are the ones still active.
        latest = today - datetime.timedelta(days=1)
        plan.started_on = min(days_between(rng, earliest, latest) for _ in range(2))
        plan.is_quiet = rng.random() < QUIET_SHARE
        gap = rng.uniform(1.6, 5) if plan.is_quiet else rng.uniform(0.1, 0.95)
        last_contact = now - gap * cadence
        if rng.random() < PAUSED_BEFORE_SHARE:
            add_pause_and_resume(rng, plan, now)
    elif plan.status == Status.PAUSED:
        latest = today - datetime.timedelta(days=60)
        plan.started_on = days_between(rng, min(earliest, latest), latest)
        plan.ended_at = business_hours(
            rng,
            days_between(
                rng, plan.started_on + datetime.timedelta(30), today - datetime.timedelta(7)
            ),
        )
        plan.events.append((MentorshipEvent.Kind.PAUSED, either(rng, plan), plan.ended_at))
        last_contact = plan.ended_at - rng.uniform(0, 1) * cadence
    else:
        latest = today - datetime.timedelta(days=45)
        plan.started_on = days_between(rng, min(earliest, latest), latest)
        lasted = rng.randint(45, 600)
        closed_on = min(plan.started_on + datetime.timedelta(lasted), today - datetime.timedelta(1))
        plan.ended_at = business_hours(rng, max(closed_on, plan.started_on))
        plan.closed_by_id = either(rng, plan)
        plan.close_reason = CLOSE_REASONS.draw(rng)
        plan.closing_reflection = rng.choice(words.CLOSING_REFLECTIONS)
        last_contact = plan.ended_at - rng.uniform(0, 1) * cadence
    plan_contact_window(rng, plan, min(last_contact, now), now)


def plan_contact_window(rng, plan, last_contact, now):
    cadence = datetime.timedelta(days=plan.cadence_days)
    first = business_hours(
        rng, plan.started_on + datetime.timedelta(rng.randint(1, min(10, plan.cadence_days)))
    )
    last = business_hours(rng, last_contact.date())
    if last > now:
        last -= datetime.timedelta(days=1)
    if last >= first:
        plan.first_at, plan.last_held_at = first, last
        plan.natural_count = 1 + int((last - first) / cadence)
    if plan.status == Status.ACTIVE and not plan.is_quiet and rng.random() < PLANNED_SHARE:
        # Within one rhythm from now: some tomorrow, so the meeting reminders have work.
        plan.next_at = business_hours(rng, (now + rng.uniform(0.05, 1) * cadence).date())
        if plan.next_at <= now:
            plan.next_at += datetime.timedelta(days=1)


def add_pause_and_resume(rng, plan, now):
    start = plan.started_at + datetime.timedelta(days=20)
    if start >= now - datetime.timedelta(days=30):
        return
    paused = start + (now - datetime.timedelta(days=30) - start) * rng.random()
    resumed = paused + datetime.timedelta(days=rng.randint(7, 28))
    plan.events += [
        (MentorshipEvent.Kind.PAUSED, either(rng, plan), paused),
        (MentorshipEvent.Kind.RESUMED, either(rng, plan), resumed),
    ]


def either(rng, plan):
    return plan.mentor.user_id if rng.random() < 0.5 else plan.mentee.user_id


def allocate_meetings(rng, plans, total):
    """Give each mentorship its share of `total` meetings: the planned next meetings, then
    the rest in proportion to what each pair's rhythm and age would give (largest
    remainders), so the requested count is met exactly whatever the sizes."""
    planned = [p for p in plans if p.next_at is not None]
    if len(planned) > total // 10:  # keep future meetings a small share of all
        for p in rng.sample(planned, len(planned) - total // 10):
            p.next_at = None
        planned = [p for p in plans if p.next_at is not None]
    past = total - len(planned)
    natural = sum(p.natural_count for p in plans)
    if natural == 0:
        if past:
            raise ScaleProblem(f"{total} meetings need mentorships that have begun to meet.")
        return
    shares = [(p, p.natural_count * past / natural) for p in plans]
    for p, share in shares:
        p.held_count = int(share)
    left = past - sum(p.held_count for p in plans)
    by_remainder = sorted(shares, key=lambda ps: ps[1] - int(ps[1]), reverse=True)
    for p, _ in by_remainder[:left]:
        p.held_count += 1
    for p in plans:
        if p.held_count == 0:
            p.first_at = p.last_held_at = None
        elif p.held_count == 1:
            p.first_at = p.last_held_at
