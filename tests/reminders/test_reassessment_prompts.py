import datetime

import pytest
from django.utils import timezone

from mentoring.feedback import reassessment
from mentoring.feedback.models import Reassessment
from mentoring.mentorships import lifecycle
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.models import Notification
from tests.factories import make_mentorship

DAY = datetime.timedelta(days=1)


@pytest.fixture
def mentorship(mentor, mentee):
    return make_mentorship(mentor, mentee, reassess_every_days=90)


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@pytest.mark.django_db
def test_first_prompt_one_month_after_start_to_both(mentorship, mentor, mentee):
    assert mentorship.reassess_on == mentorship.started_on + 30 * DAY
    assert reassessment.send_periodic_prompts(at(mentorship.reassess_on - DAY)) == 0
    assert reassessment.send_periodic_prompts(at(mentorship.reassess_on)) == 2
    prompts = Reassessment.objects.filter(mentorship=mentorship, kind="periodic")
    assert {p.respondent_id for p in prompts} == {mentor.pk, mentee.pk}
    assert Notification.objects.filter(kind="reassessment.due").count() == 2


@pytest.mark.django_db
def test_unanswered_prompt_is_reminded_once_and_never_renewed(mentorship, mentee):
    due = at(mentorship.reassess_on)
    reassessment.send_periodic_prompts(due)
    for days in (3, 8, 20, 120, 300):
        reassessment.send_periodic_prompts(due + days * DAY)
        reassessment.send_prompt_reminders(due + days * DAY)
    assert Reassessment.objects.filter(respondent=mentee).count() == 1
    assert Notification.objects.filter(recipient=mentee, kind="reassessment.reminder").count() == 1


@pytest.mark.django_db
def test_next_prompt_counts_from_the_last_completed(mentorship, mentee, mentor):
    due = at(mentorship.reassess_on)
    reassessment.send_periodic_prompts(due)
    answered_at = due + 10 * DAY
    prompt = Reassessment.objects.get(respondent=mentee)
    reassessment.complete(prompt, answered_at)
    mentorship.refresh_from_db()
    assert mentorship.reassess_on == answered_at.date() + 90 * DAY
    assert reassessment.send_periodic_prompts(answered_at + 89 * DAY) == 0
    # The mentee gets the next one; the mentor, whose first is still open, does not.
    assert reassessment.send_periodic_prompts(answered_at + 90 * DAY) == 1
    assert Reassessment.objects.filter(respondent=mentor).count() == 1


@pytest.mark.django_db
def test_fit_check_after_the_first_meeting_once(mentorship):
    now = timezone.now()
    assert reassessment.send_fit_checks(now) == 0
    Mentorship.objects.filter(pk=mentorship.pk).update(last_contact_at=now - DAY)
    assert reassessment.send_fit_checks(now) == 2
    Mentorship.objects.filter(pk=mentorship.pk).update(last_contact_at=now)
    assert reassessment.send_fit_checks(now + DAY) == 0
    assert set(Reassessment.objects.values_list("kind", flat=True)) == {"fit_check"}


@pytest.mark.django_db
def test_closing_survey_when_a_mentorship_ends(mentorship, mentee):
    lifecycle.close(mentorship, mentee, "graduated")
    now = timezone.now()
    assert reassessment.send_closing_surveys(now) == 2
    assert reassessment.send_closing_surveys(now + DAY) == 0
    assert reassessment.send_periodic_prompts(at(mentorship.reassess_on)) == 0


@pytest.mark.django_db
def test_prompt_sweep_has_a_fixed_number_of_queries(mentor, django_assert_max_num_queries):
    from tests.factories import make_mentee

    mentor.mentor_profile.capacity = 30
    mentor.mentor_profile.save()
    for _ in range(20):
        make_mentorship(mentor, make_mentee())
    later = timezone.now() + 40 * DAY
    with django_assert_max_num_queries(14):
        assert reassessment.send_periodic_prompts(later) == 40


@pytest.mark.django_db
def test_a_periodic_prompt_waits_while_a_fit_check_is_open(mentorship, mentor, mentee):
    # The first meeting two days before the first reassessment: the fit check comes first.
    first_meeting = at(mentorship.reassess_on - 2 * DAY)
    Mentorship.objects.filter(pk=mentorship.pk).update(last_contact_at=first_meeting)
    assert reassessment.send_fit_checks(first_meeting) == 2
    assert reassessment.send_periodic_prompts(at(mentorship.reassess_on)) == 0
    # The mentee answers theirs; only they get the periodic prompt, never both at once.
    reassessment.complete(
        Reassessment.objects.get(respondent=mentee), at(mentorship.reassess_on) + DAY
    )
    mentorship.refresh_from_db()
    assert reassessment.send_periodic_prompts(at(mentorship.reassess_on)) == 1
    open_prompts = Reassessment.objects.open().values_list("respondent_id", "kind")
    assert sorted(open_prompts) == sorted([(mentor.pk, "fit_check"), (mentee.pk, "periodic")])


@pytest.mark.django_db
def test_fit_check_and_periodic_prompt_due_the_same_day_ask_once(mentorship):
    due = at(mentorship.reassess_on)
    Mentorship.objects.filter(pk=mentorship.pk).update(last_contact_at=due - DAY)
    assert reassessment.send_periodic_prompts(due) == 2
    assert reassessment.send_fit_checks(due) == 0
    # Once periodic reassessments have begun, the first-meeting fit check has passed.
    assert reassessment.send_fit_checks(due + 40 * DAY) == 0
    assert set(Reassessment.objects.values_list("kind", flat=True)) == {"periodic"}
    assert Notification.objects.filter(kind="reassessment.due").count() == 2
