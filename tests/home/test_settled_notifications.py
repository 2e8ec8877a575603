"""A notification that asked someone to act stops counting as unread once the act is done:
by the event itself, not by the person clearing their inbox."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.feedback import reassessment as prompts
from mentoring.feedback.models import Reassessment
from mentoring.mentorships import asking
from mentoring.mentorships.reminders import expire_requests
from mentoring.notifications.models import Notification
from tests.factories import make_mentorship

pytestmark = pytest.mark.django_db


def unread(user):
    return list(Notification.objects.for_user(user).unread().values_list("kind", flat=True))


def test_answering_a_request_settles_the_answerers_notice_not_the_senders(client, mentor, mentee):
    request_obj = asking.ask(mentee, mentor, message="Would you mentor me?")
    assert unread(mentor) == ["request.new"]
    asking.decline(request_obj, mentor, "Not this term, sorry.")
    assert unread(mentor) == []
    assert unread(mentee) == ["request.declined"]
    client.force_login(mentor)
    assert "No unread notifications." in client.get(reverse("home")).content.decode()


def test_a_withdrawn_request_no_longer_waits_on_the_mentor(mentor, mentee, other_faculty):
    asking.ask(mentee, other_faculty)
    withdrawn = asking.ask(mentee, mentor)
    asking.withdraw(withdrawn, mentee)
    assert unread(mentor) == []
    assert unread(other_faculty) == ["request.new"]  # another request is left alone


def test_an_expired_request_settles_the_notice_it_replaces(mentor, mentee, settings):
    request_obj = asking.ask(mentee, mentor)
    request_obj.created_at = timezone.now() - datetime.timedelta(
        days=settings.REQUEST_EXPIRY_DAYS + 1
    )
    request_obj.save()
    expire_requests(timezone.now())
    assert unread(mentor) == ["request.expired"]


def test_completing_a_reassessment_settles_its_prompt_only(mentor, mentee, other_faculty):
    first = make_mentorship(mentor, mentee)
    second = make_mentorship(other_faculty, mentee)
    today = timezone.localdate()
    for mentorship in (first, second):
        mentorship.reassess_on = today
        mentorship.save()
    prompts.send_periodic_prompts(timezone.now())
    assert unread(mentee) == ["reassessment.due", "reassessment.due"]
    answered = Reassessment.objects.get(mentorship=first, respondent=mentee)
    prompts.complete(answered, timezone.now())
    remaining = Notification.objects.for_user(mentee).unread().get()
    assert str(other_faculty) in remaining.title
