"""The dashboards' aggregate tables, kept a few minutes in the cache.

At scale one dashboard's aggregates cost close to a second of SQL (PERFORMANCE.md), while
coordinators and staff read trends over months: figures a few minutes old serve them as
well, and the page says when they were computed. Only the aggregate tables are kept; the
student-level list and downloads (students.py) are always read fresh and audited.

A beat task (tasks.py) recomputes the default period of every dashboard before its entry
expires, so that the first look of the day does not wait; any other period is computed
on the first view and kept as long.
"""

import datetime
import time
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from mentoring.clerkships.models import Clerkship
from mentoring.dashboards import aggregates
from mentoring.dashboards.forms import default_period
from mentoring.dashboards.scope import Scope

FRESH_FOR = datetime.timedelta(minutes=5)
# Bump when a table's layout changes, so that entries pickled by older code are not read.
VERSION = 3
# While one request computes a dashboard, the others wait this long for its result.
WAIT_FOR_OTHERS = datetime.timedelta(seconds=10)
POLL_EVERY = 0.05


@dataclass(frozen=True)
class Figures:
    tables: dict  # name -> Table, with the rows the page shows
    as_of: datetime.datetime


def cache_key(scope):
    """The clerkship (or the school), the period and the time zone its days are cut in.

    The clerkship is in the key so that a coordinator is never served another clerkship's
    figures; the zone because a day, a month and "today" begin at the viewer's midnight."""
    where = f"clerkship-{scope.clerkship.pk}" if scope.clerkship else "school"
    zone = timezone.get_current_timezone_name()
    return f"dashboards:figures:v{VERSION}:{where}:{scope.start}:{scope.end}:{zone}"


def refresh(scope):
    """Compute the scope's tables now and keep them for FRESH_FOR."""
    tables = {name: table.as_shown() for name, table in aggregates.all_tables(scope).items()}
    figures = Figures(tables, timezone.now())
    cache.set(cache_key(scope), figures, FRESH_FOR.total_seconds())
    return figures


def figures_for(scope):
    """The scope's tables, from the cache if computed less than FRESH_FOR ago."""
    key = cache_key(scope)
    return cache.get(key) or computed_once(scope, key)


def computed_once(scope, key):
    """On a miss, one request computes; the others asking at the same time wait for its
    result instead of running the same second of SQL alongside it on the same cores."""
    lock = f"{key}:computing"
    if cache.add(lock, True, WAIT_FOR_OTHERS.total_seconds()):
        try:
            return refresh(scope)
        finally:
            cache.delete(lock)
    deadline = time.monotonic() + WAIT_FOR_OTHERS.total_seconds()
    while time.monotonic() < deadline:
        time.sleep(POLL_EVERY)
        if figures := cache.get(key):
            return figures
        if cache.get(lock) is None:  # the other request failed: compute here
            break
    return refresh(scope)


def forget(scope):
    """The next view computes the scope's figures afresh (the "Recompute now" button)."""
    cache.delete(cache_key(scope))


def refresh_defaults():
    """Recompute the default period (this academic year to date) of the school's and every
    clerkship's dashboard, as seen from the school's usual time zone: the page most people
    open, kept warm by the beat so that nobody waits for it."""
    with timezone.override(zoneinfo.ZoneInfo(settings.DEFAULT_USER_TIME_ZONE)):
        start, end = default_period()
        for clerkship in [None, *Clerkship.objects.order_by("pk")]:
            refresh(Scope(clerkship, start, end))
