"""Pages that do not count (lib/pagination.py): each page shows what Paginator's would, says
whether an older one exists, and past the end gives the last page."""

import pytest
from django.core.paginator import Paginator

from accounts.models import User
from mentoring.lib.pagination import open_ended_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    User.objects.bulk_create(
        User(email=f"p{n:02}@school.edu", display_name=f"P{n:02}") for n in range(23)
    )
    return User.objects.order_by("email")


@pytest.mark.parametrize("number", [1, 2, 3])
def test_each_page_holds_what_the_counting_paginator_would(people, number):
    counted = Paginator(people, 10).get_page(number)
    page = open_ended_page(people, 10, number)
    assert list(page) == list(counted.object_list)
    assert page.number == counted.number
    assert page.has_next() == counted.has_next()
    assert page.has_previous() == counted.has_previous()


def test_a_full_last_page_has_no_next(people):
    page = open_ended_page(people.exclude(email__startswith="p2"), 10, 2)
    assert len(page) == 10 and not page.has_next() and page.has_previous()


@pytest.mark.parametrize("number", ["9", "x", None, "0", "-4", str(2**70)])
def test_past_the_end_or_not_a_page_number(people, number):
    page = open_ended_page(people, 10, number)
    expected = 3 if number in ("9", str(2**70)) else 1
    assert page.number == expected
    assert list(page) == list(Paginator(people, 10).page(expected).object_list)


def test_nothing_at_all_is_one_empty_page():
    page = open_ended_page(User.objects.none(), 10, 5)
    assert list(page) == [] and page.number == 1 and not page.has_other_pages()
