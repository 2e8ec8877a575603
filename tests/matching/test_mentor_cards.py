"""The directory's mentor cards, kept in the cache under a hash of what they show."""

import re
from unittest import mock

import pytest
from django.core.cache import cache

from mentoring.matching import cards
from mentoring.profiles.models import Interest
from tests.matching.test_directory import DIRECTORY_QUERIES, listed


def card_list(response):
    return re.search(r'<ul class="list mentor-cards">.*?</ul>', response.content.decode(), re.S)[0]


@pytest.fixture
def zara(db):
    return listed(
        "Dr. Zara Reyes",
        interests=["Clinical pharmacology"],
        areas=["research"],
        department="Psychiatry",
        title="Professor",
        capacity=3,
    )


@pytest.fixture
def visit(client):
    def visit(user, query=""):
        client.force_login(user)
        return client.get(f"/mentors/?{query}")

    return visit


def test_a_changed_profile_shows_at_once(visit, outsider, zara):
    assert "Professor" in card_list(visit(outsider))
    zara.title = "Associate professor"
    zara.active_mentee_count = 1
    zara.save()
    zara.interests.add(*Interest.objects.for_names(["Sleep medicine"]))
    shown = card_list(visit(outsider))
    assert "Associate professor" in shown
    assert "Sleep medicine" in shown
    assert "2 of 3 places free" in shown


def test_a_renamed_mentor_shows_at_once(visit, outsider, zara):
    visit(outsider)
    zara.user.display_name = "Dr. Zara Reyes-Okafor"
    zara.user.save()
    assert "Dr. Zara Reyes-Okafor" in card_list(visit(outsider))


def test_every_viewer_gets_the_same_cards(visit, outsider, mentee, mentor, zara):
    first = card_list(visit(outsider))
    assert card_list(visit(mentee)) == first
    assert card_list(visit(mentor)) == first
    assert "Unrelated Student" not in first


def test_cached_cards_are_the_cards_the_template_draws(visit, outsider, mentor, zara):
    fresh = card_list(visit(outsider))
    assert card_list(visit(outsider)) == fresh
    cache.clear()
    assert card_list(visit(outsider)) == fresh


def test_one_round_trip_to_read_and_one_to_write(visit, outsider, mentor, zara):
    with mock.patch.object(cards, "cache", wraps=cache) as spy:
        visit(outsider)
        assert [call[0] for call in spy.method_calls] == ["get_many", "set_many"]
        assert len(spy.set_many.call_args.args[0]) == 2
        spy.reset_mock()
        visit(outsider)
        assert [call[0] for call in spy.method_calls] == ["get_many"]


@pytest.mark.parametrize("warm", [False, True])
def test_cards_cost_no_queries(client, outsider, mentor, zara, warm, django_assert_max_num_queries):
    client.force_login(outsider)
    if warm:
        client.get("/mentors/")
    # Cold, one more: the count of every listed mentor, then kept in the cache.
    with django_assert_max_num_queries(DIRECTORY_QUERIES + (0 if warm else 1)):
        assert "Dr. Zara Reyes" in card_list(client.get("/mentors/"))
