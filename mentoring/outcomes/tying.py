"""Tying an outcome to mentorships, and the mentor's confirmation: the writes and the
notifications that go with them, each in the caller's transaction."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from mentoring.notifications.services import notify
from mentoring.outcomes.models import OutcomeTie


def _stamp(moment):
    return int(moment.timestamp() * 1_000_000)


@transaction.atomic
def save_outcome(form, by):
    """Save the form's outcome and its ties: new ties ask their mentor to confirm, removed
    ties go, and a changed claim (title, date, kind, venue, DOI, PMID) clears every
    confirmation and asks the mentors again. Returns the outcome."""
    outcome = form.save()
    chosen = {mentorship.pk: mentorship for mentorship in form.cleaned_data["tie_to"]}
    removed = form.tied_before - chosen.keys()
    if removed:
        OutcomeTie.objects.filter(outcome=outcome, mentorship_id__in=removed).delete()
    url = reverse("outcomes:detail", args=[outcome.pk])
    added = chosen.keys() - form.tied_before
    # A doubled submit may have tied it already: the unique constraint keeps one tie.
    OutcomeTie.objects.bulk_create(
        [OutcomeTie(outcome=outcome, mentorship=chosen[pk]) for pk in added],
        ignore_conflicts=True,
    )
    for pk in added:
        # Keyed on the pair: untying and tying again does not ask twice.
        notify(
            chosen[pk].mentor,
            "outcome.tied",
            f"{by} recorded an outcome of your mentorship: please confirm it",
            url=url,
            dedupe_key=f"outcome.tied:{outcome.pk}:{pk}",
        )
    if form.claim_changed:
        kept = form.tied_before & chosen.keys()
        cleared = list(
            OutcomeTie.objects.filter(outcome=outcome, mentorship_id__in=kept)
            .confirmed()
            .select_related("mentorship__mentor")
        )
        OutcomeTie.objects.filter(pk__in=[tie.pk for tie in cleared]).update(confirmed_at=None)
        for tie in cleared:
            notify(
                tie.mentorship.mentor,
                "outcome.changed",
                f"{by} changed an outcome you confirmed: please confirm it again",
                url=url,
                dedupe_key=f"outcome.changed:{tie.pk}:{_stamp(outcome.updated_at)}",
            )
    return outcome


@transaction.atomic
def confirm(tie, by):
    """The mentor confirms the tie; the mentee is told. False if it was confirmed already
    (a second click, another tab): a conditional update, so only one confirmation counts."""
    now = timezone.now()
    if not OutcomeTie.objects.filter(pk=tie.pk, confirmed_at=None).update(confirmed_at=now):
        return False
    notify(
        tie.outcome.mentee,
        "outcome.confirmed",
        f"{by} confirmed one of your outcomes",
        url=reverse("outcomes:detail", args=[tie.outcome_id]),
        dedupe_key=f"outcome.confirmed:{tie.pk}:{_stamp(now)}",
    )
    return True
