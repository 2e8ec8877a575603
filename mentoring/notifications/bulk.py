"""notify_many(): the sweeps' way to notify, with a fixed number of queries per batch."""

from django.db import transaction

from mentoring.notifications.models import Notification


def notify_many(notices):
    """Insert notifications in one statement, skipping any whose dedupe_key exists already,
    and e-mail the new ones after commit. Each notice is a dict of Notification fields
    (recipient_id, kind, title, body, url, dedupe_key). Returns how many were new."""
    from mentoring.notifications.tasks import deliver_batch

    if not notices:
        return 0
    keys = [n["dedupe_key"] for n in notices]
    with transaction.atomic():
        existing = set(
            Notification.objects.filter(dedupe_key__in=keys).values_list("dedupe_key", flat=True)
        )
        fresh = [n for n in notices if n["dedupe_key"] not in existing]
        Notification.objects.bulk_create(
            [Notification(**{**n, "title": n["title"][:200]}) for n in fresh],
            ignore_conflicts=True,  # another worker got there between our read and write
        )
        created = list(
            Notification.objects.filter(
                dedupe_key__in=[n["dedupe_key"] for n in fresh],
                email_status=Notification.EmailStatus.PENDING,
            ).values_list("pk", flat=True)
        )
        if created:
            transaction.on_commit(lambda: deliver_batch.delay(created))
    return len(created)
