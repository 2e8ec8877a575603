"""How a person is named: their display name, or their address when they gave none."""

import pytest

from accounts.models import User
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_a_person_is_named_by_name_else_by_address():
    named = make_user(email="ada@med.example.edu", display_name="Dr. Ada Lin")
    unnamed = make_user(email="sam@med.example.edu")
    User.objects.filter(pk=unnamed.pk).update(display_name="")
    unnamed.refresh_from_db()
    assert (str(named), str(unnamed)) == ("Dr. Ada Lin", "sam@med.example.edu")
    assert User.name_from("Dr. Ada Lin", "ada@med.example.edu") == str(named)
    assert User.name_from("", "sam@med.example.edu") == str(unnamed)


def test_a_name_loaded_alone_costs_no_query(django_assert_num_queries):
    """The sweeps load names alone (only()): naming must not read each address."""
    make_user(display_name="Dr. Ada Lin")
    user = User.objects.only("display_name").get()
    with django_assert_num_queries(0):
        assert str(user) == "Dr. Ada Lin"
