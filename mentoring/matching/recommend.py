"""Rank mentors for one mentee, with the reasons in words. Pure: no database here.

The caller loads the mentee's facts and a small set of candidates (candidates.py, whose
SQL estimate is generated from the weights below, the only copy; a new kind of rule needs
its term there, which test_estimate_is_the_score_but_for_the_identity_bonus demands) and
passes plain dataclasses in, so the ranking rules can be tested on their own.
Load matters as much as fit: a mentor with room and few pending requests ranks above an
equally good one who is nearly full, so that requests spread across faculty instead of
piling onto the same few. A mentor who has not confirmed their availability when asked
(mentorships/availability.py) ranks below every mentor who has: a request to someone who
may have moved on is the one most likely to wait unanswered.
"""

from dataclasses import dataclass, field

from mentoring.profiles.models import normalise_term

# How much each kind of fit counts. Shared interests and sought areas lead.
PER_SHARED_INTEREST = 3.0
MAX_COUNTED_INTERESTS = 5
PER_MATCHED_AREA = 2.5
PER_STAGE_FITTING_AREA = 1.0
MAX_COUNTED_FITTING_AREAS = 2
CAREER_STAGE_FIT = 0.5
SHARED_MODE = 1.0
NO_SHARED_MODE = -1.5
SAME_TIME_ZONE = 0.5
ROOM_WEIGHT = 2.0
PER_PENDING_REQUEST = -0.75
MAX_PENDING_PENALTY = -3.0
SHARED_IDENTITY = 1.5
SHOWN = 10
MOST_FROM_FITTING_AREAS = PER_STAGE_FITTING_AREA * MAX_COUNTED_FITTING_AREAS


@dataclass(frozen=True)
class MenteeFacts:
    interests: frozenset  # interest names
    areas: frozenset  # area names sought
    is_early: bool | None  # None: the mentee has not said their stage, so it counts for nothing
    modes: frozenset  # mode labels preferred (empty: not said, so it counts for nothing)
    time_zone: str = ""
    gender: str = ""
    background: str = ""
    prefers_shared_gender: bool = False
    prefers_shared_background: bool = False


@dataclass(frozen=True)
class Candidate:
    mentor_id: int
    name: str
    subtitle: str = ""  # title and department, for display only
    shared_interests: tuple = ()
    areas: tuple = ()  # (name, stage_fit) pairs offered
    career_stage: str = "mid"
    modes: frozenset = frozenset()
    time_zone: str = ""
    capacity: int = 1
    active_mentees: int = 0
    pending_requests: int = 0
    is_accepting: bool = True
    response_hours: int = 24
    gender: str = ""
    background: str = ""
    availability_unconfirmed: bool = False

    @property
    def room_left(self):
        return max(self.capacity - self.active_mentees, 0)


@dataclass
class Recommendation:
    candidate: Candidate
    score: float
    reasons: list = field(default_factory=list)


def has_room(candidate):
    return candidate.is_accepting and candidate.room_left > 0


def _shares(a, b):
    return bool(a.strip()) and normalise_term(a) == normalise_term(b)


def wanted_stage_fit(mentee):
    """The Area.stage_fit that helps this mentee most; None when their stage is not said."""
    if mentee.is_early is None:
        return None
    return "early" if mentee.is_early else "advanced"


def fitting_career_stages(mentee):
    # Residents and junior faculty are close to a beginner's experience; late-career
    # faculty have the influence to sponsor an advanced learner. No stage said: none.
    if mentee.is_early is None:
        return ()
    return ("resident", "junior") if mentee.is_early else ("late",)


def most_from_fitting_areas(mentee):
    """The most areas fitting the mentee's stage can add (nothing when it is not said)."""
    return 0.0 if mentee.is_early is None else MOST_FROM_FITTING_AREAS


def identity_bonus_at_most(mentee):
    """The most the shared-identity bonus can add for this mentee: candidates.py ranks in
    SQL without it, so it must know how far a candidate can still climb."""
    wanted = [
        mentee.prefers_shared_gender and mentee.gender.strip(),
        mentee.prefers_shared_background and mentee.background.strip(),
    ]
    return SHARED_IDENTITY * sum(1 for w in wanted if w)


def most_from_areas(mentee):
    """The most a mentor's areas can add for this mentee: every area sought offered, and
    as many areas fitting their stage as count. candidates.py bounds scores with it."""
    return PER_MATCHED_AREA * len(mentee.areas) + most_from_fitting_areas(mentee)


def ceiling_without_shared_interests(mentee):
    """The most a mentor sharing none of the mentee's interests can score: every other rule
    at its best at once. candidates.py leaves such mentors out when enough others beat it."""
    fit = wanted_stage_fit(mentee)
    best = Candidate(
        mentor_id=0,
        name="",
        areas=tuple((name, fit) for name in mentee.areas)
        + (("", fit),) * MAX_COUNTED_FITTING_AREAS,
        career_stage=(fitting_career_stages(mentee) or ("",))[0],
        modes=mentee.modes,
        time_zone=mentee.time_zone,
        capacity=1,
        gender=mentee.gender,
        background=mentee.background,
    )
    return score(mentee, best)[0]


def lowest_score(mentee):
    """The least any mentor can score for this mentee: meeting none of the ways they
    prefer, no room, as many pending requests as count."""
    return (NO_SHARED_MODE if mentee.modes else 0.0) + MAX_PENDING_PENALTY


def highest_score(mentee):
    """The most any mentor can score for this mentee: every interest shared (as many as
    count) and every other rule at its best."""
    shared = PER_SHARED_INTEREST * min(len(mentee.interests), MAX_COUNTED_INTERESTS)
    return shared + ceiling_without_shared_interests(mentee)


def unconfirmed_availability_penalty(mentee):
    """What "availability not confirmed" takes off: one point more than any two scores for
    this mentee can differ, so that such a mentor ranks below every confirmed one and the
    rest of the ranking holds among them. candidates.py uses it in SQL as it is."""
    return lowest_score(mentee) - highest_score(mentee) - 1.0


def score(mentee, candidate):
    """The candidate's score for this mentee and the reasons, in the order they matter."""
    points, reasons = 0.0, []

    shared = sorted(candidate.shared_interests, key=str.casefold)
    if shared:
        points += PER_SHARED_INTEREST * min(len(shared), MAX_COUNTED_INTERESTS)
        noun = "interest" if len(shared) == 1 else "interests"
        reasons.append(f"shares {len(shared)} {noun}: {', '.join(shared)}")

    offered = [name for name, _ in candidate.areas if name in mentee.areas]
    if offered:
        points += PER_MATCHED_AREA * len(offered)
        reasons.append(f"offers {', '.join(offered)}")

    wanted_fit = wanted_stage_fit(mentee)
    fitting = [name for name, fit in candidate.areas if wanted_fit and fit == wanted_fit]
    if fitting:
        points += PER_STAGE_FITTING_AREA * min(len(fitting), MAX_COUNTED_FITTING_AREAS)
        if not offered:
            stage = "early in training" if mentee.is_early else "later in training"
            reasons.append(f"offers {', '.join(fitting[:2])}, which helps most {stage}")
    if candidate.career_stage in fitting_career_stages(mentee):
        points += CAREER_STAGE_FIT

    common_modes = sorted(mentee.modes & candidate.modes)
    if mentee.modes and common_modes:
        points += SHARED_MODE
        reasons.append(f"meets the way you prefer: {', '.join(m.lower() for m in common_modes)}")
    elif mentee.modes:
        points += NO_SHARED_MODE

    if mentee.time_zone and candidate.time_zone == mentee.time_zone:
        points += SAME_TIME_ZONE

    if candidate.capacity:
        points += ROOM_WEIGHT * candidate.room_left / candidate.capacity
    points += max(PER_PENDING_REQUEST * candidate.pending_requests, MAX_PENDING_PENALTY)
    reasons.append(f"answers within {candidate.response_hours} hours")

    # Ranked on, never named: the mentor's self-description is theirs alone (DESIGN.md).
    if mentee.prefers_shared_gender and _shares(mentee.gender, candidate.gender):
        points += SHARED_IDENTITY
    if mentee.prefers_shared_background and _shares(mentee.background, candidate.background):
        points += SHARED_IDENTITY

    if candidate.availability_unconfirmed:
        points += unconfirmed_availability_penalty(mentee)
        reasons.append("availability not confirmed lately, so an answer may take longer")

    return points, reasons


def rank(mentee, candidates, limit=SHOWN):
    """The best `limit` mentors with room, best first; ties broken by name for a stable order."""
    scored = []
    for candidate in candidates:
        if not has_room(candidate):
            continue
        points, reasons = score(mentee, candidate)
        scored.append(Recommendation(candidate, round(points, 3), reasons))
    scored.sort(key=lambda r: (-r.score, r.candidate.name, r.candidate.mentor_id))
    return scored[:limit]
