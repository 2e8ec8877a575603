"""The directory at scale: search ranking on the stored vector, paging with the count on the
page query, interests matched by id, and the filter form's HTML written in Python."""

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

from mentoring.profiles.models import MentorProfile
from tests.matching.test_directory import listed, names, text


@pytest.fixture
def browse(client, outsider):
    client.force_login(outsider)
    return lambda query="": client.get(f"/mentors/?{query}")


@pytest.mark.postgres
def test_search_ranks_as_the_text_itself_would(browse, db):
    for n, bio in enumerate(["sleep", "sleep sleep sleep", "", "sleep apnoea and sleep", "sleepy"]):
        listed(f"Dr. Rank {5 - n}", interests=[] if n % 2 else ["Sleep medicine"], bio=bio)
    listed("Dr. Awake", bio="cardiology")
    # The rank that the expression index of migration 0003 computed from the text each time.
    query = SearchQuery("sleep:*", config="english", search_type="raw")
    vector = SearchVector("search_text", config="english")
    expected = (
        MentorProfile.objects.annotate(rank=SearchRank(vector, query))
        .filter(rank__gt=0)
        .order_by("-rank", "user__display_name", "pk")
        .values_list("user__display_name", flat=True)
    )
    assert names(browse("q=sleep")) == list(expected)
    assert len(expected) == 5


@pytest.mark.postgres
def test_a_search_pages_best_first_and_counts_only_those_listed(
    browse, db, django_assert_max_num_queries
):
    # Ranked and counted in one query (directory.CountingPaginator): who is listed and
    # what is counted must still be the page's.
    listed("Dr. Best", bio="sleep sleep sleep")
    for n in range(22):
        listed(f"Dr. Sleep {n:02}", bio="sleep")
    gone = listed("Dr. Gone", bio="sleep sleep sleep sleep")
    gone.user.is_active = False
    gone.user.save()
    with django_assert_max_num_queries(12):
        first = browse("q=sleep")
    assert names(first) == ["Dr. Best", *(f"Dr. Sleep {n:02}" for n in range(19))]
    assert "23 mentors match" in text(first) and "Page 1 of 2" in text(first)
    for page in ["page=2", "page=9", "page=99999999999999999999999999999999"]:
        later = browse(f"q=sleep&{page}")
        assert names(later) == ["Dr. Sleep 19", "Dr. Sleep 20", "Dr. Sleep 21"]
        assert "23 mentors match" in text(later) and "Page 2 of 2" in text(later)


@pytest.mark.parametrize("sort", ["", "name"])  # counted with the page, or apart
def test_a_page_past_the_end_shows_the_last(browse, db, sort):
    for n in range(23):
        listed(f"Dr. Page {n:02}", interests=["Pharmacology"])
    # The last is past any OFFSET PostgreSQL takes: once a 500 (tests/security/test_fuzz.py).
    for page in ["page=9", "page=0", "page=-1", "page=99999999999999999999999999999999"]:
        response = browse(f"interest=pharmacology&sort={sort}&{page}")
        assert names(response) == ["Dr. Page 20", "Dr. Page 21", "Dr. Page 22"]
        assert "23 mentors match" in text(response) and "Page 2 of 2" in text(response)


def test_nobody_at_all_says_so_without_a_zero(browse, db):
    page = text(browse())
    assert "No faculty have a mentor profile yet." in page
    assert "0 mentors" not in page


def test_interest_text_matches_every_interest_containing_it(browse, db):
    listed("Dr. Child", interests=["Child psychiatry"])
    listed("Dr. Addiction", interests=["Addiction psychiatry"], is_accepting=False)
    listed("Dr. Surgeon", interests=["Surgery"])
    assert names(browse("interest=Psychiatry")) == ["Dr. Child", "Dr. Addiction"]


def test_an_interest_nobody_has_offers_to_drop_it(browse, db):
    listed("Dr. Late", career_stage="late")
    response = browse("interest=astrology&stage=late")
    assert names(response) == []
    assert "Drop interest “astrology” to see 1 mentor." in text(response)
