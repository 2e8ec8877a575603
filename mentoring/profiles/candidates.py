"""Load recommendation candidates for one mentee: the few mentors who can reach the top.

The database estimates each mentor's score by the rules of recommend.py (overlap counts,
room, load, stage, modes, time zone) and returns only the rows whose estimate is close
enough to the best to matter; recommend.rank scores those few in Python and words the
reasons. The estimate leaves out the shared-identity bonus (it compares normalised free
text), so a score is its estimate plus at most that bonus, and the pool keeps every row
within that distance of the `limit`-th best estimate: the ranking is the one rank() would
give over every mentor with room. tests/profiles/test_recommendation_pool.py holds the
estimate to recommend.score.
"""

import math
from functools import cache

from django.db import connection
from django.db.models import Case, F, FloatField, Value, When
from django.db.models.expressions import RawSQL

from accounts.models import User
from mentoring.lib.sql import InSubquery
from mentoring.profiles import recommend
from mentoring.profiles.labels import MENTEE, labels_of
from mentoring.profiles.models import Area, MenteeProfile, MentorProfile, Mode
from mentoring.profiles.recommend import Candidate, MenteeFacts

# Rows read in one go; a second query reads the rest only when more are that close.
FIRST_READ = 30
# rank() compares scores rounded to 3 places: a margin of one unit keeps rounding from
# lifting a left-out candidate level with the last one shown.
ROUNDING = 0.001
OPEN_STATUSES = ["active", "paused"]
CANDIDATE_FIELDS = [
    "pk",
    "user__display_name",
    "user__time_zone",
    "title",
    "department__name",
    "career_stage",
    *(f"mode_{mode}" for mode in Mode.values),
    "capacity",
    "active_mentee_count",
    "pending_request_count",
    "is_accepting",
    "response_hours",
    "gender",
    "background",
]


def mentee_facts(profile):
    """MenteeFacts from a MenteeProfile given by load_mentee."""
    return MenteeFacts(
        interests=frozenset(name for _, name in profile.labels.interests),
        areas=frozenset(area.name for area in profile.labels.areas),
        is_early=profile.is_early,
        modes=frozenset(profile.modes),
        time_zone=profile.user.time_zone,
        gender=profile.gender,
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
    rows = _open_mentors(profile)
    interests = dict(profile.labels.interests)
    if not interests:
        pool, _ = _pool(rows.annotate(estimate=_estimate(profile, facts)), limit, climb)
        return _candidates(pool, interests)
    # Mentors sharing an interest are few and found through its index; when enough of
    # them beat the best that anyone sharing none could score, the others can't rank.
    sharing = MentorProfile.interests.through.objects.filter(interest_id__in=interests)
    sharing = sharing.values("mentorprofile_id")
    pool, floor = _pool(
        rows.filter(InSubquery(F("pk"), sharing)).annotate(estimate=_estimate(profile, facts)),
        limit,
        climb,
    )
    if floor - ROUNDING > recommend.ceiling_without_shared_interests(facts):
        return _candidates(pool, interests)
    # NOT IN a sub-query, which PostgreSQL hashes once; NOT = ANY(ARRAY(...)) would compare
    # each mentor with every id in the array.
    others = rows.exclude(pk__in=sharing)
    if floor > -math.inf:
        others = _able_to_reach(others, profile, facts, floor - climb - ROUNDING)
    more, _ = _pool(
        others.annotate(estimate=_estimate(profile, facts, interests=False)), limit, climb
    )
    return _candidates(_close_to_best(pool + more, limit, climb), interests)


def _able_to_reach(others, profile, facts, least):
    """Of mentors sharing no interest, those whose estimate can reach `least`.

    Only these rows are worth an estimate, whose sub-queries cost more than reading the
    row. A student whose interests few mentors share would have every mentor with room
    estimated, so the few who could reach it are found first, in the index
    mentor_with_room_scoring alone (_able_by_bounds); the estimate but for the time zone
    then settles which of them can.
    """
    zone = recommend.SAME_TIME_ZONE if facts.time_zone else 0.0
    without_zone = _joined(
        _link_terms(profile, facts, interests=False), _column_terms(profile, facts)
    )
    able = _able_by_bounds(profile, facts, least - zone)
    return others.alias(without_zone=_raw(*without_zone)).filter(
        InSubquery(F("pk"), able), without_zone__gte=least - zone
    )


def _able_by_bounds(profile, facts, least):
    """SQL for the ids of the mentors with room whose estimate but for the time zone could
    reach `least`: first by their own columns and the most any areas could add, then by
    the areas sought they offer and the most their other areas could add.

    Raw SQL under its own alias, since the ORM renames a sub-query's tables, and reading
    only what the index mentor_with_room_scoring holds (models.SCORING_COLUMNS and the
    condition WITH_ROOM, which its WHERE repeats so that PostgreSQL can use it): 11 ms →
    4.5 ms for the seed's student (PERFORMANCE.md).
    """
    me = "scored"
    columns, column_params = _column_terms(profile, facts, me)
    offered, offered_params = _offered_terms(profile, me)
    bounds = [(columns, column_params, least - recommend.most_from_areas(facts))]
    if offered:
        at_least = least - recommend.MOST_FROM_FITTING_AREAS
        bounds.append((columns + offered, column_params + offered_params, at_least))
    sql = (
        f"SELECT {me}.id FROM {_quoted_tables()[0]} {me} "
        f"WHERE {me}.is_accepting AND {me}.active_mentee_count < {me}.capacity AND "
        + " AND ".join(f"{' + '.join(terms)} >= %s" for terms, _, _ in bounds)
    )
    params = [param for _, values, at_least in bounds for param in (*values, at_least)]
    return RawSQL(sql, params)


def _open_mentors(profile):
    # Named through the reverse relation so that profiles need not import mentorships.
    current_mentors = User.objects.filter(
        mentorships_as_mentor__mentee=profile.user_id,
        mentorships_as_mentor__status__in=OPEN_STATUSES,
    )
    already_asked = User.objects.filter(
        mentorship_requests_as_mentor__mentee=profile.user_id,
        mentorship_requests_as_mentor__status="pending",
    )
    return (
        MentorProfile.objects.listed()
        .with_room()
        .exclude(user_id=profile.user_id)
        .exclude(user__in=current_mentors)
        .exclude(user__in=already_asked)
    )


def _pool(rows, limit, climb):
    """The rows whose estimate is within `climb` (plus rounding) of the `limit`-th best, and
    that estimate (minus infinity when there are fewer rows).

    Each of the best `limit` estimates is a lower bound of its row's score, so the
    `limit`-th best score is at least the `limit`-th best estimate; a row further below
    it than the most it can climb can never overtake one of those.
    """
    rows = rows.order_by("-estimate", "pk")
    size = max(FIRST_READ, limit + 1)
    first = list(rows.values(*CANDIDATE_FIELDS, "estimate")[:size])
    if len(first) < limit:
        return first, -math.inf
    floor = first[limit - 1]["estimate"]
    cutoff = floor - climb - ROUNDING
    if len(first) == size and first[-1]["estimate"] >= cutoff:
        # More rows than one read holds are that close: read all of them.
        return list(rows.filter(estimate__gte=cutoff).values(*CANDIDATE_FIELDS, "estimate")), floor
    return [row for row in first if row["estimate"] >= cutoff], floor


def _close_to_best(rows, limit, climb):
    """Of two pools put together, the rows _pool would have kept from both at once."""
    if len(rows) < limit:
        return rows
    floor = sorted((row["estimate"] for row in rows), reverse=True)[limit - 1]
    return [row for row in rows if row["estimate"] >= floor - climb - ROUNDING]


def _estimate(profile, facts, interests=True):
    """recommend.score in SQL for this mentee, without the shared-identity bonus (and
    without the shared interests when `interests` is False: for mentors sharing none).

    Written as SQL text: built from ORM expressions, these terms cost ~5 ms of Python on
    every recommendations page, half of it (PERFORMANCE.md). Only recommend.py's weights
    and the models' table names go into the text; the mentee's values are parameters.
    """
    links = _link_terms(profile, facts, interests=interests)
    total = _raw(*_joined(links, _column_terms(profile, facts)))
    if facts.time_zone:
        # Through the ORM: the user's table is joined under a name only the ORM knows.
        same = Case(
            When(user__time_zone=facts.time_zone, then=Value(recommend.SAME_TIME_ZONE)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        total = total + same
    return total


def _link_terms(profile, facts, interests=True, me=None):
    """The terms read from the mentor's interests and areas, as (SQL terms, parameters)."""
    me, interest_links, area_links, area = _tables(me)
    interest_ids = [interest_id for interest_id, _ in profile.labels.interests]
    terms, params = [], []
    if interests and interest_ids:
        shared = _count_at_most(
            f"SELECT 1 FROM {interest_links} l WHERE l.mentorprofile_id = {me}.id "
            f"AND l.interest_id IN ({_placeholders(interest_ids)})",
            recommend.MAX_COUNTED_INTERESTS,
        )
        terms.append(f"{_typed(recommend.PER_SHARED_INTEREST)} * {shared}")
        params += interest_ids
    offered, offered_params = _offered_terms(profile, me)
    terms += offered
    params += offered_params
    fitting = _count_at_most(
        f"SELECT 1 FROM {area_links} o JOIN {area} a ON a.id = o.area_id "
        f"WHERE o.mentorprofile_id = {me}.id AND a.stage_fit = %s",
        recommend.MAX_COUNTED_FITTING_AREAS,
    )
    terms.append(f"{_typed(recommend.PER_STAGE_FITTING_AREA)} * {fitting}")
    params.append(recommend.wanted_stage_fit(facts))
    return terms, params


def _offered_terms(profile, me=None):
    """The term for the areas sought that the mentor offers (none when none are sought)."""
    me, _, area_links, _ = _tables(me)
    area_ids = [area.id for area in profile.labels.areas]
    if not area_ids:
        return [], []
    matched = (
        f"(SELECT COUNT(*) FROM {area_links} o WHERE o.mentorprofile_id = {me}.id "
        f"AND o.area_id IN ({_placeholders(area_ids)}))"
    )
    return [f"{_typed(recommend.PER_MATCHED_AREA)} * {matched}"], area_ids


def _column_terms(profile, facts, me=None):
    """The terms read from the mentor's own row (only models.SCORING_COLUMNS), as (SQL
    terms, parameters)."""
    me = _tables(me)[0]
    stages = list(recommend.fitting_career_stages(facts))
    terms = [
        _case(f"{me}.career_stage IN ({_placeholders(stages)})", recommend.CAREER_STAGE_FIT),
        f"{_typed(recommend.ROOM_WEIGHT)} * ({me}.capacity - {me}.active_mentee_count)"
        f" / {me}.capacity",
    ]
    params = stages
    # The larger of the per-request penalty and its floor (GREATEST, which SQLite lacks).
    pending = f"{_typed(recommend.PER_PENDING_REQUEST)} * {me}.pending_request_count"
    floor = _typed(recommend.MAX_PENDING_PENALTY)
    terms.append(f"CASE WHEN {pending} < {floor} THEN {floor} ELSE {pending} END")
    modes = [mode for mode in Mode.values if getattr(profile, f"mode_{mode}")]
    if modes:
        either = " OR ".join(f"{me}.mode_{mode}" for mode in modes)
        terms.append(_case(either, recommend.SHARED_MODE, recommend.NO_SHARED_MODE))
    return terms, params


def _joined(*parts):
    """(terms, params) pairs as one, in order."""
    return [t for terms, _ in parts for t in terms], [p for _, params in parts for p in params]


def _raw(terms, params):
    return RawSQL("(" + " + ".join(terms) + ")", params, output_field=FloatField())


def _tables(me=None):
    """The mentor table's name in the SQL (`me`: an alias given it; the table's own name
    by default), then the tables of its interests, its areas and the areas."""
    mentor, *links = _quoted_tables()
    return (me or mentor, *links)


@cache
def _quoted_tables():
    quote = connection.ops.quote_name
    return (
        quote(MentorProfile._meta.db_table),
        quote(MentorProfile.interests.through._meta.db_table),
        quote(MentorProfile.areas.through._meta.db_table),
        quote(Area._meta.db_table),
    )


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
    labels = labels_of([row["pk"] for row in rows])
    shared = {
        mentor_id: [name for interest_id, name in found.interests if interest_id in interests]
        for mentor_id, found in labels.items()
    }
    return [
        Candidate(
            mentor_id=row["pk"],
            name=row["user__display_name"],
            subtitle=", ".join(p for p in (row["title"], row["department__name"] or "") if p),
            shared_interests=tuple(shared[row["pk"]]),
            areas=tuple((area.name, area.stage_fit) for area in labels[row["pk"]].areas),
            career_stage=row["career_stage"],
            modes=frozenset(label for value, label in Mode.choices if row[f"mode_{value}"]),
            time_zone=row["user__time_zone"],
            capacity=row["capacity"],
            active_mentees=row["active_mentee_count"],
            pending_requests=row["pending_request_count"],
            is_accepting=row["is_accepting"],
            response_hours=row["response_hours"],
            gender=row["gender"],
            background=row["background"],
        )
        for row in rows
    ]
