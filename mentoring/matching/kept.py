"""Results computed from the mentor rows, kept in the cache under the listing version
(profiles/listing_version.py): every match of each form of the directory (filters, search,
order), in order, and a student's recommendation candidates.

Whatever they are computed from changes the version when it changes, so a kept result is
read only while it is still true, and is shared by every process. Students ask the same
few filters and reload the same searches and recommendations far more often than mentors
change; a change costs one recomputation per result asked again.
"""

from django.core.cache import cache

from mentoring.lib.cache_keys import digest
from mentoring.profiles import listing_version

# What no write marks bounds this: time passing, which makes a mentor's availability
# unconfirmed (a recommendation's penalty) a fortnight after they were asked.
KEPT_FOR = 5 * 60


def kept(name, parts, compute):
    """compute()'s result for `parts` (a repr-able description of every input besides the
    mentor rows), from the cache, or computed and kept."""
    # Taken before the rows are read: a change committed meanwhile drops this version,
    # so a result computed from rows older than it cannot be kept under a newer one.
    version = listing_version.current()
    key = f"{name}:{version}:{digest(parts)[:32]}"
    result = cache.get(key)
    if result is None:
        result = compute()
        cache.set(key, result, KEPT_FOR)
    return result
