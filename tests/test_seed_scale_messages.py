"""seed_scale's messages: threads as the send path writes them, the benchmark's long thread
between known sign-ins, and the usual answer times the app itself would write."""

import itertools

import pytest
from django.db.models import F, Q
from django.utils import timezone

from accounts.models import User
from mentoring.conversations import responses
from mentoring.conversations.models import Message
from mentoring.mentorships.models import Mentorship
from mentoring.scale.conversing import THREAD_LENGTH
from mentoring.scale.seed import Sizes
from tests.test_seed_scale import SCALE, seed

pytestmark = pytest.mark.postgres


@pytest.fixture
def sign_ins(db, tmp_path):
    return seed(tmp_path)


def test_the_requested_messages_each_between_the_pair_of_its_mentorship(sign_ins):
    assert Message.objects.count() == Sizes().scaled(SCALE).messages
    assert not Message.objects.filter(request__isnull=False).exists()
    mentor, mentee = F("mentorship__mentor"), F("mentorship__mentee")
    strangers = Message.objects.exclude(
        Q(sender=mentor, recipient=mentee) | Q(sender=mentee, recipient=mentor)
    )
    assert not strangers.exists()
    now = timezone.now()
    assert not Message.objects.filter(Q(created_at__gt=now) | Q(read_at__gt=now)).exists()
    assert Message.objects.filter(answered_at=None).exists()


def test_a_message_is_answered_by_the_partner_s_next_one_and_the_last_run_waits(sign_ins):
    messages = Message.objects.order_by("mentorship", "created_at", "pk").values_list(
        "mentorship", "sender", "created_at", "answered_at"
    )
    for _, thread in itertools.groupby(messages, key=lambda m: m[0]):
        thread = list(thread)
        for n, (_, sender, created_at, answered_at) in enumerate(thread):
            answer = next((m for m in thread[n + 1 :] if m[1] != sender), None)
            assert answered_at == (answer[2] if answer else None)
            assert answered_at is None or answered_at > created_at


def test_the_benchmark_s_thread_is_long_and_between_its_sign_ins(sign_ins):
    thread = Mentorship.objects.get(pk=sign_ins["thread_mentorship_id"])
    assert thread.pk == sign_ins["mentorship_id"] and thread.status == "active"
    assert thread.mentee == User.objects.get(email=sign_ins["student"])
    assert thread.messages.count() == THREAD_LENGTH
    assert {m.sender_id for m in thread.messages.all()} == {thread.mentor_id, thread.mentee_id}


def test_the_usual_answer_times_are_what_the_app_would_write(sign_ins):
    seeded = list(
        Mentorship.objects.order_by("pk").values_list(
            "pk", "mentor_response_minutes", "mentee_response_minutes"
        )
    )
    assert any(minutes is not None for _, minutes, _ in seeded)
    responses.refresh_response_medians([pk for pk, _, _ in seeded])
    assert seeded == list(
        Mentorship.objects.order_by("pk").values_list(
            "pk", "mentor_response_minutes", "mentee_response_minutes"
        )
    )
