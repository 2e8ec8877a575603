"""Load recommendation candidates for one mentee: the few mentors who can reach the top.

The database estimates each mentor's score by the rules of recommend.py (overlap counts,
room, load, stage, modes, time zone) and returns only the rows whose estimate is close
enough to the best to matter; recommend.rank scores those few in Python and words the
reasons. The estimate leaves out the shared-identity bonus (it compares normalised free
text), so a score is its estimate plus at most that bonus, and the pool keeps every row
within that distance of the `limit`-th best estimate: the ranking is the one rank() would
give over every mentor with room. tests/profiles/test_recommendation_pool.py holds the
estimate to recommend.score.

The queries are SQL text, written from recommend.py's weights and the models' table
names, the mentee's values passed as parameters: built through the ORM they cost more
Python than PostgreSQL took to run them, a third of the page's (PERFORMANCE.md).
"""

import math
from functools import cache
from typing import NamedTuple

from django.db import connection

from accounts.models import User
from mentoring.matching import recommend
from mentoring.matching.labels import MENTEE, labels_of
from mentoring.matching.recommend import Candidate, MenteeFacts
from mentoring.profiles.models import (
    Area,
    Department,
    MenteeProfile,
    MentorProfile,
    Mode,
    gender_to_compare,
)

# Rows read in one go; a second query reads the rest only when more are that close.
FIRST_READ = 30
# rank() compares scores rounded to 3 places: a margin of one unit keeps rounding from
# lifting a left-out candidate level with the last one shown.
ROUNDING = 0.001
OPEN_STATUSES = ["active", "paused"]
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


class Sql(NamedTuple):
    """A piece of SQL and its parameters, in order."""

    text: str
    params: tuple = ()


def mentee_facts(profile):
    """MenteeFacts from a MenteeProfile given by load_mentee."""
    return MenteeFacts(
        interests=frozenset(name for _, name in profile.labels.interests),
        areas=frozenset(area.name for area in profile.labels.areas),
        is_early=profile.is_early,
        modes=frozenset(profile.modes),
        time_zone=profile.user.time_zone,
        gender=gender_to_compare(profile.gender, profile.gender_self_described),
        background=profile.background,
        prefers_shared_gender=profile.prefers_shared_gender,
        prefers_shared_background=profile.prefers_shared_background,
    )


def load_mentee(user):
    """The user's MenteeProfile with its user and its interests and areas sought (labels)."""
    profile = MenteeProfile.objects.select_related("user").get(user=user)
    profile.labels = labels_of([profile.pk], MENTEE)[profile.pk]
    return profile


def candidates_for(profile, limit=recommend.SHOWN):
    """Mentors with room, not the mentee, not already mentoring or asked by them: every one
    who could be among rank()'s best `limit` for this mentee, and few others."""
    facts = mentee_facts(profile)
    climb = recommend.identity_bonus_at_most(facts)
    interests = dict(profile.labels.interests)
    if not interests:
        # No shared interest points to the likely best: those whose own columns and areas
        # promise most set a floor instead, and only mentors able to reach it are read.
        promising = _open_mentors(profile, facts, _among(_most_promising(profile, facts, limit)))
        floor = _floor(promising, limit)
        able = _able_to_reach(profile, facts, floor - climb - ROUNDING) if floor > -math.inf else []
        pool, _ = _pool(_open_mentors(profile, facts, *able), limit, climb)
        return _candidates(pool, interests)
    # Mentors sharing an interest are few and found through its index; when enough of
    # them beat the best that anyone sharing none could score, the others can't rank.
    sharing = _sharing(interests)
    pool, floor = _pool(_open_mentors(profile, facts, _among(sharing)), limit, climb)
    if floor - ROUNDING > recommend.ceiling_without_shared_interests(facts):
        return _candidates(pool, interests)
    # NOT IN a sub-query, which PostgreSQL hashes once; NOT = ANY(ARRAY(...)) would compare
    # each mentor with every id in the array.
    others = [Sql(f"m.id NOT IN ({sharing.text})", sharing.params)]
    if floor > -math.inf:
        others += _able_to_reach(profile, facts, floor - climb - ROUNDING)
    more, _ = _pool(_open_mentors(profile, facts, *others, interests=False), limit, climb)
    return _candidates(_close_to_best(pool + more, limit, climb), interests)


def _open_mentors(profile, facts, *conditions, interests=True):
    """SELECT of the listed mentors with room, but the mentee, those mentoring them and
    those they have asked, that meet the conditions (on `m`, the mentor): what a Candidate
    needs and the estimate (with the shared interests unless `interests` is False)."""
    tables = _tables()
    mentee = profile.user_id
    estimate = _estimate(profile, facts, interests)
    # As MentorProfile.objects.listed().with_room() (an active user, models.WITH_ROOM).
    where = [
        Sql(f"u.is_active AND {_with_room('m')} AND m.user_id <> %s", (mentee,)),
        Sql(
            f"m.user_id NOT IN (SELECT r.mentor_id FROM {tables.mentorships} r "
            f"WHERE r.mentee_id = %s AND r.status IN ({_placeholders(OPEN_STATUSES)}))",
            (mentee, *OPEN_STATUSES),
        ),
        Sql(
            f"m.user_id NOT IN (SELECT r.mentor_id FROM {tables.requests} r "
            "WHERE r.mentee_id = %s AND r.status = %s)",
            (mentee, "pending"),
        ),
        *conditions,
    ]
    columns = ", ".join(f"m.{column}" for column in COLUMNS)
    return Sql(
        "SELECT m.id AS mentor_id, u.display_name AS name, u.time_zone, "
        f"d.name AS department, {columns}, {estimate.text} AS estimate "
        f"FROM {tables.mentor} m JOIN {tables.user} u ON u.id = m.user_id "
        f"LEFT JOIN {tables.department} d ON d.id = m.department_id "
        f"WHERE {' AND '.join(condition.text for condition in where)}",
        (*estimate.params, *(param for condition in where for param in condition.params)),
    )


def _with_room(me):
    # models.WITH_ROOM, written as the index mentor_with_room_scoring's condition is, so
    # that PostgreSQL sees the index applies.
    return f"{me}.is_accepting AND {me}.active_mentee_count < {me}.capacity"


def _sharing(interests):
    """The ids of the mentors sharing one of these interests, as a sub-query."""
    return Sql(
        f"SELECT l.mentorprofile_id FROM {_tables().interest_links} l "
        f"WHERE l.interest_id IN ({_placeholders(interests)})",
        tuple(interests),
    )


def _among(subquery):
    """The mentor is one of the ids the sub-query finds.

    Given IN, PostgreSQL plans a semi-join and, when it expects many rows, reads the whole
    mentor table to probe a hash of them; = ANY(ARRAY(...)) runs the sub-query once and
    fetches the mentors by index, as for a list of ids (18 ms → 9 ms, PERFORMANCE.md).
    """
    if connection.vendor == "postgresql":
        return Sql(f"m.id = ANY(ARRAY({subquery.text}))", subquery.params)
    return Sql(f"m.id IN ({subquery.text})", subquery.params)


def _able_to_reach(profile, facts, least):
    """Conditions keeping, of mentors sharing no interest, those whose estimate can reach
    `least`.

    Only these rows are worth an estimate, whose sub-queries cost more than reading the
    row. A student whose interests few mentors share would have every mentor with room
    estimated, so the few who could reach it are found first, in the index
    mentor_with_room_scoring alone (_able_by_bounds); the estimate but for the time zone
    then settles which of them can.
    """
    zone = recommend.SAME_TIME_ZONE if facts.time_zone else 0.0
    without_zone = _at_least(
        [*_link_terms(profile, facts, interests=False), *_column_terms(profile, facts)],
        least - zone,
    )
    return [_among(_able_by_bounds(profile, facts, least - zone)), without_zone]


def _able_by_bounds(profile, facts, least):
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
        bounds.append(_at_least(columns + offered, least - recommend.MOST_FROM_FITTING_AREAS))
    return Sql(
        f"SELECT {me}.id FROM {_tables().mentor} {me} WHERE {_with_room(me)} AND "
        + " AND ".join(bound.text for bound in bounds),
        tuple(param for bound in bounds for param in bound.params),
    )


def _most_promising(profile, facts, limit):
    """Sub-query of the few mentors with room whose own columns and the areas sought they
    offer promise the most, read from the index mentor_with_room_scoring alone."""
    me = "scored"
    promise = _sum(_column_terms(profile, facts, me) + _offered_terms(profile, me))
    return Sql(
        f"SELECT {me}.id FROM {_tables().mentor} {me} WHERE {_with_room(me)} "
        f"ORDER BY {promise.text} DESC, {me}.id LIMIT {max(FIRST_READ, int(limit))}",
        promise.params,
    )


def _floor(select, limit):
    """The `limit`-th best estimate among the query's rows (minus infinity when fewer):
    the `limit`-th best of all can only be higher."""
    rows = _fetch(
        Sql(f"{select.text} ORDER BY estimate DESC, mentor_id LIMIT {int(limit)}", select.params)
    )
    return rows[-1]["estimate"] if rows and len(rows) == limit else -math.inf


def _pool(select, limit, climb):
    """The rows whose estimate is within `climb` (plus rounding) of the `limit`-th best, and
    that estimate (minus infinity when there are fewer rows).

    Each of the best `limit` estimates is a lower bound of its row's score, so the
    `limit`-th best score is at least the `limit`-th best estimate; a row further below
    it than the most it can climb can never overtake one of those.
    """
    size = max(FIRST_READ, limit + 1)
    first = _fetch(
        Sql(f"{select.text} ORDER BY estimate DESC, mentor_id LIMIT {size}", select.params)
    )
    if len(first) < limit:
        return first, -math.inf
    floor = first[limit - 1]["estimate"]
    cutoff = floor - climb - ROUNDING
    if len(first) == size and first[-1]["estimate"] >= cutoff:
        # More rows than one read holds are that close: read all of them.
        close = Sql(
            f"SELECT * FROM ({select.text}) c WHERE c.estimate >= %s "
            "ORDER BY c.estimate DESC, c.mentor_id",
            (*select.params, cutoff),
        )
        return _fetch(close), floor
    return [row for row in first if row["estimate"] >= cutoff], floor


def _fetch(query):
    """The query's rows as {column: value} dicts."""
    with connection.cursor() as cursor:
        cursor.execute(query.text, query.params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _close_to_best(rows, limit, climb):
    """Of two pools put together, the rows _pool would have kept from both at once."""
    if len(rows) < limit:
        return rows
    floor = sorted((row["estimate"] for row in rows), reverse=True)[limit - 1]
    return [row for row in rows if row["estimate"] >= floor - climb - ROUNDING]


def _estimate(profile, facts, interests=True):
    """recommend.score in SQL for this mentee, without the shared-identity bonus (and
    without the shared interests when `interests` is False: for mentors sharing none)."""
    terms = [*_link_terms(profile, facts, interests), *_column_terms(profile, facts)]
    if facts.time_zone:
        terms.append(Sql(_case("u.time_zone = %s", recommend.SAME_TIME_ZONE), (facts.time_zone,)))
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
        terms.append(Sql(f"{_typed(recommend.PER_SHARED_INTEREST)} * {shared}", interest_ids))
    terms += _offered_terms(profile, me)
    fitting = _count_at_most(
        f"SELECT 1 FROM {tables.area_links} o JOIN {tables.area} a ON a.id = o.area_id "
        f"WHERE o.mentorprofile_id = {me}.id AND a.stage_fit = %s",
        recommend.MAX_COUNTED_FITTING_AREAS,
    )
    terms.append(
        Sql(
            f"{_typed(recommend.PER_STAGE_FITTING_AREA)} * {fitting}",
            (recommend.wanted_stage_fit(facts),),
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
    return [Sql(f"{_typed(recommend.PER_MATCHED_AREA)} * {matched}", tuple(area_ids))]


def _column_terms(profile, facts, me="m"):
    """The terms read from the mentor's own row (only models.SCORING_COLUMNS)."""
    stages = tuple(recommend.fitting_career_stages(facts))
    terms = [
        Sql(
            _case(f"{me}.career_stage IN ({_placeholders(stages)})", recommend.CAREER_STAGE_FIT),
            stages,
        ),
        Sql(
            f"{_typed(recommend.ROOM_WEIGHT)} * ({me}.capacity - {me}.active_mentee_count)"
            f" / {me}.capacity"
        ),
    ]
    # The larger of the per-request penalty and its floor (GREATEST, which SQLite lacks).
    pending = f"{_typed(recommend.PER_PENDING_REQUEST)} * {me}.pending_request_count"
    floor = _typed(recommend.MAX_PENDING_PENALTY)
    terms.append(Sql(f"CASE WHEN {pending} < {floor} THEN {floor} ELSE {pending} END"))
    modes = [mode for mode in Mode.values if getattr(profile, f"mode_{mode}")]
    if modes:
        either = " OR ".join(f"{me}.mode_{mode}" for mode in modes)
        terms.append(Sql(_case(either, recommend.SHARED_MODE, recommend.NO_SHARED_MODE)))
    return terms


def _sum(terms):
    return Sql(
        "(" + " + ".join(term.text for term in terms) + ")",
        tuple(param for term in terms for param in term.params),
    )


def _at_least(terms, least):
    total = _sum(terms)
    return Sql(f"{total.text} >= %s", (*total.params, least))


class Tables(NamedTuple):
    mentor: str
    interest_links: str
    area_links: str
    area: str
    user: str
    department: str
    mentorships: str
    requests: str


@cache
def _tables():
    """The tables' names, quoted, from the models."""
    quote = connection.ops.quote_name
    # Through the user's reverse relations, so that profiles need not import mentorships.
    mentorships = User._meta.get_field("mentorships_as_mentor").related_model
    requests = User._meta.get_field("mentorship_requests_as_mentor").related_model
    models = [
        MentorProfile,
        MentorProfile.interests.through,
        MentorProfile.areas.through,
        Area,
        User,
        Department,
        mentorships,
        requests,
    ]
    return Tables(*(quote(model._meta.db_table) for model in models))


def _typed(number):
    # A bare 2.5 is NUMERIC to PostgreSQL, slower to add up, and comes back as a Decimal.
    return f"CAST({float(number)!r} AS DOUBLE PRECISION)"


def _case(condition, points, otherwise=0.0):
    return f"CASE WHEN {condition} THEN {_typed(points)} ELSE {_typed(otherwise)} END"


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
        )
        for row in rows
    ]
