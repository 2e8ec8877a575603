"""{% load links %}, then {% link "home" %}: the path of a page whose URL takes no
arguments, the same text as {% url "home" %}, reversed once per process.

The menu on every page names about a dozen such pages. Django's reverse() walks the URL
patterns and rebuilds the path each time, some 0.15 M instructions a call: the menu alone
cost a sixth of the lightest signed-in page. The path of a name without arguments depends
only on the URL configuration and the script prefix (where the site is mounted), so both
are part of the key: a test that swaps ROOT_URLCONF, or a server mounted under a prefix,
gets its own paths.
"""

import functools

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@functools.cache
def _path(name, urlconf, prefix):
    # reverse() reads the prefix itself; it is in the key so that each prefix has its entry.
    return reverse(name, urlconf=urlconf)


def path_of(name):
    """reverse(name), for a URL name that takes no arguments."""
    return _path(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@register.simple_tag
def link(name):
    return path_of(name)
