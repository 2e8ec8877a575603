"""Exactly one scheduler: Celery beat that sends periodic tasks only while it holds a lock.

Every `celery beat` of the site uses this scheduler (CELERY_BEAT_SCHEDULER). The lock is a
PostgreSQL session-level advisory lock, held on a connection of the scheduler's own: a
second beat started by mistake, on this host or another, finds it taken and stands by,
sending nothing; when the first one stops or dies, its connection closes, PostgreSQL lets
the lock go, and the standby takes it the next time one of its entries is due.

Both keep their schedule in step: each advances its entries when they are due (Celery's
own `tick`), and only the holder sends them. So the standby takes over where the first left
off instead of sending, at once, everything that came due while it waited. Only public
Celery API is used: `apply_entry` (where a due entry is sent) and `close`.

One window remains, documented rather than closed: an entry due in the very second the
holder dies may be skipped once. Every periodic task here is a sweep that catches up at its
next run (dedupe keys make a late run harmless), so a skipped run delays, never loses.

With SQLite (the embedded `make run`, one process) there is nothing to lock: beat sends.
"""

import contextlib
import logging

from celery.beat import PersistentScheduler
from django.db import Error, connections

logger = logging.getLogger(__name__)

# Any fixed 64-bit number; advisory locks are per database, so each site has its own.
LOCK_KEY = 4_801_120_226


class SchedulerLock:
    """The advisory lock on a connection of its own (never Django's per-thread one, which
    request handling and CONN_MAX_AGE may close)."""

    def __init__(self, alias="default"):
        self.alias = alias
        self.connection = None
        self.held = False

    @property
    def needed(self):
        return connections[self.alias].vendor == "postgresql"

    def hold(self):
        """Whether this process holds the lock now: taken when free, checked when held.
        A broken connection means the lock is gone with it; the next call tries again."""
        if not self.needed:
            return True
        try:
            if self.connection is None:
                self.connection = connections.create_connection(self.alias)
            with self.connection.cursor() as cursor:
                if self.held:
                    cursor.execute("SELECT 1")
                else:
                    cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
                    self.held = cursor.fetchone()[0]
        except Error:
            logger.warning("beat: the scheduler lock's database connection failed", exc_info=True)
            self.release()
        return self.held

    def release(self):
        """Let the lock go, then close the connection. Unlocked explicitly because a closed
        connection's session ends, and frees the lock, a moment after the client has gone:
        a standby asking in that moment would wait one more interval."""
        held, self.held = self.held, False
        connection, self.connection = self.connection, None
        if connection is None:
            return
        # Already broken, perhaps: then the session, and the lock, are gone anyway.
        if held:
            with contextlib.suppress(Error), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])
        with contextlib.suppress(Error):
            connection.close()


class SingleBeatScheduler(PersistentScheduler):
    """PersistentScheduler (the schedule file, as before) that sends only under the lock."""

    def __init__(self, *args, **kwargs):
        self.lock = SchedulerLock()
        self.was_holding = None
        super().__init__(*args, **kwargs)

    def apply_entry(self, entry, producer=None):
        holding = self.lock.hold()
        if holding != self.was_holding:
            self.was_holding = holding
            if holding:
                logger.info("beat: holding the scheduler lock: this beat sends the periodic tasks")
            else:
                logger.info("beat: another beat holds the scheduler lock: standing by")
        if holding:
            super().apply_entry(entry, producer=producer)
        else:
            logger.info("beat: standby, not sending %s (%s)", entry.name, entry.task)

    def close(self):
        try:
            super().close()
        finally:
            self.lock.release()
