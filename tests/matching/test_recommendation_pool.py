"""The database picks a few candidates, and rank() over them equals rank() over everyone."""

import datetime
import random

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import User
from mentoring.matching import candidates, recommend
from mentoring.matching.recommend import Candidate, rank
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.profiles.models import Area, MentorProfile
from tests.factories import make_mentee, make_mentor, make_mentorship, make_user

INTERESTS = ["pharmacology", "addiction psychiatry", "surgery", "oncology", "ethics", "global"]
STAGES = ["resident", "junior", "mid", "late"]
ZONES = ["America/New_York", "America/Chicago"]


def every_candidate(profile):
    """Each open mentor as a Candidate, built the plain way: the reference ranking's input."""
    mentee = profile.user
    taken = set(
        User.objects.filter(mentorships_as_mentor__mentee=mentee).values_list("pk", flat=True)
    )
    return as_candidates(profile, open_mentors_of(profile).exclude(user__in=taken))


def every_candidate_but_left_out(profile):
    """As every_candidate, with the mentors the mentee already has kept in."""
    return as_candidates(profile, open_mentors_of(profile))


def open_mentors_of(profile):
    return (
        MentorProfile.objects.listed()
        .with_room()
        .exclude(user=profile.user)
        .select_related("user", "department")
        .prefetch_related("interests", "areas")
    )


def as_candidates(profile, rows):
    wanted = {i.name for i in profile.interests.all()}
    unconfirmed = set(
        MentorProfile.objects.availability_unconfirmed(timezone.now()).values_list("pk", flat=True)
    )
    return [
        Candidate(
            mentor_id=row.pk,
            name=row.user.display_name,
            subtitle=", ".join(p for p in (row.title, str(row.department or "")) if p),
            shared_interests=tuple(i.name for i in row.interests.all() if i.name in wanted),
            areas=tuple((a.name, a.stage_fit) for a in row.areas.all()),
            career_stage=row.career_stage,
            modes=frozenset(row.modes),
            time_zone=row.user.time_zone,
            capacity=row.capacity,
            active_mentees=row.active_mentee_count,
            pending_requests=row.pending_request_count,
            is_accepting=row.is_accepting,
            response_hours=row.response_hours,
            gender=row.gender,
            background=row.background,
            availability_unconfirmed=row.pk in unconfirmed,
        )
        for row in rows
    ]


def faculty(seed, count, interests=INTERESTS):
    """Mentors whose overlap and whose room, load and fit pull in different directions."""
    rng = random.Random(seed)
    slugs = list(Area.objects.values_list("slug", flat=True))
    for n in range(count):
        capacity = rng.randint(1, 6)
        make_mentor(
            make_user(display_name=f"Dr. {seed}-{n:03d}", time_zone=rng.choice(ZONES)),
            interests=rng.sample(interests, rng.randint(0, 3)),
            areas=rng.sample(slugs, rng.randint(0, 4)),
            career_stage=rng.choice(STAGES),
            capacity=capacity,
            active_mentee_count=rng.randint(0, capacity),
            pending_request_count=rng.randint(0, 5),
            mode_in_person=rng.random() < 0.5,
            mode_video=rng.random() < 0.5,
            gender=rng.choice(["woman", " Woman", "man", ""]),
        )
    check_ins(seed)


# Days since a check-in still unanswered (None: none awaited), well clear of the 14th day
# so that the page's moment and the reference's see the same.
AWAITED_DAYS = [None, None, None, 3, 13, 15, 40]


def check_ins(seed):
    """Some mentors asked about their availability and silent for a while: a random draw of
    its own, so that the rest of each seed's faculty stays as it was."""
    rng = random.Random(f"check-ins {seed}")
    now = timezone.now()
    for profile in MentorProfile.objects.order_by("pk"):
        days = rng.choice(AWAITED_DAYS)
        if days is not None:
            since = now - datetime.timedelta(days=days)
            MentorProfile.objects.filter(pk=profile.pk).update(
                availability_asked_at=since, availability_awaited_since=since
            )


def student(**fields):
    fields = {"interests": ["pharmacology", "surgery"], "areas": ["research"], **fields}
    return make_mentee(make_user(time_zone="America/Chicago"), mode_video=True, **fields)


def shown(user, limit=recommend.SHOWN):
    profile = candidates.load_mentee(user)
    facts = candidates.mentee_facts(profile)
    picked = rank(facts, candidates.candidates_for(profile, limit), limit)
    everyone = rank(facts, every_candidate(profile), limit)
    return picked, everyone


def described(recommendations):
    return [(r.candidate.name, r.score, r.reasons, r.candidate.subtitle) for r in recommendations]


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_few_picked_rank_as_everyone_would(seed):
    faculty(seed, 70)
    picked, everyone = shown(student())
    assert len(everyone) == recommend.SHOWN
    assert described(picked) == described(everyone)


@pytest.mark.django_db
def test_a_mentor_sharing_no_interest_still_wins_when_they_fit_best():
    # Those sharing an interest are nearly full and much asked: the tier of mentors
    # sharing one cannot settle it, so everyone is looked at.
    for n in range(12):
        make_mentor(
            make_user(display_name=f"Dr. Busy {n:02d}"),
            interests=["pharmacology"],
            capacity=5,
            active_mentee_count=4,
            pending_request_count=4,
        )
    make_mentor(
        make_user(display_name="Dr. Roomy", time_zone="America/Chicago"),
        areas=["research", "career-planning"],
        career_stage="late",
        mode_video=True,
        capacity=4,
    )
    picked, everyone = shown(student())
    assert described(picked) == described(everyone)
    assert picked[0].candidate.name == "Dr. Roomy"


@pytest.mark.django_db
def test_mentors_sharing_no_interest_are_read_only_when_they_could_reach_the_top():
    # Those sharing an interest set a floor of 5.0, below what a mentor sharing none could
    # score, so the others are looked at; but mentors who meet neither way the student
    # does and are nearly full cannot reach 5.0 whatever areas they offer.
    for n in range(12):
        make_mentor(
            make_user(display_name=f"Dr. Sharing {n:02d}", time_zone="America/New_York"),
            interests=["pharmacology"],
            capacity=2,
            active_mentee_count=1,
        )
    for n in range(20):
        make_mentor(
            make_user(display_name=f"Dr. Far {n:02d}", time_zone="America/New_York"),
            mode_in_person=False,
            mode_phone=True,
            capacity=5,
            active_mentee_count=4,
        )
    make_mentor(
        make_user(display_name="Dr. Roomy", time_zone="America/Chicago"),
        areas=["research"],
        mode_video=True,
        capacity=4,
    )
    user = student()
    picked, everyone = shown(user)
    assert described(picked) == described(everyone)
    assert picked[0].candidate.name == "Dr. Roomy"
    # The database estimates only the mentors able to reach the floor.
    profile = candidates.load_mentee(user)
    facts = candidates.mentee_facts(profile)
    able = candidates.able_to_reach(profile, facts, 4.999)
    rows = candidates._rows(candidates.open_mentors(profile, facts, *able, interests=False))
    names = {row["name"] for row in rows}
    assert "Dr. Roomy" in names
    assert not any(name.startswith("Dr. Far") for name in names)


@pytest.mark.django_db
def test_ties_beyond_one_read_are_broken_by_name_as_before():
    # More mentors tie on the estimate than one read of the pool holds.
    for n in range(candidates.FIRST_READ + 15):
        make_mentor(make_user(display_name=f"Dr. Twin {99 - n:02d}"), interests=["pharmacology"])
    picked, everyone = shown(student())
    assert described(picked) == described(everyone)
    assert picked[0].candidate.name == "Dr. Twin 55"


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [4, 5])
def test_shared_identity_can_lift_a_lower_estimate(seed):
    faculty(seed, 60)
    user = student(gender="woman", prefers_shared_gender=True)
    picked, everyone = shown(user)
    assert described(picked) == described(everyone)


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [6, 8, 9])
def test_students_without_interests_and_shorter_lists_rank_as_everyone_would(seed):
    faculty(seed, 50)
    mentored = student()
    make_mentorship(MentorProfile.objects.with_room().first().user, mentored)
    # Without interests the mentors promising most by their own columns and the areas
    # sought set the floor; with an identity preferred, the pool reaches further below it.
    without = [
        student(interests=[], areas=[]),
        student(interests=[], areas=["research", "career-planning"]),
        student(interests=[], gender="woman", prefers_shared_gender=True),
    ]
    for user, limit in [*((user, 10) for user in without), (mentored, 3), (without[1], 1)]:
        picked, everyone = shown(user, limit)
        assert described(picked) == described(everyone)


@pytest.mark.django_db
def test_estimate_is_the_score_but_for_the_identity_bonus():
    faculty(7, 40)
    profile = candidates.load_mentee(student(gender="man", prefers_shared_gender=True))
    facts = candidates.mentee_facts(profile)
    rows = candidates._rows(candidates.open_mentors(profile, facts))
    estimates = {row["mentor_id"]: row["estimate"] for row in rows}
    for candidate in every_candidate(profile):
        points, _ = recommend.score(facts, candidate)
        bonus = recommend.SHARED_IDENTITY if candidate.gender.strip() == "man" else 0
        assert points - bonus == pytest.approx(estimates[candidate.mentor_id], abs=1e-9)


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_mentors_able_to_reach_the_floor_are_found_in_the_scoring_index_alone():
    # Reading a column the index mentor_with_room_scoring lacks would make PostgreSQL read
    # every mentor's row again, free texts and all (PERFORMANCE.md).
    faculty(8, 30)
    profile = candidates.load_mentee(student())
    able = candidates.able_by_bounds(profile, candidates.mentee_facts(profile), 4.0)
    sql, params = able
    with connection.cursor() as cursor:
        # So small a table is read whole, the cheapest way: ask for any index instead.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using mentor_with_room_scoring" in plan, plan


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [10, 11])
def test_mentors_left_out_are_those_the_owners_querysets_name(seed):
    # Mentorships of every status and requests of every status with this student: the SQL
    # leaves out exactly the mentors of Mentorship.objects.open() and of
    # MentorshipRequest.objects.pending(), so a closed mentorship or an answered request
    # does not hide a mentor.
    faculty(seed, 40)
    user = student(interests=["pharmacology"])
    mentors = list(MentorProfile.objects.with_room().select_related("user").order_by("pk"))
    for n, status in enumerate(Mentorship.Status.values):
        mentorship = make_mentorship(mentors[n].user, user)
        Mentorship.objects.filter(pk=mentorship.pk).update(status=status)
    for n, status in enumerate(MentorshipRequest.Status.values, start=5):
        MentorshipRequest.objects.create(
            mentor=mentors[n].user, mentee=user, created_by=user, status=status
        )
    left_out = set(
        Mentorship.objects.open().filter(mentee=user).values_list("mentor_id", flat=True)
    ) | set(
        MentorshipRequest.objects.pending().filter(mentee=user).values_list("mentor_id", flat=True)
    )
    profile = candidates.load_mentee(user)
    facts = candidates.mentee_facts(profile)
    everyone = [
        c
        for c in every_candidate_but_left_out(profile)
        if MentorProfile.objects.get(pk=c.mentor_id).user_id not in left_out
    ]
    for limit in (recommend.SHOWN, len(everyone)):
        picked = rank(facts, candidates.candidates_for(profile, limit), limit)
        assert described(picked) == described(rank(facts, everyone, limit))


@pytest.mark.django_db
@pytest.mark.parametrize("days_later", [0, 2, 12, 30])
def test_the_sql_says_not_confirmed_of_the_mentors_the_queryset_names(days_later):
    faculty(12, 40)
    profile = candidates.load_mentee(student())
    facts = candidates.mentee_facts(profile)
    then = timezone.now() + datetime.timedelta(days=days_later)
    rows = candidates._rows(candidates.open_mentors(profile, facts, now=then))
    flagged = {row["mentor_id"] for row in rows if row["availability_unconfirmed"]}
    named = set(MentorProfile.objects.availability_unconfirmed(then).values_list("pk", flat=True))
    assert flagged == named & {row["mentor_id"] for row in rows}
    assert flagged or days_later == 0


@pytest.mark.django_db
def test_when_the_best_fits_are_not_confirmed_the_confirmed_rank_first():
    # Those sharing an interest would fill the list but none confirmed its availability: the
    # pool must reach the mentors sharing none, who now come first.
    for n in range(12):
        make_mentor(
            make_user(display_name=f"Dr. Silent {n:02d}"),
            interests=["pharmacology", "surgery"],
            areas=["research"],
            mode_video=True,
        )
    long_ago = timezone.now() - datetime.timedelta(days=30)
    MentorProfile.objects.update(
        availability_asked_at=long_ago, availability_awaited_since=long_ago
    )
    for n in range(4):
        make_mentor(make_user(display_name=f"Dr. Confirmed {n}"), capacity=1 + n)
    picked, everyone = shown(student())
    assert described(picked) == described(everyone)
    assert [r.candidate.name for r in picked[:4]] == [f"Dr. Confirmed {n}" for n in range(4)]
    assert all(r.candidate.name.startswith("Dr. Silent") for r in picked[4:])
    assert len(picked) == recommend.SHOWN


@pytest.mark.django_db
@pytest.mark.parametrize("seed, stage", [(10, ""), (11, "final"), (12, "clerkship")])
def test_answers_not_given_rank_as_everyone_would(seed, stage):
    # A stage or ways of meeting not said drop their terms from the SQL estimate as from
    # the score; the bounds that leave mentors out must hold without them.
    faculty(seed, 50)
    unsaid = {"stage": stage, "mode_in_person": False}
    students = [
        make_mentee(make_user(time_zone="America/Chicago"), interests=["surgery"], **unsaid),
        make_mentee(make_user(), interests=[], areas=["research"], **unsaid),
        make_mentee(make_user(), interests=[], areas=[], **unsaid),
    ]
    for user in students:
        picked, everyone = shown(user)
        assert described(picked) == described(everyone)
        reasons = [reason for r in picked for reason in r.reasons]
        assert not any("you prefer" in reason for reason in reasons)
        if not stage:  # no stage said: none is assumed for the reasons either
            assert not any("in training" in reason for reason in reasons)
