"""Load recommendation candidates for one mentee: the few mentors who can reach the top.

The database estimates each mentor's score by the rules of recommend.py (overlap counts,
room, load, stage, modes, time zone) and returns only the rows whose estimate is close
enough to the best to matter; recommend.rank scores those few in Python and words the
reasons. The estimate leaves out the shared-identity bonus (it compares normalised free
text), so a score is its estimate plus at most that bonus, and the pool keeps every row
within that distance of the `limit`-th best estimate: the ranking is the one rank() would
give over every mentor with room. tests/profiles/test_recommendation_pool.py holds the
estimate to recommend.score.

Why SQL text (docs/architecture.md, "ORM first"): the same statements built as ORM
expressions from the same weights (Case/When, Coalesce(Subquery(Count)), Least, Greatest,
Cast) gave the same rankings but cost, for the benchmark's student on the scale data,
22 ms of Python instead of 2.3 for candidates_for, and 13 ms of PostgreSQL instead of 7
for its costliest query: over the page's 12 ms budget on their own. So each statement is
written by one function here (open_mentors, and the sub-queries it takes), generated from
recommend.py's weights, the models' table names and the mentorships' own status
constants, the mentee's values passed as parameters. tests/matching/test_recommendation_pool.py
compares the result with rank() over every mentor read through the plain ORM.
"""

import math
from functools import cache
from typing import NamedTuple

from django.db import connection
from django.utils import timezone

from accounts.models import User
from mentoring.matching import recommend
from mentoring.matching.labels import MENTEE, labels_of
from mentoring.matching.programmes import programme_of_profile
from mentoring.matching.recommend import Candidate, MenteeFacts
from mentoring.mentorships.models import OPEN_STATUSES, Mentorship, MentorshipRequest
from mentoring.profiles.models import (
    Area,
    Department,
    MenteeProfile,
    MentorProfile,
    Mode,
    availability_unconfirmed_before,
    gender_to_compare,
)

# Rows read in one go; a second query reads the rest only when more are that close.
FIRST_READ = 30
# rank() compares scores rounded to 3 places: a margin of one unit keeps rounding from
# lifting a left-out candidate level with the last one shown.
ROUNDING = 0.001
# The mentor's own columns that a Candidate needs, besides the id, name and department.
COLUMNS = [
    "title",
    "career_stage",
    *(f"mode_{mode}" for mode in Mode.values),
    "capacity",
    "active_mentee_count",
    "pending_request_count",
    "is_accepting",
    "response_hours",
    "gender",
    "gender_self_described",
    "background",
]


class SqlText(NamedTuple):
    """A piece of SQL and its parameters, in order."""

    text: str
    params: tuple = ()


def mentee_facts(profile):
    """MenteeFacts from a MenteeProfile given by load_mentee."""
    return MenteeFacts(
        interests=frozenset(name for _, name in profile.labels.interests),
        areas=frozenset(area.name for area in profile.labels.areas),
        is_early=profile.is_early if profile.has_stage else None,
        modes=frozenset(profile.modes),
        time_zone=profile.user.time_zone,
        gender=gender_to_compare(profile.gender, profile.gender_self_described),
        background=profile.background,
        prefers_shared_gender=profile.prefers_shared_gender,
        prefers_shared_background=profile.prefers_shared_background,
    )


def load_mentee(user):
    """The user's MenteeProfile with its user and its interests and areas sought (labels)."""
    profile = MenteeProfile.objects.select_related("user", "stage").get(user=user)
    profile.labels = labels_of([profile.pk], MENTEE)[profile.pk]
    return profile


def candidates_for(profile, limit=recommend.SHOWN, now=None):
    """Mentors with room, not the mentee, not already mentoring or asked by them: every one
    who could be among rank()'s best `limit` for this mentee, and few others."""
    now = now or timezone.now()
    facts = mentee_facts(profile)
    bonus = recommend.identity_bonus_at_most(facts)
    interests = dict(profile.labels.interests)
    if not interests:
        # No shared interest points to the likely best: those whose own columns and areas
        # promise most set a floor instead, and only mentors able to reach it are read.
        promising = open_mentors(
            profile, facts, _one_of(_most_promising(profile, facts, limit)), now=now
        )
        floor = _floor(promising, limit)
        able = able_to_reach(profile, facts, floor - bonus - ROUNDING) if floor > -math.inf else []
        pool, _ = _pool(open_mentors(profile, facts, *able, now=now), limit, bonus)
        return _candidates(pool, interests)
    # Mentors sharing an interest are few and found through its index; when enough of
    # them beat the best that anyone sharing none could score, the others can't rank.
    sharing = _sharing(interests)
    pool, floor = _pool(open_mentors(profile, facts, _one_of(sharing), now=now), limit, bonus)
    if floor - ROUNDING > recommend.ceiling_without_shared_interests(facts):
        return _candidates(pool, interests)
    # NOT IN a sub-query, which PostgreSQL hashes once; NOT = ANY(ARRAY(...)) would compare
    # each mentor with every id in the array.
    others = [SqlText(f"m.id NOT IN ({sharing.text})", sharing.params)]
    if floor > -math.inf:
        others += able_to_reach(profile, facts, floor - bonus - ROUNDING)
    more, _ = _pool(open_mentors(profile, facts, *others, interests=False, now=now), limit, bonus)
    return _candidates(_close_to_best(pool + more, limit, bonus), interests)


def open_mentors(profile, facts, *conditions, interests=True, now=None):
    """SELECT of the listed mentors with room, but the mentee, those mentoring them and
    those they have asked, that meet the conditions (on `m`, the mentor): what a Candidate
    needs and the estimate (with the shared interests unless `interests` is False), as of
    `now` (whose availability is not confirmed by then)."""
    tables = _tables()
    mentee = profile.user_id
    unconfirmed = _availability_unconfirmed(now or timezone.now())
    estimate = _estimate(profile, facts, interests, unconfirmed)
    # As MentorProfile.objects.listed().with_room() (models.LISTED: a complete profile of
    # an active user; models.WITH_ROOM).
    where = [
        SqlText(f"m.is_listed AND {_with_room('m')} AND m.user_id <> %s", (mentee,)),
        # As Mentorship.objects.open() and MentorshipRequest.objects.pending(), by the
        # statuses their model defines.
        _not_mentor_in(Mentorship, mentee, OPEN_STATUSES),
        _not_mentor_in(MentorshipRequest, mentee, [MentorshipRequest.Status.PENDING]),
        *_in_programme(profile),
        *conditions,
    ]
    columns = ", ".join(f"m.{column}" for column in COLUMNS)
    return SqlText(
        "SELECT m.id AS mentor_id, u.display_name AS name, u.time_zone, "
        f"d.name AS department, {columns}, {unconfirmed.text} AS availability_unconfirmed, "
        f"{estimate.text} AS estimate "
        f"FROM {tables.mentor} m JOIN {tables.user} u ON u.id = m.user_id "
        f"LEFT JOIN {tables.department} d ON d.id = m.department_id "
        f"WHERE {' AND '.join(condition.text for condition in where)}",
        (
            *unconfirmed.params,
            *estimate.params,
            *(param for condition in where for param in condition.params),
        ),
    )


def _in_programme(profile):
    """Mentors who mentor in the student's programme (programmes.programme_of_profile: none
    when the school has one programme or the student has not said theirs)."""
    programme_id = programme_of_profile(profile)
    if programme_id is None:
        return []
    return [
        SqlText(
            f"EXISTS (SELECT 1 FROM {_tables().programme_links} p "
            "WHERE p.mentorprofile_id = m.id AND p.programme_id = %s)",
            (programme_id,),
        )
    ]


def _availability_unconfirmed(now, me="m"):
    """MentorProfileQuerySet.availability_unconfirmed(now) on the mentor `me`, true or
    false (never NULL): a check-in unanswered since before the profiles app's cutoff."""
    column = _availability_column()
    return SqlText(f"COALESCE({me}.{column} <= %s, FALSE)", (availability_unconfirmed_before(now),))


@cache
def _availability_column():
    quote = connection.ops.quote_name
    return quote(MentorProfile._meta.get_field("availability_awaited_since").column)


def _not_mentor_in(model, mentee, statuses):
    """The mentor is in none of the model's rows (mentorships or requests, which name the
    two people alike) with this mentee and one of these statuses."""
    table, mentor_column, mentee_column, status_column = _pair_columns(model)
    return SqlText(
        f"m.user_id NOT IN (SELECT r.{mentor_column} FROM {table} r "
        f"WHERE r.{mentee_column} = %s AND r.{status_column} IN ({_placeholders(statuses)}))",
        (mentee, *(str(status) for status in statuses)),
    )


@cache
def _pair_columns(model):
    """The table and its mentor, mentee and status columns, quoted, from the model."""
    quote = connection.ops.quote_name
    names = (model._meta.get_field(name).column for name in ("mentor", "mentee", "status"))
    return (quote(model._meta.db_table), *(quote(name) for name in names))


def _with_room(me):
    # models.WITH_ROOM, written as the index mentor_with_room_scoring's condition is, so
    # that PostgreSQL sees the index applies.
    return f"{me}.is_accepting AND {me}.active_mentee_count < {me}.capacity"


def _sharing(interests):
    """The ids of the mentors sharing one of these interests, as a sub-query."""
    return SqlText(
        f"SELECT l.mentorprofile_id FROM {_tables().interest_links} l "
        f"WHERE l.interest_id IN ({_placeholders(interests)})",
        tuple(interests),
    )


def _one_of(subquery):
    """The mentor is one of the ids the sub-query finds.

    Given IN, PostgreSQL plans a semi-join and, when it expects many rows, reads the whole
    mentor table to probe a hash of them; = ANY(ARRAY(...)) runs the sub-query once and
    fetches the mentors by index, as for a list of ids (18 ms → 9 ms, PERFORMANCE.md).
    """
    if connection.vendor == "postgresql":
        return SqlText(f"m.id = ANY(ARRAY({subquery.text}))", subquery.params)
    return SqlText(f"m.id IN ({subquery.text})", subquery.params)


def able_to_reach(profile, facts, least):
    """Conditions keeping, of mentors sharing no interest, those whose estimate can reach
    `least`.

    Only these rows are worth an estimate, whose sub-queries cost more than reading the
    row. A student whose interests few mentors share would have every mentor with room
    estimated, so the few who could reach it are found first, in the index
    mentor_with_room_scoring alone (able_by_bounds); the estimate but for the time zone
    then settles which of them can.
    """
    zone = recommend.SAME_TIME_ZONE if facts.time_zone else 0.0
    without_zone = _at_least(
        [*_link_terms(profile, facts, interests=False), *_column_terms(profile, facts)],
        least - zone,
    )
    return [_one_of(able_by_bounds(profile, facts, least - zone)), without_zone]


def able_by_bounds(profile, facts, least):
    """Sub-query of the ids of the mentors with room whose estimate but for the time zone
    could reach `least`: first by their own columns and the most any areas could add,
    then by the areas sought they offer and the most their other areas could add.

    It reads only what the index mentor_with_room_scoring holds (models.SCORING_COLUMNS,
    under its condition), so PostgreSQL answers it from the index without the mentors'
    rows: 11 ms → 4.5 ms for the seed's student (PERFORMANCE.md).
    """
    me = "scored"
    columns = _column_terms(profile, facts, me)
    bounds = [_at_least(columns, least - recommend.most_from_areas(facts))]
    offered = _offered_terms(profile, me)
    if offered:
        fitting = recommend.most_from_fitting_areas(facts)
        bounds.append(_at_least(columns + offered, least - fitting))
    return SqlText(
        f"SELECT {me}.id FROM {_tables().mentor} {me} WHERE {_with_room(me)} AND "
        + " AND ".join(bound.text for bound in bounds),
        tuple(param for bound in bounds for param in bound.params),
    )


def _most_promising(profile, facts, limit):
    """Sub-query of the few mentors with room whose own columns and the areas sought they
    offer promise the most, read from the index mentor_with_room_scoring alone."""
    me = "scored"
    promise = _sum(_column_terms(profile, facts, me) + _offered_terms(profile, me))
    return SqlText(
        f"SELECT {me}.id FROM {_tables().mentor} {me} WHERE {_with_room(me)} "
        f"ORDER BY {promise.text} DESC, {me}.id LIMIT {max(FIRST_READ, int(limit))}",
        promise.params,
    )


def _floor(select, limit):
    """The `limit`-th best estimate among the query's rows (minus infinity when fewer):
    the `limit`-th best of all can only be higher."""
    rows = _rows(_best_first(select, limit))
    return rows[-1]["estimate"] if rows and len(rows) == limit else -math.inf


def _pool(select, limit, bonus):
    """The rows whose estimate is within `bonus` (plus rounding) of the `limit`-th best, and
    that estimate (minus infinity when there are fewer rows).

    Each of the best `limit` estimates is a lower bound of its row's score, so the
    `limit`-th best score is at least the `limit`-th best estimate; a row further below
    it than the identity bonus can add can never overtake one of those.
    """
    size = max(FIRST_READ, limit + 1)
    first = _rows(_best_first(select, size))
    if len(first) < limit:
        return first, -math.inf
    floor = first[limit - 1]["estimate"]
    cutoff = floor - bonus - ROUNDING
    if len(first) == size and first[-1]["estimate"] >= cutoff:
        # More rows than one read holds are that close: read all of them.
        close = SqlText(
            f"SELECT * FROM ({select.text}) c WHERE c.estimate >= %s "
            "ORDER BY c.estimate DESC, c.mentor_id",
            (*select.params, cutoff),
        )
        return _rows(close), floor
    return [row for row in first if row["estimate"] >= cutoff], floor


def _best_first(select, count):
    """The `count` rows of best estimate, ties in the order of their ids."""
    return SqlText(
        f"{select.text} ORDER BY estimate DESC, mentor_id LIMIT {int(count)}", select.params
    )


def _rows(query):
    """The query's rows as {column: value} dicts."""
    with connection.cursor() as cursor:
        cursor.execute(query.text, query.params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _close_to_best(rows, limit, bonus):
    """Of two pools put together, the rows _pool would have kept from both at once."""
    if len(rows) < limit:
        return rows
    floor = sorted((row["estimate"] for row in rows), reverse=True)[limit - 1]
    return [row for row in rows if row["estimate"] >= floor - bonus - ROUNDING]


def _estimate(profile, facts, interests, unconfirmed):
    """recommend.score in SQL for this mentee, without the shared-identity bonus (and
    without the shared interests when `interests` is False: for mentors sharing none).

    The time zone and "availability not confirmed" are left out of the bounds that
    able_to_reach reads from the index (the first may add, so it is allowed for there;
    the second only takes off, so leaving it out keeps those bounds true)."""
    terms = [*_link_terms(profile, facts, interests), *_column_terms(profile, facts)]
    if facts.time_zone:
        terms.append(
            SqlText(_case("u.time_zone = %s", recommend.SAME_TIME_ZONE), (facts.time_zone,))
        )
    penalty = recommend.unconfirmed_availability_penalty(facts)
    terms.append(SqlText(_case(unconfirmed.text, penalty), unconfirmed.params))
    return _sum(terms)


def _link_terms(profile, facts, interests=True, me="m"):
    """The terms read from the mentor's interests and areas."""
    tables = _tables()
    interest_ids = [interest_id for interest_id, _ in profile.labels.interests]
    terms = []
    if interests and interest_ids:
        shared = _count_at_most(
            f"SELECT 1 FROM {tables.interest_links} l WHERE l.mentorprofile_id = {me}.id "
            f"AND l.interest_id IN ({_placeholders(interest_ids)})",
            recommend.MAX_COUNTED_INTERESTS,
        )
        terms.append(SqlText(f"{_double(recommend.PER_SHARED_INTEREST)} * {shared}", interest_ids))
    terms += _offered_terms(profile, me)
    wanted_fit = recommend.wanted_stage_fit(facts)
    if wanted_fit is None:
        return terms  # no stage said: areas fitting one count for nothing
    fitting = _count_at_most(
        f"SELECT 1 FROM {tables.area_links} o JOIN {tables.area} a ON a.id = o.area_id "
        f"WHERE o.mentorprofile_id = {me}.id AND a.stage_fit = %s",
        recommend.MAX_COUNTED_FITTING_AREAS,
    )
    terms.append(
        SqlText(
            f"{_double(recommend.PER_STAGE_FITTING_AREA)} * {fitting}",
            (wanted_fit,),
        )
    )
    return terms


def _offered_terms(profile, me):
    """The term for the areas sought that the mentor offers (none when none are sought)."""
    area_ids = [area.id for area in profile.labels.areas]
    if not area_ids:
        return []
    matched = (
        f"(SELECT COUNT(*) FROM {_tables().area_links} o WHERE o.mentorprofile_id = {me}.id "
        f"AND o.area_id IN ({_placeholders(area_ids)}))"
    )
    return [SqlText(f"{_double(recommend.PER_MATCHED_AREA)} * {matched}", tuple(area_ids))]


def _column_terms(profile, facts, me="m"):
    """The terms read from the mentor's own row (only models.SCORING_COLUMNS)."""
    stages = tuple(recommend.fitting_career_stages(facts))
    terms = []
    if stages:  # none when the mentee has not said their stage
        terms.append(
            SqlText(
                _case(
                    f"{me}.career_stage IN ({_placeholders(stages)})", recommend.CAREER_STAGE_FIT
                ),
                stages,
            )
        )
    terms += [
        SqlText(
            f"{_double(recommend.ROOM_WEIGHT)} * ({me}.capacity - {me}.active_mentee_count)"
            f" / {me}.capacity"
        ),
    ]
    # The larger of the per-request penalty and its floor (GREATEST, which SQLite lacks).
    pending = f"{_double(recommend.PER_PENDING_REQUEST)} * {me}.pending_request_count"
    floor = _double(recommend.MAX_PENDING_PENALTY)
    terms.append(SqlText(f"CASE WHEN {pending} < {floor} THEN {floor} ELSE {pending} END"))
    modes = [mode for mode in Mode.values if getattr(profile, f"mode_{mode}")]
    if modes:
        either = " OR ".join(f"{me}.mode_{mode}" for mode in modes)
        terms.append(SqlText(_case(either, recommend.SHARED_MODE, recommend.NO_SHARED_MODE)))
    return terms


def _sum(terms):
    return SqlText(
        "(" + " + ".join(term.text for term in terms) + ")",
        tuple(param for term in terms for param in term.params),
    )


def _at_least(terms, least):
    total = _sum(terms)
    return SqlText(f"{total.text} >= %s", (*total.params, least))


class Tables(NamedTuple):
    mentor: str
    interest_links: str
    area_links: str
    area: str
    user: str
    department: str
    programme_links: str


@cache
def _tables():
    """The tables' names, quoted, from the models."""
    quote = connection.ops.quote_name
    models = [
        MentorProfile,
        MentorProfile.interests.through,
        MentorProfile.areas.through,
        Area,
        User,
        Department,
        MentorProfile.programmes.through,
    ]
    return Tables(*(quote(model._meta.db_table) for model in models))


def _double(number):
    # A bare 2.5 is NUMERIC to PostgreSQL, slower to add up, and comes back as a Decimal.
    return f"CAST({float(number)!r} AS DOUBLE PRECISION)"


def _case(condition, points, otherwise=0.0):
    return f"CASE WHEN {condition} THEN {_double(points)} ELSE {_double(otherwise)} END"


def _count_at_most(rows, most):
    """How many rows the query finds, counting no further than `most` (LEAST, portably)."""
    return f"(SELECT COUNT(*) FROM ({rows} LIMIT {int(most)}) AS counted)"


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def _candidates(rows, interests):
    """Candidates from the rows, with the mentee's `interests` ({id: name}) each shares and
    the areas each offers (labels.py: one query for these rows)."""
    labels = labels_of([row["mentor_id"] for row in rows])
    shared = {
        mentor_id: [name for interest_id, name in found.interests if interest_id in interests]
        for mentor_id, found in labels.items()
    }
    return [
        Candidate(
            mentor_id=row["mentor_id"],
            name=row["name"],
            subtitle=", ".join(p for p in (row["title"], row["department"] or "") if p),
            shared_interests=tuple(shared[row["mentor_id"]]),
            areas=tuple((area.name, area.stage_fit) for area in labels[row["mentor_id"]].areas),
            career_stage=row["career_stage"],
            modes=frozenset(label for value, label in Mode.choices if row[f"mode_{value}"]),
            time_zone=row["time_zone"],
            capacity=row["capacity"],
            active_mentees=row["active_mentee_count"],
            pending_requests=row["pending_request_count"],
            is_accepting=bool(row["is_accepting"]),
            response_hours=row["response_hours"],
            gender=gender_to_compare(row["gender"], row["gender_self_described"]),
            background=row["background"],
            availability_unconfirmed=bool(row["availability_unconfirmed"]),
        )
        for row in rows
    ]
