"""When people leave: a sender's concerns lose their words, thread and sender but stay as a
count; the designated person sees that the sender left. Anyone else leaving changes none
of the sender's concern."""

from django.urls import reverse

from mentoring.audit.models import ConcernRead
from mentoring.concerns import handling
from mentoring.concerns.models import Concern, ConcernMessage
from mentoring.records.account_deletion import delete_account
from tests.concerns.conftest import CANARY


def test_a_leaving_sender_takes_the_words_and_thread_with_them(client, cast, concern):
    handling.reply(concern, cast.ombudsperson, "Can we talk?")
    client.force_login(cast.ombudsperson)
    client.get(reverse("concerns:detail", args=[concern.pk]))
    delete_account(cast.mentee)
    concern.refresh_from_db()
    assert (concern.sender, concern.details, concern.wants_contact) == (None, "", False)
    assert (concern.status, concern.outcome) == ("closed", "sender_left")
    assert not ConcernMessage.objects.exists()
    assert ConcernRead.objects.filter(concern_id=concern.pk).exists()  # the trail stays
    page = client.get(reverse("concerns:detail", args=[concern.pk])).content.decode()
    assert "deleted their account" in page and CANARY not in page


def test_an_unread_concern_is_closed_without_counting_as_acknowledged(cast, concern):
    delete_account(cast.mentee)
    concern.refresh_from_db()
    assert (concern.status, concern.acknowledged_at) == ("closed", None)


def test_the_partner_leaving_keeps_the_senders_concern(cast, concern):
    delete_account(cast.mentor)
    concern.refresh_from_db()
    assert (concern.sender, concern.details, concern.status) == (cast.mentee, CANARY, "sent")
    assert concern.mentorship_id == cast.mentorship.pk


def test_a_designated_person_leaving_keeps_their_answers_unsigned(cast, concern):
    handling.reply(concern, cast.ombudsperson, "I have spoken to them.")
    delete_account(cast.ombudsperson)
    message = ConcernMessage.objects.get()
    assert (message.author, message.text) == (None, "I have spoken to them.")
    assert Concern.objects.get().acknowledged_by is None


def test_with_both_gone_the_designated_person_still_sees_the_stub(client, cast, concern):
    delete_account(cast.mentor)
    delete_account(cast.mentee)
    concern.refresh_from_db()
    assert concern.mentorship is None
    client.force_login(cast.ombudsperson)
    page = client.get(reverse("concerns:detail", args=[concern.pk])).content.decode()
    assert "A mentorship that no longer exists" in page
