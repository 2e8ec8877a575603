"""Suggestions as you type come from the shared vocabulary only: a term a single student
typed (a rare condition, a health matter) can point to that student (issue 23, hole 11)."""

import pytest

from tests.factories import make_mentee, make_mentor, make_user

URL = "/interests/suggest/?q="


def suggested(client, typed, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        return client.get(URL + typed).json()["suggestions"]


@pytest.mark.django_db
def test_a_term_fewer_than_five_people_hold_is_not_suggested(
    client, outsider, django_assert_max_num_queries
):
    for _ in range(4):
        make_mentee(interests=["Living with epilepsy"])
    # A deactivated account is no longer among the people a term hides in.
    make_mentee(make_user(is_active=False), interests=["Living with epilepsy"])
    client.force_login(outsider)
    assert suggested(client, "epilep", django_assert_max_num_queries) == []
    make_mentee(interests=["living with EPILEPSY"])
    assert suggested(client, "epilep", django_assert_max_num_queries) == ["Living with epilepsy"]


@pytest.mark.django_db
def test_a_term_a_listed_mentor_offers_is_suggested(
    client, outsider, django_assert_max_num_queries
):
    former = make_mentor(make_user(is_active=False), interests=["Wilderness medicine"])
    make_mentee(interests=["Wilderness medicine", "Global surgery"])
    client.force_login(outsider)
    assert suggested(client, "wilder", django_assert_max_num_queries) == []
    former.is_active = True
    former.save(update_fields=["is_active"])
    make_mentor(interests=["Global surgery"])
    assert suggested(client, "wilder", django_assert_max_num_queries) == ["Wilderness medicine"]
    assert suggested(client, "surg", django_assert_max_num_queries) == ["Global surgery"]
