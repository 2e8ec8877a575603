"""What the designated person does with a concern: acknowledge it, write in its private
thread, close it with an outcome. Each step tells the other side (the sender, or the
designated people); the partner is never told anything."""

from django.db import transaction
from django.utils import timezone

from mentoring.concerns.models import Concern, ConcernMessage
from mentoring.concerns.sending import NOT_BY_EMAIL, designated_people, tell
from mentoring.notifications.services import settle_keys


class NotAllowed(Exception):
    """The step does not fit the concern's state."""


def is_designated(concern, user):
    return (
        user.pk != concern.sender_id
        and Concern.objects.designated_to(user).filter(pk=concern.pk).exists()
    )


def _lock(concern):
    return Concern.objects.select_for_update().get(pk=concern.pk)


def _acknowledge(concern, by, now):
    concern.status = Concern.Status.ACKNOWLEDGED
    concern.acknowledged_at, concern.acknowledged_by = now, by
    concern.save(update_fields=["status", "acknowledged_at", "acknowledged_by"])
    # Its reminder no longer asks anything of this person.
    settle_keys(by.pk, [f"concern:{concern.pk}:reminder:{by.pk}"])
    tell(
        [concern.sender],
        "concern.acknowledged",
        "Your concern was acknowledged",
        f"{by} has read it and will follow up.",
        concern,
    )


@transaction.atomic
def acknowledge(concern, by):
    concern = _lock(concern)
    if concern.status != Concern.Status.SENT:
        raise NotAllowed("This concern was acknowledged already.")
    _acknowledge(concern, by, timezone.now())
    return concern


@transaction.atomic
def reply(concern, by, text):
    """A message in the thread; the sender's goes to the designated people, theirs to the
    sender. Writing to the sender acknowledges the concern too."""
    concern = _lock(concern)
    if concern.is_closed:
        raise NotAllowed("This concern is closed.")
    now = timezone.now()
    message = ConcernMessage.objects.create(concern=concern, author=by, text=text, created_at=now)
    if by.pk == concern.sender_id:
        recipients = designated_people(concern.programme, concern.route, concern.mentorship)
        tell(
            recipients,
            "concern.reply",
            "The sender of a concern wrote again",
            NOT_BY_EMAIL,
            concern,
        )
    else:
        if concern.status == Concern.Status.SENT:
            _acknowledge(concern, by, now)
        tell(
            [concern.sender], "concern.reply", f"{by} answered your concern", NOT_BY_EMAIL, concern
        )
    return message


@transaction.atomic
def close(concern, by, outcome):
    concern = _lock(concern)
    if concern.is_closed:
        raise NotAllowed("This concern is closed already.")
    now = timezone.now()
    if concern.status == Concern.Status.SENT:
        _acknowledge(concern, by, now)
    concern.status, concern.closed_at, concern.closed_by = Concern.Status.CLOSED, now, by
    concern.outcome = outcome
    concern.save(update_fields=["status", "closed_at", "closed_by", "outcome"])
    tell(
        [concern.sender],
        "concern.closed",
        "Your concern was closed",
        f"Outcome: {concern.get_outcome_display()}. You can still read it on the site.",
        concern,
    )
    return concern
