"""The designated person reads (logged), acknowledges, answers in the private thread and
closes with an outcome; each step tells the sender, never the partner."""

import pytest
from django.urls import reverse

from mentoring.audit.models import ConcernRead
from mentoring.concerns.models import Concern, ConcernMessage
from mentoring.notifications.models import Notification
from tests.concerns.conftest import CANARY


def url(name, concern):
    return reverse(f"concerns:{name}", args=[concern.pk])


def notices_to(person):
    return list(
        Notification.objects.filter(recipient=person, kind__startswith="concern.")
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def test_the_designated_person_reads_it_and_the_read_is_logged(
    client, cast, concern, django_assert_max_num_queries
):
    client.force_login(cast.ombudsperson)
    with django_assert_max_num_queries(12):
        page = client.get(url("detail", concern))
    text = page.content.decode()
    assert CANARY in text
    assert "Student Sam" in text and "Wants to be contacted" in text
    client.get(url("detail", concern))
    reads = ConcernRead.objects.filter(concern_id=concern.pk)
    assert [(r.user, r.email) for r in reads] == [(cast.ombudsperson, cast.ombudsperson.email)] * 2


def test_the_senders_own_reads_are_not_logged(client, cast, concern):
    client.force_login(cast.mentee)
    assert CANARY in client.get(url("detail", concern)).content.decode()
    assert not ConcernRead.objects.exists()


def test_acknowledging_tells_the_sender(client, cast, concern):
    client.force_login(cast.ombudsperson)
    client.post(url("acknowledge", concern))
    concern.refresh_from_db()
    assert (concern.status, concern.acknowledged_by) == ("acknowledged", cast.ombudsperson)
    assert notices_to(cast.mentee) == ["concern.acknowledged"]
    assert notices_to(cast.mentor) == []
    # Twice is harmless: nothing more is sent.
    client.post(url("acknowledge", concern))
    assert notices_to(cast.mentee) == ["concern.acknowledged"]


def test_the_sender_may_not_acknowledge_or_close_their_own(client, cast, concern):
    client.force_login(cast.mentee)
    assert client.post(url("acknowledge", concern)).status_code == 403
    assert client.post(url("close", concern), {"outcome": "resolved"}).status_code == 403
    concern.refresh_from_db()
    assert concern.status == "sent"


def test_the_private_thread_goes_both_ways(client, cast, concern):
    client.force_login(cast.ombudsperson)
    client.post(url("reply", concern), {"text": "Thank you for telling me. Can we talk on Monday?"})
    concern.refresh_from_db()
    assert concern.status == "acknowledged"  # an answer acknowledges too
    assert notices_to(cast.mentee) == ["concern.acknowledged", "concern.reply"]
    client.force_login(cast.mentee)
    client.post(url("reply", concern), {"text": "Monday at ten suits me."})
    assert notices_to(cast.ombudsperson) == ["concern.new", "concern.reply"]
    page = client.get(url("detail", concern)).content.decode()
    assert "Can we talk on Monday?" in page and "Monday at ten suits me." in page
    assert notices_to(cast.mentor) == []
    assert notices_to(cast.coordinator) == []  # the sender chose the ombudsperson


def test_an_empty_reply_says_why_and_writes_nothing(client, cast, concern):
    client.force_login(cast.mentee)
    response = client.post(url("reply", concern), {"text": "   "})
    assert response.status_code == 200
    assert "Write a message first." in response.content.decode()
    assert not ConcernMessage.objects.exists()


def test_closing_asks_for_an_outcome_then_tells_the_sender(
    client, cast, concern, django_assert_max_num_queries
):
    client.force_login(cast.ombudsperson)
    with django_assert_max_num_queries(10):
        assert client.get(url("close", concern)).status_code == 200
    response = client.post(url("close", concern), {"outcome": "made-up"})
    assert "Select a valid choice." in response.content.decode()
    assert Concern.objects.get().status == "sent"
    client.post(url("close", concern), {"outcome": "advice"})
    concern.refresh_from_db()
    assert (concern.status, concern.outcome, concern.closed_by) == (
        "closed",
        "advice",
        cast.ombudsperson,
    )
    assert concern.acknowledged_at is not None
    closed = Notification.objects.get(recipient=cast.mentee, kind="concern.closed")
    assert "Advice given to the sender" in closed.body
    # Closed: no more writing in its thread.
    client.force_login(cast.mentee)
    client.post(url("reply", concern), {"text": "One more thing"})
    assert not ConcernMessage.objects.exists()


def test_the_list_shows_sent_and_received_concerns(
    client, cast, concern, django_assert_max_num_queries
):
    for person, label in ((cast.mentee, "You sent"), (cast.ombudsperson, "Sent to you")):
        client.force_login(person)
        with django_assert_max_num_queries(10):
            page = client.get(reverse("concerns:list")).content.decode()
        assert label in page and url("detail", concern) in page


def test_the_list_is_empty_for_others(client, cast, concern):
    client.force_login(cast.coordinator)
    page = client.get(reverse("concerns:list")).content.decode()
    assert "No concerns." in page


@pytest.mark.parametrize("who", ["mentor", "coordinator", "other_coordinator", "staff", "outsider"])
def test_everyone_else_gets_a_404_on_every_page_of_it(client, cast, concern, who):
    client.force_login(getattr(cast, who))
    for name in ("detail", "close"):
        assert client.get(url(name, concern)).status_code == 404
    for name, data in (
        ("acknowledge", {}),
        ("reply", {"text": "hi"}),
        ("close", {"outcome": "advice"}),
    ):
        assert client.post(url(name, concern), data).status_code == 404
    concern.refresh_from_db()
    assert concern.status == "sent" and not ConcernMessage.objects.exists()
    assert not ConcernRead.objects.exists()
