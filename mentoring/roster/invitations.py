"""Invitation campaigns: one notification per person and campaign, through the outbox.

A campaign is written first (start(), in the request), with one Invitation row per person;
a Celery task then writes the notifications in batches (run()), each batch in one
transaction with its Invitation rows marked and the campaign's `done` raised, so the page's
progress is what the outbox holds. The notification's dedupe key names the campaign and the
person: a campaign run twice (a retried task, two workers, the periodic resume after the
broker was down) writes nobody's invitation twice. E-mail leaves as any notification does,
after commit or by the outbox sweeper.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from accounts import idp_sign_in
from mentoring.notifications.services import notify_many
from mentoring.roster.models import Campaign, Invitation, RosterEntry

BATCH = 200


def start(entries, by):
    """A campaign inviting these entries (those who have not joined), or None if nobody is
    left to invite. The task that sends it is enqueued after commit (enqueue)."""
    ids = list(entries.pending().values_list("pk", flat=True))
    if not ids:
        return None
    campaign = Campaign.objects.create(started_by=by, total=len(ids))
    Invitation.objects.bulk_create(
        [Invitation(campaign=campaign, entry_id=pk) for pk in ids], batch_size=1000
    )
    transaction.on_commit(partial(enqueue, campaign.pk))
    return campaign


def enqueue(campaign_id):
    """Hand the campaign to a worker; with the broker down, the periodic resume_campaigns
    picks it up instead, so the page never waits on it."""
    from mentoring.notifications.services import forget_publishing_connection, publishing_connection
    from mentoring.roster.tasks import send_invitations

    try:
        send_invitations.apply_async(
            (campaign_id,), retry=False, connection=publishing_connection()
        )
    except Exception:  # any broker failure: the resume sweep sends it
        forget_publishing_connection()


def links():
    """The sign-up page, and the sign-in page when single sign-on is configured."""
    signup = settings.SITE_URL + reverse("account_signup")
    sso = settings.SITE_URL + reverse("account_login") if idp_sign_in.is_configured() else ""
    return signup, sso


def notice(campaign, entry, by_name, signup, sso):
    role = "find a mentor" if entry.role == RosterEntry.Role.STUDENT else "mentor students"
    sso_line = f"\nOr sign in with your school account: {sso}" if sso else ""
    return {
        "recipient_id": None,
        "address": entry.email,
        "kind": "invitation.roster",
        "title": f"{entry.name}, you are invited to {settings.SITE_NAME}",
        "body": (
            f"{by_name} added you to {settings.SITE_NAME}, where students and residents of "
            f"{entry.programme} find faculty mentors and keep in touch with them. Sign up with "
            f"this address ({entry.email}) to {role}: your details are filled in for you.\n"
            f"Sign up: {signup}{sso_line}"
        ),
        "url": reverse("account_signup"),
        # The person and the campaign: a campaign run again writes nobody's invitation twice.
        "dedupe_key": f"invitation.roster:{campaign.pk}:{entry.pk}",
    }


def run(campaign_id):
    """Write the campaign's remaining invitations, batch by batch; returns how many were
    written by this call. Safe to run twice at once: each batch claims its rows."""
    campaign = Campaign.objects.select_related("started_by").get(pk=campaign_id)
    by_name = campaign.started_by.display_name if campaign.started_by else "Your school"
    signup, sso = links()
    written = 0
    while True:
        with transaction.atomic():
            # skip_locked: a second worker on the same campaign takes the next batch.
            batch = list(
                Invitation.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(campaign=campaign, written_at=None)
                .select_related("entry")
                .order_by("pk")[:BATCH]
            )
            if not batch:
                break
            now = timezone.now()
            pending = [row for row in batch if row.entry.joined_at is None]
            notify_many([notice(campaign, row.entry, by_name, signup, sso) for row in pending])
            Invitation.objects.filter(pk__in=[row.pk for row in batch]).update(written_at=now)
            RosterEntry.objects.filter(pk__in=[row.entry_id for row in pending]).update(
                invited_at=now
            )
            Campaign.objects.filter(pk=campaign.pk).update(done=F("done") + len(batch))
            written += len(batch)
    Campaign.objects.filter(pk=campaign.pk, finished_at=None).exclude(
        invitations__written_at=None
    ).update(finished_at=timezone.now())
    return written


def unfinished():
    return Campaign.objects.filter(finished_at=None).values_list("pk", flat=True)
