"""The directory without a filter: every listed mentor, in each order, counted exactly.

The page reads every listed mentor's id in order from the cache (directory.MatchesPaginator,
kept until a mentor changes) and its own rows by id; these tests hold both to the plain ORM
on varied data.
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


def test_without_a_filter_a_page_is_one_query_once_the_order_is_kept(
    browse, varied, django_assert_num_queries
):
    browse()
    second = expected("")[20:40]
    # Session, user, roles for the menu, the page's rows by id, the cards' labels.
    with django_assert_num_queries(5) as captured:
        assert names(browse("page=2")) == second
    page = next(q["sql"] for q in captured.captured_queries if "accepting" in q["sql"])
    assert "COUNT(" not in page.upper() and not re.search(r"OFFSET|LIMIT", page)


def shown_in_every_order(browse):
    """Every listed mentor's name, in each order the sort menu offers, as the pages show."""
    return {
        sort: [name for number in (1, 2, 3) for name in names(browse(f"sort={sort}&page={number}"))]
        for sort in ORDERS
    }


def test_the_directory_follows_a_rename_and_a_deactivation_made_in_the_admin(client, staff, varied):
    """The directory orders on the profile's copies of the account's name and active flag
    (MentorProfile.display_name, is_listed): a change made where accounts are edited must
    reach them, and every page stay what the plain queryset over the users gives."""
    renamed, gone = MentorProfile.objects.listed().order_by("pk")[:2]
    client.force_login(staff)
    for profile, changes in [(renamed, {"display_name": "Dr. AAA First"}), (gone, {})]:
        user = profile.user
        data = {
            "email": user.email,
            "display_name": user.display_name,
            "time_zone": "UTC",
            "is_active": "on",
            "date_joined_0": "2026-01-05",
            "date_joined_1": "09:00:00",
            # The e-mail address and two-factor inlines, left as they are.
            "emailaddress_set-TOTAL_FORMS": "0",
            "emailaddress_set-INITIAL_FORMS": "0",
            "authenticator_set-TOTAL_FORMS": "0",
            "authenticator_set-INITIAL_FORMS": "0",
        } | changes
        if profile == gone:
            del data["is_active"]
        response = client.post(f"/admin/accounts/user/{user.pk}/change/", data)
        assert response.status_code == 302
    renamed.refresh_from_db()
    gone.refresh_from_db()
    assert (renamed.display_name, renamed.is_listed) == ("Dr. AAA First", True)
    assert (gone.display_name, gone.is_listed) == (gone.user.display_name, False)

    client.force_login(make_user())
    shown = shown_in_every_order(lambda query: client.get(f"/mentors/?{query}"))
    assert shown == {sort: expected(sort) for sort in ORDERS}
    assert all("Dr. AAA First" in in_order for in_order in shown.values())
    assert all(len(in_order) == 47 for in_order in shown.values())


def test_the_directory_follows_a_rename_in_account_settings_and_a_reactivation(
    client, browse, varied
):
    inactive = MentorProfile.objects.filter(user__is_active=False).select_related("user")
    # Made for accounts already deactivated, the profiles are unlisted from the start.
    assert {p.pk for p in inactive} == set(
        MentorProfile.objects.filter(is_listed=False).values_list("pk", flat=True)
    )
    back = inactive.first().user
    back.is_active = True
    back.save(update_fields=["is_active"])
    mover = MentorProfile.objects.listed().order_by("pk").last().user
    client.force_login(mover)
    client.post("/account/settings/", {"display_name": "Dr. ZZZ Last", "time_zone": "UTC"})
    assert MentorProfile.objects.get(user=mover).display_name == "Dr. ZZZ Last"
    assert MentorProfile.objects.get(user=back).is_listed

    shown = shown_in_every_order(browse)
    assert shown == {sort: expected(sort) for sort in ORDERS}
    assert all("Dr. ZZZ Last" in in_order for in_order in shown.values())
    assert all(len(in_order) == 49 for in_order in shown.values())
