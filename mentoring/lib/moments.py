"""{% load moments %}, then {{ value|moment }}: a moment as a <time> element in the viewer's
time zone, "Mon 7 Dec 2026, 14:05" ({{ value|moment:"short" }}: "Mon 7 Dec, 14:05";
{{ value|moment:"day" }}: "7 Dec 2026"; {{ value|moment:"day_time" }}: "7 Dec 2026, 14:05");
{{ value|ago }}: "3 days, 4 hours", as Django's timesince filter.

The same text as Django's date filter with "D j M Y, H:i", "D j M, H:i", "j M Y" and
"j M Y, H:i" (a test compares them), at a fraction of the cost: that filter asks for the
active language, the format and each day and month name through translation on every call,
some 0.4 M instructions, which a thread of 50 messages pays twice a message. The product
speaks English only (LANGUAGE_CODE), so the names are fixed here. timesince looks up six
plural forms the same way; it takes its words as an argument, and gets them plain.
"""

from django import template
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.timesince import timesince

register = template.Library()

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_month(day):
    """A date or a moment as "7 Dec", as the date filter's "j M"."""
    return f"{day.day} {MONTHS[day.month - 1]}"


def _day_month(at):
    return f"{DAYS[at.weekday()]} {day_month(at)}"


# Hours and minutes by hand: strftime costs as much again as the rest of a moment.
STYLES = {
    "full": lambda at: f"{_day_month(at)} {at.year}, {at.hour:02d}:{at.minute:02d}",
    "short": lambda at: f"{_day_month(at)}, {at.hour:02d}:{at.minute:02d}",
    "day": lambda at: f"{day_month(at)} {at.year}",
    "day_time": lambda at: f"{day_month(at)} {at.year}, {at.hour:02d}:{at.minute:02d}",
}


@register.filter(expects_localtime=False)
def moment(value, style="full", zone=None):
    """`zone` (the viewer's, by default): a list of moments asks for it once."""
    if not value:
        return ""
    local = timezone.localtime(value, zone)
    # Digits, fixed names and an ISO stamp: nothing in it needs escaping.
    return SafeString(f'<time datetime="{local.isoformat()}">{STYLES[style](local)}</time>')


class Plural:
    """What timesince does with a word: `word % {"num": n}`, one or many."""

    def __init__(self, one, many):
        self.one, self.many = one, many

    def __mod__(self, values):
        return (self.one if values["num"] == 1 else self.many) % values


UNITS = {
    unit: Plural(f"%(num)d {unit}", f"%(num)d {unit}s")
    for unit in ("year", "month", "week", "day", "hour", "minute")
}


@register.filter(expects_localtime=False)
def ago(value):
    if not value:
        return ""
    return timesince(value, time_strings=UNITS)
