"""notify(), notify_many() and notify_select(): the one way any app tells a person something."""

import contextlib
import logging
import threading
from functools import partial

from celery import current_app
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Left
from django.utils import timezone

from mentoring.lib.inserts import insert_select, insert_values
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


def rewrite_body(dedupe_key, body):
    """Put new words in a notification that quotes some (the message it reports was edited).
    One written without words, for someone who chose none, stays without."""
    Notification.objects.filter(dedupe_key=dedupe_key).exclude(body="").update(body=body)


def withdraw(dedupe_keys):
    """Delete the notifications with these keys: what they report no longer exists."""
    Notification.objects.filter(dedupe_key__in=list(dedupe_keys)).delete()


def notify_many(notices):
    """The sweeps' notify: insert in one statement, skipping any whose dedupe_key exists,
    and e-mail the new ones after commit. Each notice is a dict of Notification fields
    (recipient_id, kind, title, body, url, dedupe_key). Returns how many were new."""
    if not notices:
        return 0
    keys = [n["dedupe_key"] for n in notices]
    with transaction.atomic():
        # A beat tick mostly finds its notices sent already: one read spares their inserts.
        existing = set(
            Notification.objects.filter(dedupe_key__in=keys)
            .order_by()
            .values_list("dedupe_key", flat=True)
        )
        created = insert_values(
            Notification,
            [{**n, "title": n["title"][:200]} for n in notices if n["dedupe_key"] not in existing],
        )
        _email_after_commit(created)
    return len(created)


def notify_select(sources):
    """notify_many for notices the database computes, so that a sweep over many rows builds
    no Python object per notice. `sources` are (queryset, values) pairs as for
    insert_select, values holding expressions for notify_many's keys. Skips any whose
    dedupe_key exists, e-mails the new ones after commit, and returns how many were new."""
    created = insert_select(
        Notification,
        [(rows, {**values, "title": Left(values["title"], 200)}) for rows, values in sources],
    )
    _email_after_commit(created)
    return len(created)


def settle(done):
    """Mark read what asked someone to act once the act is done (an answered, withdrawn or
    expired request), so that the inbox no longer counts it as waiting. `done`:
    (recipient_id, url) pairs, in one statement. Returns how many were marked."""
    match = Q()
    for recipient_id, url in done:
        match |= Q(recipient_id=recipient_id, url=url)
    return _mark_read(match) if done else 0


def settle_keys(recipient_id, dedupe_keys):
    """settle() for notices whose page is shared with others (the reassessments list):
    named by their dedupe keys instead."""
    return _mark_read(Q(recipient_id=recipient_id, dedupe_key__in=dedupe_keys))


def _mark_read(match):
    return Notification.objects.unread().filter(match).update(read_at=timezone.now())


def _email_after_commit(notification_ids):
    if notification_ids:
        transaction.on_commit(partial(enqueue_delivery, notification_ids))
