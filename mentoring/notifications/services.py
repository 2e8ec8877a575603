"""notify(), notify_many() and notify_select(): the one way any app tells a person something."""

import contextlib
import logging
import threading
from functools import partial

from celery import current_app
from django.db import IntegrityError, transaction

from mentoring.lib.inserts import computed_rows
from mentoring.notifications.models import Notification

log = logging.getLogger(__name__)
PUBLISH_TIMEOUT = 0.5  # seconds a request may spend reaching the broker
_publishing = threading.local()


def enqueue_delivery(notification_ids):
    """Hand the e-mails to a worker. If the broker is down, say so in the log and return:
    the rows are written already, and the periodic sweeper sends them when it is back."""
    from mentoring.notifications.tasks import deliver_batch, deliver_email

    try:
        connection = publishing_connection()
        if len(notification_ids) == 1:
            deliver_email.apply_async(notification_ids, retry=False, connection=connection)
        else:
            deliver_batch.apply_async((notification_ids,), retry=False, connection=connection)
    except Exception as error:  # any broker failure: refused, timed out, misconfigured
        forget_publishing_connection()
        log.warning(
            "Broker unavailable; %s e-mail(s) left to the sweeper: %s", len(notification_ids), error
        )


def publishing_connection():
    """This thread's broker connection for publishing, which tries once with a short
    timeout. The shared producer pool retries for seconds inside kombu even with
    retry=False, and a web request must not wait on a dead broker (6 s a request while
    Redis was down). Kept between requests: a new connection costs ~10 ms."""
    app = current_app
    url = app.conf.broker_write_url or app.conf.broker_url
    connection = getattr(_publishing, "connection", None)
    if connection is None or getattr(_publishing, "url", None) != url:
        options = {
            **(app.conf.broker_transport_options or {}),
            "max_retries": 0,
            "socket_connect_timeout": PUBLISH_TIMEOUT,
            "socket_timeout": PUBLISH_TIMEOUT,
        }
        connection = app.connection_for_write(
            url, connect_timeout=PUBLISH_TIMEOUT, transport_options=options
        )
        _publishing.url, _publishing.connection = url, connection
    return connection


def forget_publishing_connection():
    connection = getattr(_publishing, "connection", None)
    _publishing.connection = None
    if connection is not None:
        with contextlib.suppress(Exception):  # closing a connection to a broker that is gone
            connection.release()


def notify(recipient, kind, title, body="", url="", dedupe_key=None):
    """Record a notification in the caller's transaction and e-mail it after commit.

    Returns the Notification, or None when one with the same dedupe_key exists
    already (a reminder sent by another worker, a retry, a doubled beat tick).
    """
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
    transaction.on_commit(partial(enqueue_delivery, [notification.pk]))
    return notification


def notify_many(notices):
    """The sweeps' notify: write the notices whose dedupe_key no row holds yet, each key
    once, and e-mail the new ones after commit. Each notice is a dict of Notification
    fields (recipient_id, kind, title, body, url, dedupe_key). Returns how many were new."""
    if not notices:
        return 0
    created = create_new(notices)
    _email_after_commit([notification.pk for notification in created])
    return len(created)


def notify_select(sources):
    """notify_many for notices the database computes from the rows of a sweep's querysets:
    `sources` are (queryset, values) pairs as for lib.inserts.computed_rows, values holding
    expressions for notify_many's keys. Returns how many were new."""
    return notify_many(computed_rows(sources))


def create_new(notices):
    """Notifications for the notices whose dedupe_key is new, in one INSERT; returns them.

    A beat tick mostly finds its notices written already, so the keys that exist are read
    first and only the others inserted. Another worker may write some of the same keys
    in between: the insert then fails as a whole (in a savepoint, leaving the caller's
    transaction usable), and we look again and insert what is still new. Its rows are
    never returned as ours, so nobody is told twice."""
    by_key, without_key = {}, []
    for notice in notices:
        notice = {**notice, "title": notice["title"][:200]}
        if notice.get("dedupe_key") is None:
            without_key.append(notice)
        else:
            by_key.setdefault(notice["dedupe_key"], notice)
    existing = taken_keys(by_key)
    while True:
        fresh = [Notification(**n) for key, n in by_key.items() if key not in existing]
        fresh += [Notification(**n) for n in without_key]
        if not fresh:
            return []
        try:
            with transaction.atomic():
                return Notification.objects.bulk_create(fresh)
        except IntegrityError:
            taken = taken_keys(by_key)
            if taken <= existing:
                raise  # no other worker's key: a real error
            existing = taken  # leave the other worker's rows to it and insert the rest


def taken_keys(keys):
    return set(
        Notification.objects.filter(dedupe_key__in=list(keys))
        .order_by()
        .values_list("dedupe_key", flat=True)
    )


def _email_after_commit(notification_ids):
    if notification_ids:
        transaction.on_commit(partial(enqueue_delivery, notification_ids))
