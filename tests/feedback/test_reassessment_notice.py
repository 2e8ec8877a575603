"""A reassessment's notice opens the person's own form, not the list of reassessments."""

import datetime

import pytest
from django.utils import timezone

from mentoring.feedback import reassessment
from mentoring.feedback.models import Reassessment
from mentoring.notifications.models import Notification
from tests.factories import make_mentorship


@pytest.fixture
def prompted(mentor, mentee):
    """A mentorship whose periodic reassessment the sweep has just sent to both."""
    mentorship = make_mentorship(mentor, mentee)
    due = timezone.make_aware(datetime.datetime.combine(mentorship.reassess_on, datetime.time(9)))
    reassessment.send_periodic_prompts(due)
    return mentorship


@pytest.mark.django_db
def test_the_notice_opens_the_form_itself(
    client, prompted, mentee, mentor, django_assert_max_num_queries
):
    for person in (mentee, mentor):
        notice = Notification.objects.get(recipient=person, kind="reassessment.due")
        prompt = Reassessment.objects.get(respondent=person)
        client.force_login(person)
        with django_assert_max_num_queries(6):
            response = client.get(notice.url)
        assert response["Location"] == f"/reassessments/{prompt.pk}/"
        form = client.get(response["Location"]).content.decode()
        assert "Save my answers" in form


@pytest.mark.django_db
def test_once_answered_the_notice_shows_the_answers(client, prompted, mentee):
    prompt = Reassessment.objects.get(respondent=mentee)
    Reassessment.objects.filter(pk=prompt.pk).update(completed_at=timezone.now())
    notice = Notification.objects.get(recipient=mentee, kind="reassessment.due")
    client.force_login(mentee)
    assert client.get(notice.url)["Location"] == f"/reassessments/{prompt.pk}/"


@pytest.mark.django_db
def test_someone_else_following_the_link_gets_404(client, prompted, mentee, outsider):
    notice = Notification.objects.get(recipient=mentee, kind="reassessment.due")
    client.force_login(outsider)
    assert client.get(notice.url).status_code == 404
    client.force_login(mentee)
    assert client.get(f"/reassessments/open/{prompted.pk}/no-such-kind/").status_code == 404
