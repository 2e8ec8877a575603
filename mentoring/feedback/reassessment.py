"""Creating reassessment prompts: periodic, the first-meeting fit check and the closing survey.

Sweeps run in batches with a fixed number of queries per batch. The database computes each
batch's prompts and notices and inserts them (INSERT ... SELECT), so that a sweep over
100,000 mentorships builds no Python object per row. A unique key on
(mentorship, respondent, kind, due date) and on each notification's dedupe key makes a
doubled beat tick, a retry or two workers at once create nothing twice. A prompt that
goes unanswered is reminded once, and no new one is made until it is answered: the next
periodic prompt counts from the last completed one.

The first-meeting fit check and the periodic reassessment never ask one person at once:
a person with an open fit check gets no periodic prompt until they answer it, and once a
mentorship's periodic reassessments have begun, its first-meeting fit check has passed and
is not asked. A relationship recorded after the fact ("We already meet",
Mentorship.recorded_on) has had its first meeting long ago: no fit check, only the periodic
reassessment, a month after it was recorded.
"""

import datetime
from functools import partial

from django.db import transaction
from django.db.models import CharField, Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import (
    Coalesce,
    Concat,
    ExtractDay,
    ExtractMonth,
    ExtractYear,
    NullIf,
    TruncDate,
)
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentoring.feedback.models import Reassessment
from mentoring.lib.batches import id_batches
from mentoring.lib.inserts import insert_select
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.services import notify_many, notify_select, settle_keys

REMIND_AFTER = datetime.timedelta(days=7)
CLOSING_SURVEY_WITHIN = datetime.timedelta(days=30)
Kind = Reassessment.Kind


def _yyyymmdd(date):
    """A date as the digits of notify's dedupe keys (f"{date:%Y%m%d}"), on any database."""
    return ExtractYear(date) * 10000 + ExtractMonth(date) * 100 + ExtractDay(date)


def _date(field):
    """The UTC date of a moment, as datetime.date() gives it for the values Django reads."""
    return TruncDate(field, tzinfo=datetime.UTC)


def _name(user_field):
    """str(User) in SQL: the display name, or the e-mail address when there is none. A
    lookup by primary key per row: a join let the planner walk the whole user index."""
    name = Coalesce(NullIf("display_name", Value("")), "email", output_field=CharField())
    return Subquery(User.objects.filter(pk=OuterRef(user_field)).order_by().values_list(name)[:1])


def _prompt(person, kind, due_on, now):
    return {
        "mentorship_id": F("pk"),
        "respondent_id": F(f"{person}_id"),
        "kind": Value(kind),
        "due_on": due_on,
        "created_at": Value(now),  # the sweep's clock, so that its one reminder counts from it
    }


def _open_url(kind):
    """reverse("feedback:open-reassessment", args=[mentorship id, kind]) with the id put in
    by the database: the notice opens the person's own form, not the list."""
    head, tail = reverse("feedback:open-reassessment", args=[0, kind]).rsplit("/0/", 1)
    return Concat(Value(f"{head}/"), F("pk"), Value(f"/{tail}"), output_field=CharField())


def _notice(person, partner, kind, due_on):
    """Tell the respondent once per prompt: the dedupe key is the prompt's own unique key."""
    return {
        "recipient_id": F(f"{person}_id"),
        "kind": Value("reassessment.due"),
        "title": Concat(
            Value(f"{Kind(kind).label}: how is it going with "), _name(f"{partner}_id"), Value("?")
        ),
        "body": Value("A few minutes. Your answers stay yours unless you choose to share them."),
        "url": _open_url(kind),
        "dedupe_key": Concat(
            Value("reassessment:"),
            F("pk"),
            Value(f":{kind}:"),
            _yyyymmdd(due_on),
            Value(":"),
            F(f"{person}_id"),
            output_field=CharField(),
        ),
    }


def _open_prompt(respondent_field, within=None):
    """An open periodic prompt or fit check of this person; `within` (mentorship ids) bounds
    the prompts read, whatever plan the database's statistics suggest."""
    prompts = Reassessment.objects.open().filter(
        mentorship=OuterRef("pk"),
        kind__in=[Kind.PERIODIC, Kind.FIT_CHECK],
        respondent=OuterRef(respondent_field),
    )
    return Exists(prompts.filter(mentorship__in=within) if within is not None else prompts)


def _asked(kind):
    return Exists(Reassessment.objects.filter(mentorship=OuterRef("pk"), kind=kind))


@transaction.atomic
def _create_prompts(ids, kind, due_on, now, unless=None):
    """Prompt both people of each mentorship, but not a person for whom `unless` (of their
    field) holds: existing prompts and notifications are skipped. Returns how many were
    notified."""
    mentorships = Mentorship.objects.filter(pk__in=ids)
    sides = [
        (mentorships.exclude(unless(f"{person}_id")) if unless else mentorships, person, partner)
        for person, partner in (("mentor", "mentee"), ("mentee", "mentor"))
    ]
    # Notices first: `unless` may read the prompts, which the insert below changes.
    notified = notify_select(
        [(rows, _notice(person, partner, kind, due_on)) for rows, person, partner in sides]
    )
    insert_select(
        Reassessment, [(rows, _prompt(person, kind, due_on, now)) for rows, person, _ in sides]
    )
    return notified


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
        created += _create_prompts(
            ids,
            Kind.PERIODIC,
            F("reassess_on"),
            now,
            unless=partial(_open_prompt, within=ids),
        )
    return created


def send_fit_checks(now, batch_size=500):
    """After the first meeting (last_contact_at is set by the meetings app), ask both once;
    not a relationship recorded after the fact, nor one whose periodic reassessments began."""
    met = (
        Mentorship.objects.active()
        .filter(last_contact_at__isnull=False, recorded_on=None)
        .exclude(_asked(Kind.FIT_CHECK))
        .exclude(_asked(Kind.PERIODIC))
    )
    created = 0
    for ids in id_batches(met, batch_size):
        created += _create_prompts(ids, Kind.FIT_CHECK, _date("last_contact_at"), now)
    return created


def send_closing_surveys(now, batch_size=500):
    closed = Mentorship.objects.filter(
        status=Mentorship.Status.CLOSED, closed_at__gte=now - CLOSING_SURVEY_WITHIN
    ).exclude(_asked(Kind.CLOSING))
    created = 0
    for ids in id_batches(closed, batch_size):
        created += _create_prompts(ids, Kind.CLOSING, _date("closed_at"), now)
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
    # Its prompt and its one reminder (keys as _notice and send_prompt_reminders make them)
    # no longer wait on anyone.
    settle_keys(
        reassessment.respondent_id,
        [
            f"reassessment:{reassessment.mentorship_id}:{reassessment.kind}:"
            f"{reassessment.due_on:%Y%m%d}:{reassessment.respondent_id}",
            f"reassessment:{reassessment.pk}:reminder",
        ],
    )
    if reassessment.kind == Kind.PERIODIC:
        mentorship = reassessment.mentorship
        Mentorship.objects.filter(pk=mentorship.pk).update(
            reassess_on=mentorship.next_reassessment_after(timezone.localdate(now))
        )
