"""Creating reassessment prompts: periodic, the first-meeting fit check and the closing survey.

Sweeps run in batches with a fixed number of queries per batch. A unique key on
(mentorship, respondent, kind, due date) and on each notification's dedupe key makes a
doubled beat tick, a retry or two workers at once create nothing twice. A prompt that
goes unanswered is reminded once, and no new one is made until it is answered: the next
periodic prompt counts from the last completed one.
"""

import datetime

from django.db import transaction
from django.urls import reverse

from mentoring.feedback.models import Reassessment
from mentoring.lib.batches import id_batches
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.services import notify_many

REMIND_AFTER = datetime.timedelta(days=7)
CLOSING_SURVEY_WITHIN = datetime.timedelta(days=30)
Kind = Reassessment.Kind


def _prompt_rows(mentorships, kind, due_on_of):
    rows = []
    for m in mentorships:
        for respondent_id in (m.mentor_id, m.mentee_id):
            rows.append(
                Reassessment(
                    mentorship_id=m.pk, respondent_id=respondent_id, kind=kind, due_on=due_on_of(m)
                )
            )
    return rows


@transaction.atomic
def _create_prompts(rows, now):
    """Insert prompts (duplicates ignored) and notify each respondent once per prompt."""
    if not rows:
        return 0
    Reassessment.objects.bulk_create(rows, ignore_conflicts=True)
    keys = {(r.mentorship_id, r.respondent_id, r.kind, r.due_on) for r in rows}
    created = Reassessment.objects.filter(
        mentorship_id__in={r.mentorship_id for r in rows}, completed_at=None
    ).select_related("mentorship__mentor", "mentorship__mentee")
    notices = []
    for prompt in created:
        if (prompt.mentorship_id, prompt.respondent_id, prompt.kind, prompt.due_on) not in keys:
            continue
        m = prompt.mentorship
        partner = m.mentee if prompt.respondent_id == m.mentor_id else m.mentor
        notices.append(
            {
                "recipient_id": prompt.respondent_id,
                "kind": "reassessment.due",
                "title": f"{prompt.get_kind_display()}: how is it going with {partner}?",
                "body": "A few minutes. Your answers stay yours unless you choose to share them.",
                "url": reverse("feedback:reassessment", args=[prompt.pk]),
                "dedupe_key": f"reassessment:{prompt.pk}:due",
            }
        )
    notify_many(notices)
    return len(notices)


def send_periodic_prompts(now, batch_size=500):
    """Active mentorships whose reassessment date has come and that have no open prompt."""
    today = now.date()
    due = Mentorship.objects.active().filter(reassess_on__lte=today)
    created = 0
    for ids in id_batches(due, batch_size):
        # Someone with an unanswered prompt gets no new one: one reminder, never a nag.
        waiting = set(
            Reassessment.objects.open()
            .filter(mentorship_id__in=ids, kind=Kind.PERIODIC)
            .values_list("mentorship_id", "respondent_id")
        )
        batch = Mentorship.objects.filter(pk__in=ids).only(
            "pk", "mentor_id", "mentee_id", "reassess_on"
        )
        rows = [
            row
            for row in _prompt_rows(batch, Kind.PERIODIC, lambda m: m.reassess_on)
            if (row.mentorship_id, row.respondent_id) not in waiting
        ]
        created += _create_prompts(rows, now)
    return created


def send_fit_checks(now, batch_size=500):
    """After the first meeting (last_contact_at is set by the meetings app), ask both once."""
    met = Mentorship.objects.active().filter(last_contact_at__isnull=False)
    created = 0
    for ids in id_batches(met, batch_size):
        asked = set(
            Reassessment.objects.filter(mentorship_id__in=ids, kind=Kind.FIT_CHECK).values_list(
                "mentorship_id", flat=True
            )
        )
        batch = Mentorship.objects.filter(pk__in=set(ids) - asked).only(
            "pk", "mentor_id", "mentee_id", "last_contact_at"
        )
        created += _create_prompts(
            _prompt_rows(batch, Kind.FIT_CHECK, lambda m: m.last_contact_at.date()), now
        )
    return created


def send_closing_surveys(now, batch_size=500):
    closed = Mentorship.objects.filter(
        status=Mentorship.Status.CLOSED, closed_at__gte=now - CLOSING_SURVEY_WITHIN
    )
    created = 0
    for ids in id_batches(closed, batch_size):
        asked = set(
            Reassessment.objects.filter(mentorship_id__in=ids, kind=Kind.CLOSING).values_list(
                "mentorship_id", flat=True
            )
        )
        batch = Mentorship.objects.filter(pk__in=set(ids) - asked).only(
            "pk", "mentor_id", "mentee_id", "closed_at"
        )
        created += _create_prompts(
            _prompt_rows(batch, Kind.CLOSING, lambda m: m.closed_at.date()), now
        )
    return created


def send_prompt_reminders(now):
    """One reminder per unanswered prompt, a week after it was made; never more."""
    stale = Reassessment.objects.open().filter(created_at__lte=now - REMIND_AFTER, reminded_at=None)
    notices = []
    with transaction.atomic():
        # Claim first, so that two workers cannot both remind the same prompt.
        claimed = list(stale.select_for_update(skip_locked=True).values_list("pk", "respondent_id"))
        Reassessment.objects.filter(pk__in=[pk for pk, _ in claimed]).update(reminded_at=now)
        for pk, respondent_id in claimed:
            notices.append(
                {
                    "recipient_id": respondent_id,
                    "kind": "reassessment.reminder",
                    "title": "Your reassessment is still waiting",
                    "body": "Five minutes now saves a drifting relationship later. This is the "
                    "only reminder.",
                    "url": reverse("feedback:reassessment", args=[pk]),
                    "dedupe_key": f"reassessment:{pk}:reminder",
                }
            )
        notify_many(notices)
    return len(notices)


def complete(reassessment, now):
    """Record the answers' completion; the next periodic prompt counts from today."""
    reassessment.completed_at = now
    reassessment.save()
    if reassessment.kind == Kind.PERIODIC:
        mentorship = reassessment.mentorship
        Mentorship.objects.filter(pk=mentorship.pk).update(
            reassess_on=mentorship.next_reassessment_after(now.date())
        )
