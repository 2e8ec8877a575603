"""The no-fault ending: a fixed, kind message to the partner, seen before confirming; the
reason only to the designated people, and only if the person chooses."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from mentoring.concerns.ending import NEUTRAL_MESSAGE
from mentoring.concerns.models import Concern
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.models import Notification
from tests.concerns.conftest import CANARY


def end_url(cast):
    return reverse("concerns:no-fault-ending", args=[cast.mentorship.pk])


def status(cast):
    return Mentorship.objects.get(pk=cast.mentorship.pk).status


def test_the_page_shows_the_message_before_anything_happens(
    client, cast, django_assert_max_num_queries
):
    client.force_login(cast.mentee)
    detail = client.get(reverse("mentorships:detail", args=[cast.mentorship.pk]))
    assert end_url(cast) in detail.content.decode()
    with django_assert_max_num_queries(12):
        page = client.get(end_url(cast))
    assert escape(NEUTRAL_MESSAGE) in page.content.decode()
    assert status(cast) == "active"


def test_without_confirmation_nothing_ends(client, cast):
    client.force_login(cast.mentee)
    response = client.post(end_url(cast), {})
    assert "Tick this box to end the mentorship." in response.content.decode()
    assert status(cast) == "active"
    assert not Notification.objects.filter(kind="mentorship.closed").exists()


@pytest.mark.parametrize("side", ["mentee", "mentor"])
def test_ending_sends_the_partner_the_kind_message_only(
    client, cast, side, mailoutbox, django_capture_on_commit_callbacks
):
    person = getattr(cast, side)
    partner = cast.mentorship.partner_of(person)
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            end_url(cast),
            {
                "confirm": "on",
                "send_reason": "on",
                "route": "coordinator",
                "category": "boundaries",
                "reason": CANARY,
            },
        )
    mentorship = Mentorship.objects.get(pk=cast.mentorship.pk)
    assert (mentorship.status, mentorship.close_reason) == ("closed", "no_fault")
    notice = Notification.objects.get(recipient=partner, kind="mentorship.closed")
    assert notice.body == NEUTRAL_MESSAGE
    concern = Concern.objects.get()
    assert (concern.source, concern.route, concern.details) == ("ending", "coordinator", CANARY)
    assert [n.recipient for n in Notification.objects.filter(kind="concern.new")] == [
        cast.coordinator
    ]
    # The partner's page shows the kind message and nothing of the reason.
    client.force_login(partner)
    page = client.get(reverse("mentorships:detail", args=[mentorship.pk])).content.decode()
    assert escape(NEUTRAL_MESSAGE) in page and escape(CANARY) not in page
    [to_partner] = [m for m in mailoutbox if m.to == [partner.email]]
    assert NEUTRAL_MESSAGE in to_partner.body
    assert all(CANARY not in m.body and CANARY not in m.subject for m in mailoutbox)


def test_without_a_reason_nothing_goes_to_the_programme(client, cast):
    client.force_login(cast.mentor)
    client.post(end_url(cast), {"confirm": "on"})
    assert status(cast) == "closed"
    assert not Concern.objects.exists()


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        (
            {"reason": "He never came."},
            "Tick this box to send your reason, or leave the reason empty.",
        ),
        ({"send_reason": "on", "reason": " "}, "Write your reason, or untick the box above."),
        ({"send_reason": "on", "reason": "x", "route": "dean"}, "Select a valid choice."),
    ],
)
def test_a_half_given_reason_says_why_and_nothing_ends(client, cast, fields, error):
    client.force_login(cast.mentee)
    response = client.post(end_url(cast), {"confirm": "on", "route": "ombudsperson", **fields})
    assert error in response.content.decode()
    assert status(cast) == "active" and not Concern.objects.exists()


def test_a_closed_mentorship_cannot_be_ended_again(client, cast):
    client.force_login(cast.mentee)
    client.post(end_url(cast), {"confirm": "on"})
    response = client.post(end_url(cast), {"confirm": "on"}, follow=True)
    assert "already closed" in response.content.decode()
    assert Notification.objects.filter(kind="mentorship.closed").count() == 1


@pytest.mark.parametrize("who", ["outsider", "coordinator", "ombudsperson", "staff"])
def test_people_outside_the_pair_get_a_404(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(end_url(cast)).status_code == 404
    assert client.post(end_url(cast), {"confirm": "on"}).status_code == 404
    assert status(cast) == "active"


def test_the_ordinary_close_form_does_not_offer_the_no_fault_reason(client, cast):
    client.force_login(cast.mentee)
    page = client.get(reverse("mentorships:close", args=[cast.mentorship.pk]))
    assert "no_fault" not in [value for value, _ in page.context["form"].fields["reason"].choices]
