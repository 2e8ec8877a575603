"""A concern waiting for acknowledgement is on its designated person's home page, with a
"Concerns" link in their menu; no one else's home says anything of it."""

import pytest
from django.urls import reverse

from mentoring.concerns.handling import acknowledge
from mentoring.concerns.models import Route
from tests.concerns.conftest import CANARY, raise_one

pytestmark = pytest.mark.django_db

STEP = "1 confidential concern waits for you to acknowledge it."


def home(client, person):
    client.force_login(person)
    return client.get(reverse("home")).content.decode()


def test_the_ombudsperson_is_told_until_they_acknowledge(
    client, cast, django_assert_max_num_queries
):
    concern = raise_one(cast)
    client.force_login(cast.ombudsperson)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("home")).content.decode()
    assert STEP in page
    assert f'href="{reverse("concerns:list")}"' in page
    assert CANARY not in page

    acknowledge(concern, cast.ombudsperson)
    page = home(client, cast.ombudsperson)
    assert STEP not in page
    assert f'href="{reverse("concerns:list")}"' in page  # the menu and card stay: their list
    assert "Confidential concerns" in page
    assert "You have no role yet" not in page  # hearing concerns is their role here


def test_the_route_the_sender_chose_decides_who_is_told(client, cast):
    raise_one(cast, route=Route.COORDINATOR)
    assert STEP in home(client, cast.coordinator)
    assert STEP not in home(client, cast.ombudsperson)


@pytest.mark.parametrize("who", ["mentor", "other_coordinator", "staff", "outsider"])
def test_no_one_else_hears_of_it(client, cast, who):
    raise_one(cast)
    page = home(client, getattr(cast, who))
    assert STEP not in page
    assert CANARY not in page
    # Another programme's coordinator hears that programme's concerns: their card stays.
    assert ("Confidential concerns" in page) == (who == "other_coordinator")
