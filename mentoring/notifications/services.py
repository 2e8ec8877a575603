"""notify(): the one way any app tells a person something."""

from functools import partial

from django.db import IntegrityError, transaction

from mentoring.notifications.models import Notification


def notify(recipient, kind, title, body="", url="", dedupe_key=None):
    """Record a notification in the caller's transaction and e-mail it after commit.

    Returns the Notification, or None when one with the same dedupe_key exists
    already (a reminder sent by another worker, a retry, a doubled beat tick).
    """
    from mentoring.notifications.tasks import deliver_email

    try:
        # A savepoint, so that a duplicate key leaves the caller's transaction usable.
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                kind=kind,
                title=title[:200],
                body=body,
                url=url,
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        if dedupe_key and Notification.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    transaction.on_commit(partial(deliver_email.delay, notification.pk))
    return notification
