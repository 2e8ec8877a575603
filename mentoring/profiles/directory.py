"""The faculty directory: filters read from the URL, one queryset, and help when nothing matches.

Every filter is a Q on MentorProfile rows (related tables through EXISTS), so the same
filters serve the page query and the single aggregate that counts what dropping each
one would show.
"""

import re

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q

from mentoring.profiles.models import (
    Area,
    CareerStage,
    Department,
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
# A search vector over the one denormalised column; the GIN index (migration 0003) matches it.
SEARCH_VECTOR = SearchVector("search_text", config="english")


class DirectoryForm(forms.Form):
    """Directory filters. Bad values are dropped one by one, never the whole search."""

    q = forms.CharField(label="Search", max_length=200, required=False)
    interest = forms.CharField(label="Interest", max_length=80, required=False)
    department = forms.TypedChoiceField(label="Department", coerce=int, required=False)
    area = forms.ChoiceField(label="Area offered", required=False)
    stage = forms.ChoiceField(
        label="Career stage", choices=[("", "Any")] + CareerStage.choices, required=False
    )
    mode = forms.ChoiceField(label="Meets by", choices=[("", "Any")] + Mode.choices, required=False)
    accepting = forms.BooleanField(label="Accepting new mentees", required=False)
    room = forms.BooleanField(label="Has room now", required=False)
    sort = forms.ChoiceField(label="Sort", choices=SORTS, required=False)

    def __init__(self, data):
        super().__init__(data)
        self.fields["department"].choices = [("", "Any")] + list(
            Department.objects.values_list("pk", "name")
        )
        self.fields["area"].choices = [("", "Any")] + list(Area.objects.values_list("slug", "name"))

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


def search_q(text):
    words = search_words(text)
    if not words:
        return Q()
    if connection.vendor == "postgresql":
        # Prefix match on each word: "pharm" finds "pharmacology".
        query = SearchQuery(
            " & ".join(f"{w}:*" for w in words), config="english", search_type="raw"
        )
        return Q(search_vector=query)
    return Q(*[Q(search_text__icontains=w) for w in words])


def _through_exists(through, **lookups):
    return Exists(through.objects.filter(mentorprofile_id=OuterRef("pk"), **lookups))


def filter_q(name, value):
    match name:
        case "q":
            return search_q(value)
        case "interest":
            key = normalise_term(value)
            return Q(_through_exists(MentorProfile.interests.through, interest__key__contains=key))
        case "department":
            return Q(department_id=value)
        case "area":
            return Q(_through_exists(MentorProfile.areas.through, area__slug=value))
        case "stage":
            return Q(career_stage=value)
        case "mode":
            return Q(**{f"mode_{value}": True})
        case "accepting":
            return Q(is_accepting=True)
        case "room":
            return Q(is_accepting=True, active_mentee_count__lt=F("capacity"))
    raise ValueError(name)


def base_queryset():
    queryset = MentorProfile.objects.listed()
    if connection.vendor == "postgresql":
        queryset = queryset.annotate(search_vector=SEARCH_VECTOR)
    return queryset


def search(filters, sort=""):
    """Mentor profiles matching every filter, in the chosen order, ready for a page of cards."""
    queryset = base_queryset()
    for name, value in filters.items():
        queryset = queryset.filter(filter_q(name, value))
    queryset = queryset.select_related("user", "department").prefetch_related("interests", "areas")
    room = F("capacity") - F("active_mentee_count")
    if not sort and filters.get("q") and connection.vendor == "postgresql":
        words = search_words(filters["q"])
        query = SearchQuery(
            " & ".join(f"{w}:*" for w in words), config="english", search_type="raw"
        )
        return queryset.annotate(rank=SearchRank(SEARCH_VECTOR, query)).order_by(
            "-rank", "user__display_name", "pk"
        )
    if sort == "name":
        return queryset.order_by("user__display_name", "pk")
    if sort == "response":
        return queryset.order_by("response_hours", "user__display_name", "pk")
    # Best match without a search, and "most room": spread requests over those with room.
    return queryset.annotate(room=room).order_by(
        "-is_accepting", "-room", "pending_request_count", "user__display_name", "pk"
    )


def relaxations(filters):
    """For an empty result: how many mentors dropping each filter would show, in one query.

    Returns [(filter name, label, value, count)] for the filters whose removal helps,
    most helpful first.
    """
    if not filters:
        return []
    counts = {}
    for name in filters:
        others = Q()
        for other, value in filters.items():
            if other != name:
                others &= filter_q(other, value)
        counts[name] = Count("pk", filter=others)
    totals = base_queryset().aggregate(**counts)
    helpful = [(name, FILTER_LABELS[name], filters[name], n) for name, n in totals.items() if n]
    return sorted(helpful, key=lambda row: -row[3])
