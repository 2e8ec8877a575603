"""The ranking rules, on plain data: no database."""

from dataclasses import replace

from mentoring.matching import recommend
from mentoring.matching.recommend import Candidate, MenteeFacts, rank, score

MENTEE = MenteeFacts(
    interests=frozenset({"addiction psychiatry", "pharmacology", "research"}),
    areas=frozenset({"Research", "Residency applications"}),
    is_early=False,
    modes=frozenset({"Video"}),
    time_zone="America/Chicago",
)
BASE = Candidate(
    mentor_id=1,
    name="Dr. Base",
    shared_interests=("pharmacology",),
    areas=(("Research", "any"),),
    modes=frozenset({"Video"}),
    time_zone="America/Chicago",
    capacity=4,
    active_mentees=1,
)


def names(recommendations):
    return [r.candidate.name for r in recommendations]


def test_more_shared_interests_never_ranks_lower():
    fewer = replace(BASE, mentor_id=1, name="A Fewer")
    more = replace(BASE, mentor_id=2, name="B More", shared_interests=("pharmacology", "research"))
    assert names(rank(MENTEE, [fewer, more])) == ["B More", "A Fewer"]
    for n in range(0, 3):
        interests = tuple(sorted(MENTEE.interests))
        lower = replace(BASE, shared_interests=interests[:n])
        higher = replace(BASE, shared_interests=interests[: n + 1])
        assert score(MENTEE, higher)[0] >= score(MENTEE, lower)[0]


def test_full_or_closed_mentors_never_appear():
    full = replace(BASE, mentor_id=2, name="Full", capacity=2, active_mentees=2)
    closed = replace(BASE, mentor_id=3, name="Closed", is_accepting=False)
    zero = replace(BASE, mentor_id=4, name="No capacity", capacity=0, active_mentees=0)
    assert names(rank(MENTEE, [full, closed, zero, BASE])) == ["Dr. Base"]


def test_load_aware_room_and_pending_requests_spread_requests():
    roomy = replace(BASE, mentor_id=1, name="Roomy", capacity=4, active_mentees=0)
    busy = replace(BASE, mentor_id=2, name="Busy", capacity=4, active_mentees=3)
    assert names(rank(MENTEE, [busy, roomy])) == ["Roomy", "Busy"]
    asked = replace(BASE, mentor_id=3, name="Asked a lot", pending_requests=4)
    quiet = replace(BASE, mentor_id=4, name="Not asked")
    assert names(rank(MENTEE, [asked, quiet])) == ["Not asked", "Asked a lot"]


def test_fit_still_beats_room():
    fit = replace(
        BASE,
        mentor_id=1,
        name="Good fit",
        shared_interests=("pharmacology", "research"),
        capacity=4,
        active_mentees=3,
    )
    empty = replace(
        BASE,
        mentor_id=2,
        name="Room only",
        shared_interests=(),
        areas=(),
        capacity=4,
        active_mentees=0,
    )
    assert names(rank(MENTEE, [empty, fit])) == ["Good fit", "Room only"]


def test_sought_areas_and_stage_fit_count():
    offers = replace(
        BASE,
        mentor_id=2,
        name="Offers applications",
        areas=(("Residency applications", "advanced"),),
    )
    assert names(rank(MENTEE, [BASE, offers]))[0] == "Offers applications"
    early = replace(MENTEE, areas=frozenset(), is_early=True)
    skills = replace(BASE, mentor_id=3, name="Skills", areas=(("Clinical skills", "early"),))
    career = replace(BASE, mentor_id=4, name="Career", areas=(("Career planning", "advanced"),))
    assert names(rank(early, [career, skills])) == ["Skills", "Career"]
    assert names(rank(replace(early, is_early=False), [skills, career])) == ["Career", "Skills"]


def test_shared_mode_counts():
    phone_only = replace(BASE, mentor_id=2, name="Phone only", modes=frozenset({"Phone"}))
    assert names(rank(MENTEE, [phone_only, BASE])) == ["Dr. Base", "Phone only"]


def test_reasons_in_words():
    candidate = replace(
        BASE,
        shared_interests=("research", "addiction psychiatry", "pharmacology"),
        areas=(("Residency applications", "advanced"),),
        response_hours=24,
    )
    [recommendation] = rank(MENTEE, [candidate])
    assert recommendation.reasons == [
        "shares 3 interests: addiction psychiatry, pharmacology, research",
        "offers Residency applications",
        "meets the way you prefer: video",
        "answers within 24 hours",
    ]


def test_shared_identity_ranks_but_is_never_named():
    wants = replace(MENTEE, gender="Woman", prefers_shared_gender=True)
    same = replace(BASE, mentor_id=2, name="Z Same", gender="woman ")
    other = replace(BASE, mentor_id=3, name="A Other", gender="man")
    ranked = rank(wants, [other, same])
    assert names(ranked) == ["Z Same", "A Other"]
    assert not any("woman" in reason.lower() for r in ranked for reason in r.reasons)
    # Without the preference, the same facts change nothing.
    assert names(rank(replace(wants, prefers_shared_gender=False), [other, same])) == [
        "A Other",
        "Z Same",
    ]


def test_limit_and_stable_order():
    many = [replace(BASE, mentor_id=i, name=f"Mentor {i:02d}") for i in range(30)]
    ranked = rank(MENTEE, many, limit=10)
    assert names(ranked) == [f"Mentor {i:02d}" for i in range(10)]


def test_a_mentor_whose_availability_is_not_confirmed_ranks_below_every_confirmed_one():
    wants = replace(
        MENTEE,
        gender="woman",
        background="rural",
        prefers_shared_gender=True,
        prefers_shared_background=True,
        is_early=True,
    )
    best = replace(
        BASE,
        mentor_id=1,
        name="A Best But Silent",
        shared_interests=tuple(sorted(MENTEE.interests)),
        areas=(("Research", "early"), ("Residency applications", "early")),
        career_stage="junior",
        capacity=5,
        active_mentees=0,
        gender="Woman",
        background="Rural",
        availability_unconfirmed=True,
    )
    worst = replace(
        BASE,
        mentor_id=2,
        name="Z Worst Confirmed",
        shared_interests=(),
        areas=(),
        modes=frozenset({"Phone"}),
        time_zone="Europe/Paris",
        capacity=30,
        active_mentees=29,
        pending_requests=12,
    )
    ranked = rank(wants, [best, worst])
    assert names(ranked) == ["Z Worst Confirmed", "A Best But Silent"]
    assert ranked[1].reasons[-1] == (
        "availability not confirmed lately, so an answer may take longer"
    )
    # Among the unconfirmed, the usual order holds.
    second = replace(best, mentor_id=3, name="B Less Fit", shared_interests=())
    assert names(rank(wants, [second, best])) == ["A Best But Silent", "B Less Fit"]


def test_a_stage_not_said_counts_for_nothing_and_is_never_a_reason():
    unsaid = replace(MENTEE, areas=frozenset(), is_early=None)
    plain = replace(BASE, mentor_id=2, name="Plain", areas=(), career_stage="mid")
    early_fit = replace(BASE, mentor_id=3, name="Early fit", areas=(("Clinical skills", "early"),))
    late_fit = replace(
        BASE,
        mentor_id=4,
        name="Late fit",
        areas=(("Career planning", "advanced"),),
        career_stage="late",
    )
    scores = {score(unsaid, c)[0] for c in (plain, early_fit, late_fit)}
    assert len(scores) == 1
    reasons = [reason for c in (early_fit, late_fit) for reason in score(unsaid, c)[1]]
    assert not any("training" in reason for reason in reasons)
    # The bounds the candidates' SQL relies on hold without a stage too.
    assert recommend.lowest_score(unsaid) <= score(unsaid, plain)[0]
    assert score(unsaid, plain)[0] <= recommend.highest_score(unsaid)
