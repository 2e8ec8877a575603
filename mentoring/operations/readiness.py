"""What `/readyz/` checks: the database, the cache (Redis), the broker and the scheduler's
heartbeat, each with a short timeout. A failing part is named ("cache: unavailable",
"scheduler: silent for 12 minutes"); why it failed goes to the log only, since a driver's
error names hosts and ports and the endpoint answers anyone."""

import logging

from django.conf import settings
from django.core.cache import caches

from mentoring.operations.scheduler import last_tick, silent_minutes
from mentoring.operations.workers import queue_lengths

log = logging.getLogger(__name__)


def cache():
    """Redis itself, not the default cache, which quietly falls back to the database."""
    if "redis" in settings.CACHES:
        caches["redis"].has_key("readiness-probe")


def broker():
    queue_lengths()  # a round trip to the broker


def problems():
    """(figures, problems): each part's state, and one line per failing part."""
    figures, found = {}, []

    def attempt(name, check):
        try:
            result = check()
        except Exception as error:  # any failure of the part is "unavailable", never a 500
            log.warning("Readiness: %s unavailable (%s: %s)", name, type(error).__name__, error)
            figures[name] = "unavailable"
            found.append(f"{name}: unavailable")
            return False, None
        figures[name] = "ok"
        return True, result

    # Reading the scheduler's heartbeat is the database's check too: one query for both.
    database_up, tick = attempt("database", last_tick)
    attempt("cache", cache)
    attempt("broker", broker)
    if database_up:
        minutes = silent_minutes(tick)
        figures["scheduler_silent_minutes"] = round(minutes, 1)
        if minutes > settings.SCHEDULER_SILENT_MINUTES:
            figures["scheduler"] = f"silent for {int(minutes)} minutes"
            found.append(f"scheduler: {figures['scheduler']}")
        else:
            figures["scheduler"] = "ok" if tick else "no tick recorded yet"
    return figures, found
