"""The dashboards' aggregate tables, drawn as HTML and kept a few minutes in the cache.

At scale one dashboard's aggregates cost close to a second of SQL (PERFORMANCE.md), while
coordinators and staff read trends over months: figures a few minutes old serve them as
well, and the page says when they were computed. Only the aggregate tables are kept (as
the HTML that shows them, figures_html.py); the student-level list and downloads
(students.py) are always read fresh and audited.

A beat task (tasks.py) recomputes the default period of every dashboard before its entry
expires, so that the first look of the day does not wait; any other period is computed
on the first view and kept as long.

A mentorship that starts, pauses, resumes or ends makes the kept figures of the school and
of the mentee's clerkships stale (mentorship_changed, connected in apps.py): each such
scope has a "version" in the cache, a random token replaced on every such change, and
figures computed under an older version are served for at most SHOWS_CHANGES_WITHIN, so a
new mentorship shows within a minute without "Recompute now"; anything else (a request, a
meeting, a reassessment) may be up to FRESH_FOR old. The minute bounds the cost: at scale
a mentorship starts or ends somewhere every few minutes, and each recomputation of the
school's dashboard costs 0.7-1 s of SQL, so it runs at most once a minute however many
change and however many look.
"""

import datetime
import time
import uuid
import zoneinfo
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from mentoring.clerkships.models import Clerkship, Rotation
from mentoring.dashboards import aggregates
from mentoring.dashboards.figures_html import figures_html
from mentoring.dashboards.forms import default_period
from mentoring.dashboards.scope import Scope
from mentoring.profiles.models import MenteeProfile
from mentoring.programmes.models import Programme

FRESH_FOR = datetime.timedelta(minutes=5)
# Figures that predate a mentorship's start or end are served at most this long.
SHOWS_CHANGES_WITHIN = datetime.timedelta(minutes=1)
# Bump when a table's layout changes, so that entries pickled by older code are not read.
VERSION = 8
# While one request computes a dashboard, the others wait this long for its result.
WAIT_FOR_OTHERS = datetime.timedelta(seconds=10)
POLL_EVERY = 0.05


@dataclass(frozen=True)
class Figures:
    as_of: datetime.datetime
    version: str | None  # the scope's version when the computation began (version_key)
    # The tables and charts drawn (figures_html.py): all the page reads of them, so the
    # tables themselves are not kept.
    html: str


def cache_key(scope):
    """The clerkship or programme (or the school), the period and the time zone its days
    are cut in.

    The place is in the key so that a coordinator is never served another clerkship's or
    programme's figures; the zone because a day, a month and "today" begin at the viewer's
    midnight."""
    zone = timezone.get_current_timezone_name()
    return f"dashboards:figures:v{VERSION}:{scope.place}:{scope.start}:{scope.end}:{zone}"


def version_key(place):
    """One version for all periods and zones of a dashboard (Scope.place)."""
    return f"dashboards:figures-version:{place}"


def version_key_for(scope):
    return version_key(scope.place)


def refresh(scope):
    """Compute the scope's tables now and keep them for FRESH_FOR.

    The version is read before the SQL runs: a mentorship that changes meanwhile replaces
    it, so these figures are not served as current afterwards."""
    version = cache.get(version_key_for(scope))
    as_of = timezone.now()
    tables = {name: table.as_shown() for name, table in aggregates.all_tables(scope).items()}
    figures = Figures(as_of, version, figures_html(scope, tables))
    cache.set(cache_key(scope), figures, FRESH_FOR.total_seconds())
    return figures


def figures_for(scope):
    """The scope's tables, from the cache if computed less than FRESH_FOR ago, and less
    than SHOWS_CHANGES_WITHIN ago if a mentorship of the scope started or ended since.
    One round trip to the cache."""
    key, versions = cache_key(scope), version_key_for(scope)
    found = cache.get_many([key, versions])
    figures, version = found.get(key), found.get(versions)
    if figures is not None and current(figures, version):
        return figures
    return computed_once(scope, key, version)


def current(figures, version):
    return figures.version == version or timezone.now() - figures.as_of < SHOWS_CHANGES_WITHIN


def computed_once(scope, key, version):
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
        figures = cache.get(key)
        if figures is not None and current(figures, version):
            return figures
        if cache.get(lock) is None:  # the other request failed: compute here
            break
    return refresh(scope)


def forget(scope):
    """The next view computes the scope's figures afresh (the "Recompute now" button)."""
    cache.delete(cache_key(scope))


def mentorship_changed(sender, instance, created=False, update_fields=None, **kwargs):
    """Signal receiver (post_save and post_delete of Mentorship, apps.py): a mentorship began,
    paused, resumed, ended or was deleted, so the school's figures and those of every
    clerkship the mentee rotates in are out of date. Saves that touch neither the status nor the
    people (last contact, answer times, expectations) change no figure this guards.

    A receiver, not a call from mentorships: that app sits below dashboards, and a
    mentorship starts or ends through several paths (accept, invite, register, close,
    the admin), all of which save the row. The versions change after the commit, so
    that a recomputation the change provokes reads the new row. Its cost: one query for
    the mentee's clerkships and one write to the cache, after the commit."""
    if update_fields is not None and not {"status", "mentor", "mentee"} & set(update_fields):
        return
    transaction.on_commit(partial(forget_scopes_of, instance.mentee_id))


def forget_scopes_of(mentee_pk):
    """Give the school, the mentee's programme and clerkships a new version: their kept
    figures, of any period and time zone, are recomputed on their next view."""
    clerkships = Rotation.objects.filter(student_id=mentee_pk).values_list(
        "clerkship_id", flat=True
    )
    programmes = MenteeProfile.objects.filter(user_id=mentee_pk, programme__isnull=False)
    places = [
        "school",
        *(f"clerkship-{pk}" for pk in set(clerkships)),
        *(f"programme-{pk}" for pk in programmes.values_list("programme_id", flat=True)),
    ]
    token = uuid.uuid4().hex
    # Kept without expiry: a version that expired would make every kept figure look stale.
    cache.set_many({version_key(place): token for place in places}, None)


def refresh_defaults():
    """Recompute the default period (this academic year to date) of the school's and every
    clerkship's dashboard, as seen from the school's usual time zone: the page most people
    open, kept warm by the beat so that nobody waits for it."""
    with timezone.override(zoneinfo.ZoneInfo(settings.DEFAULT_USER_TIME_ZONE)):
        start, end = default_period()
        for clerkship in [None, *Clerkship.objects.order_by("pk")]:
            refresh(Scope(clerkship, start, end))
        for programme in Programme.objects.order_by("pk"):
            refresh(Scope(None, start, end, programme))
