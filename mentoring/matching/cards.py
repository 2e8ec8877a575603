"""Mentor cards (matching/_mentor_card.html), each rendered once and then read from the cache.

A card shows only public facts about its mentor, never anything about the viewer, so every
viewer shares it. It is stored under a hash of everything it shows and of the templates
that draw it: a profile that changes gets a new key, so a stale card can never be shown
and nothing has to be invalidated; the old entry just expires. A page reads all its
cards in one cache round trip and writes the missing ones in another.
"""

from django.core.cache import cache
from django.template.loader import get_template
from django.urls import reverse

from mentoring.lib.cache_keys import digest

CARD = "matching/_mentor_card.html"
TEMPLATES = [CARD, "matching/_availability.html"]
# Bump when a card's look changes outside its templates (a filter, a model property).
VERSION = 1
# Only to free memory: a key never outlives its content.
KEPT_FOR = 24 * 60 * 60


def rendered(profiles):
    """The HTML of each profile's card, in order. Profiles come from directory.page_of:
    with display_name, department_name, interest_names and area_names."""
    version = _version()
    keys = [card_key(profile, version) for profile in profiles]
    cards = cache.get_many(keys)
    missing = {}
    template = get_template(CARD)
    for key, profile in zip(keys, profiles, strict=True):
        if key not in cards:
            missing[key] = cards[key] = template.render({"profile": profile})
    if missing:
        cache.set_many(missing, KEPT_FOR)
    # Stored as the SafeString the template gave, and read back as one: no mark_safe here.
    return [cards[key] for key in keys]


def card_key(profile, version):
    shown = (
        profile.pk,
        profile.display_name,
        profile.title,
        profile.department_name,
        profile.specialty,
        profile.get_career_stage_display(),
        profile.interest_names,
        profile.area_names,
        profile.is_accepting,
        profile.room_left,
        profile.capacity,
        profile.modes,
        profile.response_hours,
        profile.availability_unconfirmed,
    )
    return f"mentor-card:{version}:{digest(shown)}"


def _version():
    """What every card depends on besides its profile: the templates as they are now
    (an edited template takes effect without a bump) and where a profile's link points."""
    sources = [get_template(name).template.source for name in TEMPLATES]
    return digest((VERSION, sources, reverse("matching:mentor", args=[0])))[:12]
