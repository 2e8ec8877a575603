"""The directory's sentences: the order the results are in, and no empty counts."""

import pytest

from tests.matching.test_directory import listed, text


@pytest.fixture
def browse(client, outsider):
    client.force_login(outsider)
    return lambda query="": client.get(f"/mentors/?{query}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sort, said",
    [
        ("response", "2 mentors, those who answer fastest first."),
        ("name", "2 mentors, by name, from A to Z."),
    ],
)
def test_the_page_says_what_it_sorts_by(browse, sort, said):
    listed("Dr. Ana Bell")
    listed("Dr. Cy Doe")
    assert said in text(browse(f"sort={sort}"))


@pytest.mark.django_db
def test_a_filter_that_matches_nobody_gives_no_zero_count(browse):
    listed("Dr. Ana Bell", interests=["Cardiology"])
    page = text(browse("interest=dermatology"))
    assert "No one matches this filter." in page
    assert "0 mentors" not in page


@pytest.mark.django_db
def test_filters_start_folded_so_that_a_phone_shows_mentors_first(browse, client):
    listed("Dr. Ana Bell")
    page = browse("").content.decode()
    assert '<details class="filters card">' in page
    assert "/static/js/filters.js" in page
    # Applied filters are counted on the folded summary and listed above the results.
    page = browse("interest=cardiology&sort=name").content.decode()
    assert '<details class="filters card">' in page
    assert "Filters and order (1 on)" in page
