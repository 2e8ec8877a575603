"""Planning requests: the accepted one behind every mentorship, and the others (declined,
referred, withdrawn, expired, and some still waiting), under the app's own rules: one
pending request per pair, none for a pair already together, at most MAX_PENDING_REQUESTS
asks waiting per student, and pending asks only to faculty accepting with room."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.conf import settings

from mentoring.mentorships.asking import DEFAULT_DECLINE_MESSAGE
from mentoring.mentorships.models import OPEN_STATUSES, MentorshipRequest
from mentoring.scale import vocabulary as words
from mentoring.scale.draws import Weighted, moment_between
from mentoring.scale.relationships import MentorPicker, either

Kind, Status = MentorshipRequest.Kind, MentorshipRequest.Status
# Requests that did not become a mentorship, per mentorship.
OTHER_REQUESTS_PER_MENTORSHIP = 0.75
OUTCOMES = Weighted(
    {
        Status.PENDING: 28,
        Status.DECLINED: 36,
        Status.EXPIRED: 18,
        Status.WITHDRAWN: 10,
        Status.REFERRED: 8,
    }
)
ACCEPTED_KINDS = Weighted({Kind.ASK: 80, Kind.INVITE: 12, Kind.REGISTER: 8})
# The faculty member the benchmark signs in as has at least this many asks waiting.
FULL_INBOX = 8


@dataclass(slots=True)
class RequestPlan:
    id: int
    kind: str
    mentor: object  # people.Faculty
    mentee: object  # people.Student
    created_by_id: int
    status: str
    created_at: datetime.datetime
    answered_at: datetime.datetime | None = None
    message: str = ""
    preferred_mode: str = ""
    areas: tuple = ()
    since_on: datetime.date | None = None
    answer_message: str = ""
    referred_to_id: int | None = None
    referred_from_id: int | None = None
    mentorship_id: int | None = None

    @property
    def answerer_id(self):
        """Who must answer: the side that did not send it (as MentorshipRequest.answerer_id)."""
        if self.created_by_id == self.mentor.user_id:
            return self.mentee.user_id
        return self.mentor.user_id


class RequestPlanner:
    def __init__(self, rng, people, mentorships, ids, now):
        self.rng, self.people, self.ids, self.now = rng, people, ids, now
        self.picker = MentorPicker(rng, people.faculty)
        self.faculty_by_id = {f.user_id: f for f in people.faculty}
        self.terms = people.vocabulary
        self.open_pairs = {
            (m.mentor.user_id, m.mentee.user_id) for m in mentorships if m.status in OPEN_STATUSES
        }
        self.pending_pairs = set()
        self.asks_waiting = Counter()  # student id -> pending asks
        self.expiry = datetime.timedelta(days=settings.REQUEST_EXPIRY_DAYS)
        self.plans = []

    def add(self, **fields):
        plan = RequestPlan(id=self.ids(), **fields)
        self.plans.append(plan)
        return plan

    def message(self, mentee):
        return self.rng.choice(words.REQUEST_MESSAGES).format(
            interest=self.terms[self.rng.choice(mentee.interests)]
        )

    def accepted(self, mentorship):
        """The request that started this mentorship, answered the moment it began."""
        rng, mentor, mentee = self.rng, mentorship.mentor, mentorship.mentee
        kind = ACCEPTED_KINDS.draw(rng)
        started = mentorship.started_at
        fields = {"kind": kind, "mentor": mentor, "mentee": mentee, "status": Status.ACCEPTED}
        if kind == Kind.REGISTER:
            # An existing relationship recorded later; it counts from when they began.
            latest = min(mentorship.ended_at or self.now, self.now) - datetime.timedelta(hours=1)
            created = min(started + datetime.timedelta(days=rng.uniform(0, 20)), latest)
            answered = min(created + datetime.timedelta(days=rng.uniform(0.1, 3)), latest)
            fields |= {"since_on": mentorship.started_on, "created_by_id": either(rng, mentorship)}
        else:
            created = started - datetime.timedelta(days=rng.uniform(0.2, 6))
            answered = started
            sender = mentee if kind == Kind.ASK else mentor
            fields |= {"created_by_id": sender.user_id}
            fields["message"] = self.message(mentee) if kind == Kind.ASK else words.INVITE_MESSAGE
        if kind == Kind.ASK and rng.random() < 0.5:
            fields["preferred_mode"] = mentorship.main_mode
        mentorship.created_at = answered
        self.add(
            **fields,
            created_at=created,
            answered_at=answered,
            areas=tuple(mentorship.focus_areas),
            mentorship_id=mentorship.id,
        )

    def can_wait(self, mentor, mentee):
        pair = (mentor.user_id, mentee.user_id)
        return (
            mentor.is_active
            and mentor.fields["is_accepting"]
            and mentor.room > 0
            and pair not in self.open_pairs
            and pair not in self.pending_pairs
        )

    def pending_ask(self, mentor, mentee):
        self.pending_pairs.add((mentor.user_id, mentee.user_id))
        self.asks_waiting[mentee.user_id] += 1
        mentor.pending_asks += 1
        waited = datetime.timedelta(hours=self.rng.uniform(1, 24 * (self.expiry.days - 1)))
        self.add(
            kind=Kind.ASK,
            mentor=mentor,
            mentee=mentee,
            created_by_id=mentee.user_id,
            status=Status.PENDING,
            created_at=self.now - waited,
            message=self.message(mentee),
            areas=tuple(a for a in mentee.areas if a in mentor.areas)[:2],
        )

    def pending_invite(self, mentor, mentee):
        self.pending_pairs.add((mentor.user_id, mentee.user_id))
        self.add(
            kind=Kind.INVITE,
            mentor=mentor,
            mentee=mentee,
            created_by_id=mentor.user_id,
            status=Status.PENDING,
            created_at=self.now - datetime.timedelta(days=self.rng.uniform(0.1, 10)),
            message=words.INVITE_MESSAGE,
        )

    def fill_inbox(self, seekers):
        """The most sought-after faculty member with room gets a full inbox."""
        candidates = [
            f
            for f in self.people.faculty
            if f.is_active and f.fields["is_accepting"] and f.room > 0
        ] or [f for f in self.people.faculty if f.is_active]
        inbox = max(candidates, key=lambda f: (f.fields["career_stage"] != "resident", f.appeal))
        inbox.fields["is_accepting"] = True
        for mentee in seekers:
            if inbox.pending_asks >= FULL_INBOX:
                break
            if self.can_wait(inbox, mentee) and self.asks_waiting[mentee.user_id] == 0:
                self.pending_ask(inbox, mentee)
        return inbox

    def waiting(self, count, seekers):
        limit = settings.MAX_PENDING_REQUESTS
        made = tries = 0
        while made < count and tries < count * 20:
            tries += 1
            mentee = self.rng.choice(seekers)
            if self.rng.random() < 0.08:
                mentor = self.picker.sharing(mentee)
                if mentor and self.can_wait(mentor, mentee):
                    self.pending_invite(mentor, mentee)
                    made += 1
                continue
            if self.asks_waiting[mentee.user_id] >= limit:
                continue
            mentor = self.picker.sharing(mentee)
            if mentor and self.can_wait(mentor, mentee):
                self.pending_ask(mentor, mentee)
                made += 1

    def answered(self, status, mentee, created_at):
        """A request in the past that ended without a mentorship."""
        rng = self.rng
        mentor = self.picker.sharing(mentee) or rng.choice(self.people.faculty)
        kind = Kind.INVITE if status != Status.REFERRED and rng.random() < 0.1 else Kind.ASK
        sender = mentor if kind == Kind.INVITE else mentee
        after = {
            Status.DECLINED: datetime.timedelta(hours=rng.uniform(1, 120)),
            Status.EXPIRED: self.expiry,
            Status.WITHDRAWN: datetime.timedelta(days=rng.uniform(0.5, 10)),
            Status.REFERRED: datetime.timedelta(hours=rng.uniform(1, 96)),
        }[status]
        fields = {}
        if status == Status.DECLINED:
            fields["answer_message"] = DEFAULT_DECLINE_MESSAGE
        if status == Status.REFERRED:
            colleague = self.picker.sharing(mentee) or rng.choice(self.people.faculty)
            if colleague is mentor:
                colleague = rng.choice(self.people.faculty)
            fields |= {"answer_message": words.REFERRAL_NOTE, "referred_to_id": colleague.user_id}
        return self.add(
            kind=kind,
            mentor=mentor,
            mentee=mentee,
            created_by_id=sender.user_id,
            status=status,
            created_at=created_at,
            answered_at=created_at + after,
            message=self.message(mentee) if kind == Kind.ASK else words.INVITE_MESSAGE,
            **fields,
        )

    def follow_up(self, referral):
        """Half of referred students ask the colleague in one click (follow_referral)."""
        colleague = self.faculty_by_id[referral.referred_to_id]
        if colleague is referral.mentor:
            return
        status = self.rng.choice([Status.DECLINED, Status.WITHDRAWN, Status.EXPIRED])
        created = referral.answered_at + datetime.timedelta(days=self.rng.uniform(0.1, 3))
        self.add(
            kind=Kind.ASK,
            mentor=colleague,
            mentee=referral.mentee,
            created_by_id=referral.mentee.user_id,
            status=status,
            created_at=created,
            answered_at=created + datetime.timedelta(days=self.rng.uniform(0.2, 5)),
            message=referral.message,
            referred_from_id=referral.id,
            answer_message=DEFAULT_DECLINE_MESSAGE if status == Status.DECLINED else "",
        )


def plan_requests(rng, people, mentorships, ids, now):
    """Returns (request plans, the faculty member with a full inbox)."""
    planner = RequestPlanner(rng, people, mentorships, ids, now)
    for mentorship in mentorships:
        planner.accepted(mentorship)
    mentored = {m.mentee.user_id for m in mentorships if m.status in OPEN_STATUSES}
    seekers = [s for s in people.students if s.user_id not in mentored] or people.students
    inbox = planner.fill_inbox(seekers)
    others = round(len(mentorships) * OTHER_REQUESTS_PER_MENTORSHIP)
    outcomes = OUTCOMES.draws(rng, others)
    planner.waiting(outcomes.count(Status.PENDING), seekers)
    earliest = now - datetime.timedelta(days=730)
    latest = now - planner.expiry - datetime.timedelta(days=1)
    for status in outcomes:
        if status == Status.PENDING:
            continue
        mentee = rng.choice(people.students)
        start = max(
            earliest, datetime.datetime.combine(mentee.joined_on, datetime.time(), datetime.UTC)
        )
        created = moment_between(rng, start, latest)
        request_plan = planner.answered(status, mentee, created)
        if status == Status.REFERRED and rng.random() < 0.5:
            planner.follow_up(request_plan)
    return planner.plans, inbox
