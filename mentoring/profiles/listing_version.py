"""A token that changes whenever anything the directory lists, filters or orders mentors by
changes: a mentor profile's row (its counters included), its interests, areas or
programmes, an interest, area, department or programme, or a mentor's name, time zone or
active flag on their account.

The matching app keeps results computed from those rows (the mentors a filter or a search
matches, in order; a student's recommended candidates) under the token, so that any change
makes them unreachable at once in every process, rather than stale until they expire.

A change drops the token twice: at once, for whoever reads inside the same transaction,
and again after the commit, because a result computed from the old rows before the commit
could otherwise be kept under a token made in between. A reader takes the token before
it reads the rows (matching.kept), so a kept result is never older than its token.
"""

import secrets

from django.core.cache import cache
from django.db import transaction

KEY = "mentor-listing-version"
# Only so that the key does not live for ever; what is kept under it has its own expiry.
KEPT_FOR = 24 * 60 * 60
# An account's fields that a listed mentor's card, filters, order or score read.
ACCOUNT_FIELDS_READ = {"display_name", "is_active", "time_zone"}


def current():
    """The token now: a new one when it was dropped, the same one for every process (the
    first to make it wins; add() does not overwrite)."""
    token = cache.get(KEY)
    if token is None:
        token = secrets.token_hex(6)
        if not cache.add(KEY, token, KEPT_FOR):
            token = cache.get(KEY) or token
    return token


def changed(**kwargs):
    """Drop the token now and after the commit. Also a signal receiver (profiles/apps.py)."""
    cache.delete(KEY)
    transaction.on_commit(lambda: cache.delete(KEY))


def links_changed(action, **kwargs):
    """Signal receiver (m2m_changed): the programmes a mentor mentors in changed."""
    if action in ("post_add", "post_remove", "post_clear"):
        changed()


def account_changed(update_fields=None, **kwargs):
    """Signal receiver (post_save of User): a sign-in saves last_login only, and changes nothing."""
    if update_fields is None or ACCOUNT_FIELDS_READ & set(update_fields):
        changed()
