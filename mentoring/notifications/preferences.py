"""Who wants which e-mail, and when: choices per category, quiet hours, unsubscribe links."""

import datetime
import zoneinfo

from django.conf import settings
from django.core import signing
from django.urls import reverse

from mentoring.notifications.models import (
    TEXT_CATEGORIES,
    TEXT_KINDS,
    Category,
    EmailChoice,
    Notification,
    NotificationPreference,
    category_of,
)

# The unsubscribe link in a digest stops the digest: every category a person gets that way.
DIGEST_SCOPE = "digest"
UNSUBSCRIBE_SALT = "mentoring.notifications.unsubscribe"


def choices_of(user):
    """{category: EmailChoice} for every category; IMMEDIATE where the person chose nothing."""
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("category", "choice")
    )
    return {category: chosen.get(category, EmailChoice.IMMEDIATE) for category in Category}


def chosen_by(user):
    """(choices_of(user), the TEXT_CATEGORIES it may quote words in) in one query."""
    rows = NotificationPreference.objects.filter(user=user).values_list(
        "category", "choice", "include_text"
    )
    chosen, with_text = {}, set()
    for category, choice, include_text in rows:
        chosen[category] = choice
        if include_text and category in TEXT_CATEGORIES:
            with_text.add(Category(category))
    choices = {category: chosen.get(category, EmailChoice.IMMEDIATE) for category in Category}
    return choices, with_text


def choices_for(user_ids):
    """{user_id: {category: EmailChoice}} for these people, in one query; a category a
    person chose nothing for is missing (IMMEDIATE)."""
    chosen = {user_id: {} for user_id in user_ids}
    rows = NotificationPreference.objects.filter(user_id__in=chosen).values_list(
        "user_id", "category", "choice"
    )
    for user_id, category, choice in rows:
        chosen[user_id][category] = choice
    return chosen


def choose(user, choices, with_text=None):
    """Save {category: EmailChoice} for `user` in one query, whatever was there before.

    `with_text`, when given, is the set of TEXT_CATEGORIES whose notifications may quote a
    person's words; the others among `choices` are turned off. Turning it off also clears
    the words from notifications already written, so that they stay nowhere but in the
    conversation itself."""
    fields = ["choice", "updated_at"] + (["include_text"] if with_text is not None else [])
    NotificationPreference.objects.bulk_create(
        [
            NotificationPreference(
                user=user,
                category=category,
                choice=choice,
                include_text=category in (with_text or ()),
            )
            for category, choice in choices.items()
        ],
        update_conflicts=True,
        unique_fields=["user", "category"],
        update_fields=fields,
    )
    if with_text is not None:
        forget_text(user, [c for c in TEXT_CATEGORIES if c in choices and c not in with_text])


def text_categories_of(user):
    """The TEXT_CATEGORIES whose notifications may quote a person's words to `user`."""
    return set(
        NotificationPreference.objects.filter(
            user=user, category__in=TEXT_CATEGORIES, include_text=True
        ).values_list("category", flat=True)
    )


def wants_text(user, kind):
    """Whether a notification of this kind may carry the words it is about to `user`."""
    return kind in TEXT_KINDS and category_of(kind) in text_categories_of(user)


def forget_text(user, categories):
    """Clear the quoted words from this person's notifications of these categories."""
    kinds = [kind for kind in TEXT_KINDS if category_of(kind) in categories]
    if kinds:
        Notification.objects.filter(recipient=user, kind__in=kinds).exclude(body="").update(body="")


def categories_in_scope(user, scope):
    """The categories an unsubscribe link stops: its own (one, or several comma-separated
    for an e-mail that listed several), or for a digest's link, every category the person
    now gets in the digest."""
    if scope == DIGEST_SCOPE:
        return [c for c, choice in choices_of(user).items() if choice == EmailChoice.DIGEST]
    return [Category(part) for part in scope.split(",")]


# Time zones and quiet hours


def zone_named(name):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.DEFAULT_USER_TIME_ZONE)


def quiet_hours():
    """(start, end) local hours of the night when nobody is e-mailed, or None when off."""
    hours = getattr(settings, "NOTIFICATION_QUIET_HOURS", (21, 7))
    if not hours or hours[0] == hours[1]:
        return None
    return tuple(hours)


def digest_hour():
    """The local hour the digest goes out: by default the hour the night ends."""
    hours = quiet_hours()
    return getattr(settings, "NOTIFICATION_DIGEST_HOUR", hours[1] if hours else 7)


def quiet_until(user, now):
    """The end of `user`'s night if `now` falls in it, else None."""
    hours = quiet_hours()
    if hours is None:
        return None
    start, end = hours
    local = now.astimezone(zone_named(user.time_zone))
    # A night usually spans midnight (21 to 7): then it is every hour outside 7 to 21.
    at_night = not end <= local.hour < start if start > end else start <= local.hour < end
    if not at_night:
        return None
    morning = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if morning <= local:
        # Adding a day to a zoned datetime keeps the wall clock, so DST cannot shift it.
        morning += datetime.timedelta(days=1)
    return morning


# Unsubscribe links: the signed token is the credential, as mail clients cannot sign in.


def unsubscribe_token(user_id, scope):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"u": user_id, "c": scope})


def read_unsubscribe_token(token):
    """(user_id, scope) from a token; raises signing.BadSignature if it is not one of ours."""
    data = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    scope = data.get("c") if isinstance(data, dict) else None
    known = scope == DIGEST_SCOPE or (
        isinstance(scope, str) and set(scope.split(",")) <= set(Category.values)
    )
    if not known or not isinstance(data.get("u"), int):
        raise signing.BadSignature("Not an unsubscribe token")
    return data["u"], scope


def unsubscribe_url(user_id, scope):
    token = unsubscribe_token(user_id, scope)
    return settings.SITE_URL + reverse("notifications:unsubscribe", args=[token])


def settings_url():
    return settings.SITE_URL + reverse("notifications:settings")
