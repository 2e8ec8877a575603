"""Creating reassessment prompts: periodic, the first-meeting fit check and the closing survey.

Sweeps run in batches with a fixed number of queries per batch. A unique key on
(mentorship, respondent, kind, due date) and on each notification's dedupe key makes a
doubled beat tick, a retry or two workers at once create nothing twice. A prompt that
goes unanswered is reminded once, and no new one is made until it is answered: the next
periodic prompt counts from the last completed one.
"""

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from mentoring.feedback.models import Reassessment
from mentoring.lib.batches import id_batches
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.services import notify_many

REMIND_AFTER = datetime.timedelta(days=7)
CLOSING_SURVEY_WITHIN = datetime.timedelta(days=30)
Kind = Reassessment.Kind


def _prompts_for(mentorships, kind, due_on_of, now):
    """(prompt, partner) for both people of each mentorship; mentor and mentee preloaded."""
    for m in mentorships:
        for person, partner in ((m.mentor, m.mentee), (m.mentee, m.mentor)):
            prompt = Reassessment(
                mentorship_id=m.pk,
                respondent_id=person.pk,
                kind=kind,
                due_on=due_on_of(m),
                created_at=now,  # the sweep's clock, so that its one reminder counts from it
            )
            yield prompt, partner


def _open_prompt(respondent_field):
    return Exists(
        Reassessment.objects.open().filter(
            mentorship=OuterRef("pk"), kind=Kind.PERIODIC, respondent=OuterRef(respondent_field)
        )
    )


def _asked(kind):
    return Exists(Reassessment.objects.filter(mentorship=OuterRef("pk"), kind=kind))


def _batch(ids, *fields):
    return (
        Mentorship.objects.filter(pk__in=ids)
        .select_related("mentor", "mentee")
        .only("pk", "mentor__display_name", "mentee__display_name", *fields)
    )


@transaction.atomic
def _create_prompts(pairs):
    """Insert prompts (existing ones ignored) and notify each respondent once per prompt:
    the notification's dedupe key is the prompt's own unique key."""
    pairs = list(pairs)
    Reassessment.objects.bulk_create([prompt for prompt, _ in pairs], ignore_conflicts=True)
    return notify_many(
        [
            {
                "recipient_id": prompt.respondent_id,
                "kind": "reassessment.due",
                "title": f"{prompt.get_kind_display()}: how is it going with {partner}?",
                "body": "A few minutes. Your answers stay yours unless you choose to share them.",
                "url": reverse("feedback:reassessments"),
                "dedupe_key": f"reassessment:{prompt.mentorship_id}:{prompt.kind}:"
                f"{prompt.due_on:%Y%m%d}:{prompt.respondent_id}",
            }
            for prompt, partner in pairs
        ]
    )


def send_periodic_prompts(now, batch_size=500):
    """Active mentorships whose reassessment date has come and that have no open prompt."""
    today = now.date()
    # Mentorships where both people still have this prompt open are settled in SQL, so the
    # steady-state sweep reads only what may need a new prompt.
    due = (
        Mentorship.objects.active()
        .filter(reassess_on__lte=today)
        .exclude(_open_prompt("mentor_id") & _open_prompt("mentee_id"))
    )
    created = 0
    for ids in id_batches(due, batch_size):
        # Someone with an unanswered prompt gets no new one: one reminder, never a nag.
        waiting = set(
            Reassessment.objects.open()
            .filter(mentorship_id__in=ids, kind=Kind.PERIODIC)
            .values_list("mentorship_id", "respondent_id")
        )
        pairs = [
            (prompt, partner)
            for prompt, partner in _prompts_for(
                _batch(ids, "reassess_on"), Kind.PERIODIC, lambda m: m.reassess_on, now
            )
            if (prompt.mentorship_id, prompt.respondent_id) not in waiting
        ]
        created += _create_prompts(pairs)
    return created


def send_fit_checks(now, batch_size=500):
    """After the first meeting (last_contact_at is set by the meetings app), ask both once."""
    met = (
        Mentorship.objects.active()
        .filter(last_contact_at__isnull=False)
        .exclude(_asked(Kind.FIT_CHECK))
    )
    created = 0
    for ids in id_batches(met, batch_size):
        batch = _batch(ids, "last_contact_at")
        created += _create_prompts(
            _prompts_for(batch, Kind.FIT_CHECK, lambda m: m.last_contact_at.date(), now)
        )
    return created


def send_closing_surveys(now, batch_size=500):
    closed = Mentorship.objects.filter(
        status=Mentorship.Status.CLOSED, closed_at__gte=now - CLOSING_SURVEY_WITHIN
    ).exclude(_asked(Kind.CLOSING))
    created = 0
    for ids in id_batches(closed, batch_size):
        batch = _batch(ids, "closed_at")
        created += _create_prompts(
            _prompts_for(batch, Kind.CLOSING, lambda m: m.closed_at.date(), now)
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
        return notify_many(notices)


def complete(reassessment, now):
    """Record the answers' completion; the next periodic prompt counts from today."""
    reassessment.completed_at = now
    reassessment.save()
    if reassessment.kind == Kind.PERIODIC:
        mentorship = reassessment.mentorship
        Mentorship.objects.filter(pk=mentorship.pk).update(
            reassess_on=mentorship.next_reassessment_after(timezone.localdate(now))
        )
