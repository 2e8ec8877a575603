"""The directory without a filter: every listed mentor, in each order, counted exactly.

The page reads its count from the cache (directory.listed_count) and its rows in the order
of an index; these tests hold both to the plain ORM on varied data.
"""

import random
import re

import pytest
from django.db.models import F

from mentoring.profiles.models import MentorProfile
from tests.factories import make_mentor, make_user
from tests.matching.test_directory import names, text

ORDERS = {
    "": ["-is_accepting", "-room", "pending_request_count", "user__display_name", "pk"],
    "room": ["-is_accepting", "-room", "pending_request_count", "user__display_name", "pk"],
    "response": ["response_hours", "user__display_name", "pk"],
    "name": ["user__display_name", "pk"],
}


@pytest.fixture
def browse(client, outsider):
    client.force_login(outsider)
    return lambda query="": client.get(f"/mentors/?{query}")


@pytest.fixture
def varied(db):
    """53 mentors with many ties in every sort key (room, pending requests, names, hours)
    and a few deactivated accounts."""
    chance = random.Random(17)
    for n in range(53):
        capacity = chance.choice([1, 2, 3, 5])
        user = make_user(
            display_name=f"Dr. {chance.choice('ABCDE')} {n % 9}", is_active=n % 11 != 3
        )
        make_mentor(
            user,
            capacity=capacity,
            active_mentee_count=chance.randint(0, capacity),
            pending_request_count=chance.choice([0, 0, 1, 4]),
            is_accepting=chance.random() > 0.2,
            response_hours=chance.choice([6, 24, 24, 48]),
        )


def expected(sort):
    rows = (
        MentorProfile.objects.filter(user__is_active=True)
        .annotate(room=F("capacity") - F("active_mentee_count"))
        .order_by(*ORDERS[sort])
    )
    return [profile.user.display_name for profile in rows.select_related("user")]


@pytest.mark.parametrize("sort", list(ORDERS))
def test_every_page_shows_the_mentors_the_plain_queryset_gives_in_its_order(browse, varied, sort):
    everyone = expected(sort)
    assert len(everyone) == 48
    shown = []
    for number in (1, 2, 3):
        response = browse(f"sort={sort}&page={number}")
        assert f"{len(everyone)} mentors" in text(response)
        assert f"Page {number} of 3" in text(response)
        shown += names(response)
    assert shown == everyone


def test_a_page_past_the_end_shows_the_last(browse, varied):
    assert names(browse("page=200")) == expected("")[40:]


def test_the_count_follows_mentors_joining_and_leaving(browse, varied):
    assert "48 mentors" in text(browse())
    newcomer = make_mentor(make_user(display_name="Dr. New"))
    assert "49 mentors" in text(browse())
    newcomer.is_active = False
    newcomer.save()
    assert "48 mentors" in text(browse())
    newcomer.is_active = True
    newcomer.save(update_fields=["is_active"])
    assert "49 mentors" in text(browse())
    MentorProfile.objects.get(user=newcomer).delete()
    assert "48 mentors" in text(browse())


def test_without_a_filter_the_page_is_one_query_once_the_count_is_known(
    browse, varied, django_assert_num_queries
):
    browse()
    # Session, user, roles for the menu, the page's rows, the cards' labels.
    with django_assert_num_queries(5) as captured:
        browse("page=2")
    page = next(q["sql"] for q in captured.captured_queries if "LIMIT 20" in q["sql"])
    assert "COUNT(" not in page.upper() and re.search(r"OFFSET 20\b", page)
