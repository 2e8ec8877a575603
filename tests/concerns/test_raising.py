"""Raising a concern from a mentorship: either side, to the route they choose; bad input
and other people's mentorships change nothing."""

import pytest
from django.urls import reverse

from mentoring.concerns.models import Concern
from mentoring.notifications.models import Notification
from tests.concerns.conftest import CANARY


def raise_url(cast):
    return reverse("concerns:raise", args=[cast.mentorship.pk])


def form(**fields):
    return {"route": "ombudsperson", "category": "boundaries", "details": CANARY, **fields}


def test_the_mentorship_page_offers_it(client, cast):
    client.force_login(cast.mentee)
    page = client.get(reverse("mentorships:detail", args=[cast.mentorship.pk])).content.decode()
    assert raise_url(cast) in page


def test_the_form_offers_both_routes_ombudsperson_first(
    client, cast, django_assert_max_num_queries
):
    client.force_login(cast.mentor)
    with django_assert_max_num_queries(12):
        page = client.get(raise_url(cast))
    assert page.status_code == 200
    assert list(page.context["form"].fields["route"].choices) == [
        ("ombudsperson", "The programme's ombudsperson"),
        ("coordinator", "The programme's coordinators"),
    ]
    assert page.context["form"]["route"].initial == "ombudsperson"


@pytest.mark.parametrize("side", ["mentee", "mentor"])
def test_either_side_sends_it_to_the_ombudsperson_alone(client, cast, side, mailoutbox):
    sender = getattr(cast, side)
    client.force_login(sender)
    response = client.post(raise_url(cast), form(wants_contact="on"))
    concern = Concern.objects.get()
    assert response.url == reverse("concerns:detail", args=[concern.pk])
    assert (concern.sender, concern.programme, concern.route) == (
        sender,
        cast.programme,
        "ombudsperson",
    )
    assert (concern.details, concern.wants_contact, concern.status) == (CANARY, True, "sent")
    notices = Notification.objects.filter(kind="concern.new")
    assert [n.recipient for n in notices] == [cast.ombudsperson]
    assert CANARY not in notices.get().body


def test_the_coordinators_route_goes_to_the_coordinators(client, cast):
    cast.programme.coordinators.add(second := cast.outsider)
    client.force_login(cast.mentee)
    client.post(raise_url(cast), form(route="coordinator"))
    recipients = Notification.objects.filter(kind="concern.new").values_list("recipient", flat=True)
    assert sorted(recipients) == sorted([cast.coordinator.pk, second.pk])


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"details": "   "}, "Say in a few words what is happening."),
        ({"details": ""}, "Say in a few words what is happening."),
        ({"details": "x" * 4001}, "Ensure this value has at most 4000 characters"),
        ({"category": "gossip"}, "Select a valid choice."),
        ({"route": "dean"}, "Select a valid choice."),
    ],
)
def test_bad_input_says_why_and_sends_nothing(client, cast, fields, error):
    client.force_login(cast.mentee)
    response = client.post(raise_url(cast), form(**fields))
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Concern.objects.exists()
    assert not Notification.objects.filter(kind="concern.new").exists()


@pytest.mark.parametrize("who", ["outsider", "other_coordinator", "staff", "coordinator"])
def test_a_mentorship_one_is_not_in_is_a_404_and_nothing_changes(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(raise_url(cast)).status_code == 404
    assert client.post(raise_url(cast), form()).status_code == 404
    assert not Concern.objects.exists()


def test_a_partner_who_coordinates_the_programme_is_never_a_recipient(client, cast):
    cast.programme.coordinators.set([cast.mentor])
    client.force_login(cast.mentee)
    page = client.get(raise_url(cast))
    assert [value for value, _ in page.context["form"].fields["route"].choices] == ["ombudsperson"]
    client.post(raise_url(cast), form(route="coordinator"))
    assert not Concern.objects.exists()
    client.post(raise_url(cast), form())
    assert not Notification.objects.filter(recipient=cast.mentor, kind__startswith="concern")
    client.force_login(cast.mentor)
    assert (
        client.get(reverse("concerns:detail", args=[Concern.objects.get().pk])).status_code == 404
    )


def test_with_no_one_named_nothing_is_sent_and_the_page_says_so(client, cast):
    cast.programme.coordinators.clear()
    cast.programme.ombudspeople.clear()
    client.force_login(cast.mentee)
    page = client.get(raise_url(cast)).content.decode()
    assert "No one is named yet" in page
    assert client.post(raise_url(cast), form()).status_code == 200
    assert not Concern.objects.exists()
