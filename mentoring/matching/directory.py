"""The faculty directory: filters read from the URL, one queryset, and help when nothing matches.

Every filter is a Q on MentorProfile rows (related tables through EXISTS), so the same
filters serve the page query and the single aggregate that counts what dropping each
one would show.
"""

import re
from array import array

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q
from django.http import QueryDict

from mentoring.lib.cache_keys import fields_key
from mentoring.matching.kept import kept
from mentoring.matching.labels import labels_of
from mentoring.matching.programmes import in_programme
from mentoring.profiles.models import (
    Area,
    CareerStage,
    Department,
    Interest,
    MentorProfile,
    Mode,
    normalise_term,
)

SORTS = [
    ("", "Best match"),
    ("room", "Most room first"),
    ("response", "Fastest to answer"),
    ("name", "Name"),
]
# Each order in words, for the line above the results: on a phone the sort menu is folded away.
SORT_LABELS = {
    "": "those with the most room first",
    "room": "those with the most room first",
    "response": "those who answer fastest first",
    "name": "by name, from A to Z",
}
RELEVANCE_LABEL = "best matches for your search first"
FILTER_LABELS = {
    "q": "search",
    "interest": "interest",
    "department": "department",
    "area": "area",
    "stage": "career stage",
    "mode": "meeting mode",
    "accepting": "accepting now",
    "room": "has room",
}
# What a card shows (matching/_mentor_card.html): the long texts stay in the database.
# The department's name comes as an annotation (department_name): as select_related it
# made another model instance per card, a tenth of the page's Python under load.
CARD_FIELDS = [
    "display_name",
    "title",
    "specialty",
    "career_stage",
    *(f"mode_{mode}" for mode in Mode.values),
    "capacity",
    "is_accepting",
    "active_mentee_count",
    "response_hours",
    # For "availability not confirmed" (MentorProfile.availability_unconfirmed).
    "availability_awaited_since",
]


CHOICES_KEY = "directory-choices:2"
# Departments and areas change through the admin, whose saves forget the cached choices;
# this bounds how long a change made any other way (a bulk load) takes to show.
CHOICES_KEPT_FOR = 10 * 60


def select_choices():
    """The departments and areas the filters offer, as (value, name) pairs, and each area's
    id by its slug ("area_ids"), from the cache."""
    choices = cache.get(CHOICES_KEY)
    if choices is None:
        areas = Area.objects.values_list("slug", "name", "pk")
        choices = {
            "department": list(Department.objects.values_list("pk", "name")),
            "area": [(slug, name) for slug, name, _ in areas],
            "area_ids": {slug: pk for slug, _, pk in areas},
        }
        cache.set(CHOICES_KEY, choices, CHOICES_KEPT_FOR)
    return choices


def forget_choices(**kwargs):
    """Signal receiver: a department or an area was saved or deleted."""
    cache.delete(CHOICES_KEY)


class DirectoryForm(forms.Form):
    """Directory filters. Bad values are dropped one by one, never the whole search."""

    q = forms.CharField(label="Search", max_length=200, required=False)
    interest = forms.CharField(label="Interest", max_length=80, required=False)
    department = forms.TypedChoiceField(
        label="Department",
        coerce=int,
        required=False,
    )
    area = forms.ChoiceField(label="Area offered", required=False)
    stage = forms.ChoiceField(
        label="Career stage",
        choices=[("", "Any")] + CareerStage.choices,
        required=False,
    )
    mode = forms.ChoiceField(
        label="Meets by",
        choices=[("", "Any")] + Mode.choices,
        required=False,
    )
    accepting = forms.BooleanField(label="Accepting new mentees", required=False)
    room = forms.BooleanField(label="Has room now", required=False)
    sort = forms.ChoiceField(label="Sort", choices=SORTS, required=False)

    def __init__(self, data):
        super().__init__(data)
        self.choices = select_choices()
        self.fields["department"].choices = [("", "Any"), *self.choices["department"]]
        self.fields["area"].choices = [("", "Any"), *self.choices["area"]]

    def cache_key(self):
        """What the rendered filter fields depend on: the values asked for, the choices and
        the templates (matching/directory.html caches the fields under it). Rendering them
        cost a fifth of the page's Python; two people with the same filters share it."""
        data = self.data
        if not isinstance(data, QueryDict):
            data = QueryDict(mutable=True)
            data.update(self.data)
        asked = [(name, data.getlist(name)) for name in self.fields if name in data]
        return fields_key(asked, self.choices)

    def filters(self):
        """The valid, non-empty filters as {name: value}."""
        self.is_valid()
        values = getattr(self, "cleaned_data", {})
        return {
            name: values[name]
            for name in FILTER_LABELS
            if name in values and values[name] not in ("", None, False)
        }

    def sort_order(self):
        self.is_valid()
        return self.cleaned_data.get("sort", "")

    def sort_label(self):
        """The order the results are in, as page_of chooses it."""
        sort = self.sort_order()
        if ranks_by_relevance(self.filters(), sort):
            return RELEVANCE_LABEL
        return SORT_LABELS[sort]

    def describe(self, name, value):
        """A filter's value as a person would say it: a department's name, not its id."""
        choices = getattr(self.fields[name], "choices", None)
        if choices:
            return dict(choices).get(value, value)
        return FILTER_LABELS[name] if value is True else value

    def ignored(self):
        """Human descriptions of the values that could not be used."""
        self.is_valid()
        ignored = [
            f"{FILTER_LABELS.get(name, name)} “{self.data.get(name, '')[:80]}”"
            for name in self.errors
        ]
        # The paginator quietly shows page 1 for a page that is not a number; say so.
        page = self.data.get("page", "")
        if page and not page.isdigit():
            ignored.append(f"page “{page[:80]}”")
        return ignored


def search_words(text):
    return re.findall(r"\w+", text.lower())[:10]


def search_query(words):
    # Prefix match on each word: "pharm" finds "pharmacology".
    return SearchQuery(" & ".join(f"{w}:*" for w in words), config="english", search_type="raw")


def search_q(text):
    words = search_words(text)
    if not words:
        return Q()
    if connection.vendor == "postgresql":
        return Q(search_vector=search_query(words))
    return Q(*[Q(search_text__icontains=w) for w in words])


def _through_exists(through, **lookups):
    return Exists(through.objects.filter(mentorprofile_id=OuterRef("pk"), **lookups))


def filter_q(name, value):
    match name:
        case "q":
            return search_q(value)
        case "interest":
            # The interests containing the text, looked up first: with their ids in the SQL the
            # planner joins through the interest index, where a LIKE inside the EXISTS had it
            # probe every candidate mentor's interests one by one.
            key = normalise_term(value)
            ids = list(
                Interest.objects.filter(key__contains=key).order_by().values_list("pk", flat=True)
            )
            return Q(_through_exists(MentorProfile.interests.through, interest_id__in=ids))
        case "department":
            return Q(department_id=value)
        case "area":
            # By id, a value the planner can estimate the area's mentors from, unlike a join
            # or a sub-query: given the id, it starts from the rarer of the interest and the
            # area (the benchmark's count: 11 ms -> 6 ms). No such area matches no one.
            area_id = select_choices()["area_ids"].get(value)
            return Q(_through_exists(MentorProfile.areas.through, area_id=area_id))
        case "stage":
            return Q(career_stage=value)
        case "mode":
            return Q(**{f"mode_{value}": True})
        case "accepting":
            return Q(is_accepting=True)
        case "room":
            return Q(is_accepting=True, active_mentee_count__lt=F("capacity"))
    raise ValueError(name)


def listed(programme_id=None):
    """The listed mentors; only those who mentor in programme_id when one is given."""
    queryset = MentorProfile.objects.listed()
    if programme_id is not None:
        queryset = queryset.filter(in_programme(programme_id))
    return queryset


def matching(filters, programme_id=None):
    queryset = listed(programme_id)
    for name, value in filters.items():
        queryset = queryset.filter(filter_q(name, value))
    return queryset


# Each order the sort menu offers, in full: the mentor's name and the id break ties. Each is
# an index of MentorProfile (models.py, mentor_directory_*), so that a page of all listed
# mentors is read from an index range, sorting nothing. Best match without a search, and
# "most room": spread requests over those with room.
ORDERS = {
    "": ["-is_accepting", "-room", "pending_request_count", "display_name", "pk"],
    "room": ["-is_accepting", "-room", "pending_request_count", "display_name", "pk"],
    "response": ["response_hours", "display_name", "pk"],
    "name": ["display_name", "pk"],
}


def in_order(filters, sort="", programme_id=None):
    """Mentor profiles matching every filter, in the chosen order."""
    room = F("capacity") - F("active_mentee_count")
    return matching(filters, programme_id).alias(room=room).order_by(*ORDERS[sort])


def with_card_fields(queryset):
    """What a card shows but the interest and area names (label_cards adds those)."""
    return queryset.only(*CARD_FIELDS).annotate(department_name=F("department__name"))


def search(filters, sort="", programme_id=None):
    """Mentor profiles matching every filter, in the chosen order, with what a card shows."""
    return with_card_fields(in_order(filters, sort, programme_id))


def label_cards(profiles):
    """Give each profile its interest_names and area_names, in the order the models keep
    them (labels.py: one query for the page)."""
    labels = labels_of([profile.pk for profile in profiles])
    for profile in profiles:
        profile.interest_names = [name for _, name in labels[profile.pk].interests]
        profile.area_names = [area.name for area in labels[profile.pk].areas]
    return profiles


def relaxations(filters, programme_id=None):
    """For an empty result: how many mentors dropping each filter would show, in one query.

    Returns [(filter name, label, value, count)] for the filters whose removal helps,
    most helpful first.
    """
    if not filters:
        return []
    conditions = {name: filter_q(name, value) for name, value in filters.items()}
    counts = {}
    for name in filters:
        others = Q()
        for other, condition in conditions.items():
            if other != name:
                others &= condition
        counts[name] = Count("pk", filter=others)
    totals = listed(programme_id).aggregate(**counts)
    helpful = [(name, FILTER_LABELS[name], filters[name], n) for name, n in totals.items() if n]
    return sorted(helpful, key=lambda row: -row[3])


def ranks_by_relevance(filters, sort):
    """Without a chosen order, a search by words is ranked by how well each mentor matches
    (PostgreSQL's full text search only)."""
    words = search_words(filters.get("q", ""))
    return not sort and bool(words) and connection.vendor == "postgresql"


def page_of(filters, sort, number, size, programme_id=None):
    """The page `number` of the matches in the chosen order, its cards labelled, and the
    count; only mentors of programme_id when one is given (programmes.programme_filter)."""
    page = MatchesPaginator(filters, sort, size, programme_id).get_page(number)
    label_cards(page.object_list)
    return page


class MatchesPaginator(Paginator):
    """Pages of the directory: every match's id in order, kept until a mentor changes
    (kept.py), so that the count is its length and a page reads only its own 20 rows, by
    id, whatever its number. Computed afresh on each request, the count of a filtered page
    cost a query of its own (3.3 ms of PostgreSQL for the benchmark's filters), a search
    ranked every match (2,020 for a common word) to show 20, and page 200 of every mentor
    skipped 3,980 entries of an index (PERFORMANCE.md). Without a filter the ids (9,900 on
    the scale data) are read in the order of one of MentorProfile's indexes (ORDERS)."""

    def __init__(self, filters, sort, per_page, programme_id=None):
        super().__init__(matching_ids(filters, sort, programme_id), per_page)

    def page(self, number):
        page = super().page(number)
        ids = list(page.object_list)
        rows = {row.pk: row for row in with_card_fields(listed().filter(pk__in=ids))}
        # A mentor unlisted since the ids were kept has changed the listing version; only
        # one who left between reading the version and reading the rows can be missing.
        page.object_list = [rows[pk] for pk in ids if pk in rows]
        return page


def matching_ids(filters, sort, programme_id=None):
    """The id of every listed mentor matching the filters, in the page's order, kept
    (kept.py)."""
    relevance = ranks_by_relevance(filters, sort)
    # The search in words, not as typed: "Cardiology!" and "cardiology" are one result.
    asked = {**filters, "q": search_words(filters.get("q", ""))}
    parts = (sorted(asked.items()), sort, programme_id, relevance)
    queryset = ranked if relevance else in_order
    # As an array: the cache gives back every listed mentor's id (9,900 on the scale data)
    # in 0.25 ms, against 0.45 ms as a list of int objects.
    return kept(
        "directory-id-array",
        parts,
        lambda: array("q", queryset(filters, sort, programme_id).values_list("pk", flat=True)),
    )


def ranked(filters, sort="", programme_id=None):
    """The matches of a search by words, best first: ranked on the stored search vector
    (PostgreSQL only), ties in the order of names."""
    rank = SearchRank(F("search_vector"), search_query(search_words(filters["q"])))
    return (
        matching(filters, programme_id).annotate(rank=rank).order_by("-rank", "display_name", "pk")
    )
