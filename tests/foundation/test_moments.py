"""{{ value|moment }} shows what Django's date filter would, in the viewer's time zone."""

import datetime
import zoneinfo

import time_machine
from django.template import Context, Template
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

DJANGO = Template(
    '{{ at|date:"D j M Y, H:i" }}|{{ at|date:"D j M, H:i" }}|{{ at|date:"j M Y" }}'
    '|{{ at|date:"j M Y, H:i" }}|{{ at|date:"c" }}'
)
OURS = Template(
    '{% load moments %}{{ at|moment }}|{{ at|moment:"short" }}|{{ at|moment:"day" }}'
    '|{{ at|moment:"day_time" }}'
)

ZONES = ["UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Europe/Dublin"]


def rendered(template, at):
    return template.render(Context({"at": at}))


@settings(max_examples=300, deadline=None)
@given(
    at=st.datetimes(
        min_value=datetime.datetime(1990, 1, 1),
        max_value=datetime.datetime(2090, 12, 31),
        timezones=st.just(datetime.UTC),
    ),
    zone=st.sampled_from(ZONES),
)
def test_the_same_words_and_instant_as_djangos_date_filter(at, zone):
    with timezone.override(zoneinfo.ZoneInfo(zone)):
        full, short, day, day_time, iso = rendered(DJANGO, at).split("|")
        ours = rendered(OURS, at).split("|")
    assert ours == [
        f'<time datetime="{iso}">{full}</time>',
        f'<time datetime="{iso}">{short}</time>',
        f'<time datetime="{iso}">{day}</time>',
        f'<time datetime="{iso}">{day_time}</time>',
    ]


def test_nothing_for_no_moment():
    assert rendered(OURS, None) == "|||"
    assert Template("{% load moments %}{{ at|ago }}").render(Context({"at": None})) == ""


@settings(max_examples=300, deadline=None)
@given(
    seconds=st.one_of(
        st.integers(min_value=-3600, max_value=7 * 86400),
        st.integers(min_value=0, max_value=30 * 365 * 86400),
    ),
    now=st.datetimes(
        min_value=datetime.datetime(2000, 1, 1),
        max_value=datetime.datetime(2090, 12, 31),
        timezones=st.just(datetime.UTC),
    ),
)
def test_ago_says_what_djangos_timesince_says(seconds, now):
    context = Context({"at": now - datetime.timedelta(seconds=seconds)})
    with time_machine.travel(now, tick=False):
        expected = Template("{{ at|timesince }}").render(context)
        ours = Template("{% load moments %}{{ at|ago }}").render(context)
    assert ours == expected


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2090, 12, 31)))
def test_day_month_says_what_the_date_filter_says_of_a_date(day):
    from mentoring.lib.moments import day_month

    assert day_month(day) == Template('{{ day|date:"j M" }}').render(Context({"day": day}))
