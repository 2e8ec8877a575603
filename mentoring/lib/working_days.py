"""Counting working days (Monday to Friday) in the current time zone (in a request, the
person's). No holidays: a school's calendar is not known here, and a reminder a day early
harms no one."""

import datetime

from django.utils import timezone

SATURDAY = 5


def working_days_after(moment, days):
    """The moment `days` working days after `moment`, at the same time of day. A moment on a
    weekend counts from the start of the Monday after it: a concern sent on Saturday has
    had two working days at Wednesday 00:00, one sent on Friday at 15:00 at Tuesday 15:00."""
    local = timezone.localtime(moment)
    if local.weekday() >= SATURDAY:
        monday = local.date() + datetime.timedelta(days=7 - local.weekday())
        local = timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))
    while days > 0:
        local += datetime.timedelta(days=1)
        if local.weekday() < SATURDAY:
            days -= 1
    # Same wall-clock time across a change of summer time: make the moment aware again.
    return timezone.make_aware(local.replace(tzinfo=None))
