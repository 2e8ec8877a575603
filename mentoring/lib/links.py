"""{% load links %}, then {% link "home" %} or {% link "meetings:detail" meeting.pk %}: the
same path as {% url %} gives, for a URL with no argument or one whole number (an id), at a
fraction of the cost. In Python, path_of(name, *args).

Django's reverse() walks the URL patterns and rebuilds the path on every call, some 0.15 M
instructions: the menu's dozen links cost a sixth of the lightest signed-in page, and a
list with a link a row (the requests page, a timeline) paid it for each row. A path with
no argument is reversed once per process. A path with one id is reversed once with a
marker in the id's place, and each id is then written where the marker was; a pattern
whose path does not show the marker as given (a converter that rewrites it) is reversed
each time, as is any other argument. Both depend on the URL configuration and on the
script prefix (where the site is mounted), which are part of the key: a test that swaps
ROOT_URLCONF, or a server under a prefix, gets its own paths.
"""

import functools

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

register = template.Library()

MARKER = 918273645546372819


# reverse() reads the prefix itself; it is in the keys so that each prefix has its entry.
@functools.cache
def _fixed(name, urlconf, prefix):
    return reverse(name, urlconf=urlconf)


@functools.cache
def _around_id(name, urlconf, prefix):
    """The path for one id as (before, after) the id, or None when it cannot be split."""
    try:
        path = reverse(name, urlconf=urlconf, args=[MARKER])
    except NoReverseMatch:
        return None
    parts = path.split(str(MARKER))
    return tuple(parts) if len(parts) == 2 else None


def path_of(name, *args):
    """reverse(name, args=args)."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    if not args:
        return _fixed(name, urlconf, get_script_prefix())
    if len(args) == 1 and type(args[0]) is int and args[0] >= 0:
        around = _around_id(name, urlconf, get_script_prefix())
        if around:
            return f"{around[0]}{args[0]}{around[1]}"
    return reverse(name, urlconf=urlconf, args=args)


@register.simple_tag
def link(name, *args):
    return path_of(name, *args)
