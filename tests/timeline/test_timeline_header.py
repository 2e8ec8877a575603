"""The header: last contact, next planned meeting, and where the pair stands on their rhythm."""

import re

import pytest

from mentoring.meetings.models import Meeting
from mentoring.mentorships.lifecycle import pause
from mentoring.mentorships.models import Mentorship
from tests.meetings.factories import local, make_meeting
from tests.timeline.helpers import ago, timeline_url

pytestmark = pytest.mark.django_db


def header(client, person, mentorship):
    client.force_login(person)
    page = client.get(timeline_url(mentorship)).content.decode()
    rhythm = re.search(r'<p class="rhythm">(.*?)</p>', page, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", "", rhythm).split())


@pytest.mark.parametrize(
    ("days_ago", "status", "css"),
    [
        (3, "On track", "on-track"),
        (13, "On track", "on-track"),
        (15, "Due", "due"),
        (20, "Due", "due"),
        (22, "Overdue", "overdue"),
        (90, "Overdue", "overdue"),
    ],
)
def test_cadence_status_against_the_agreed_rhythm(
    client, mentor, mentorship, days_ago, status, css
):
    Mentorship.objects.filter(pk=mentorship.pk).update(last_contact_at=ago(days_ago))
    text = header(client, mentor, mentorship)
    assert f"{status} against meeting every 14 days" in text
    page = client.get(timeline_url(mentorship)).content.decode()
    assert f'<span class="cadence {css}">{status}</span>' in page


def test_without_any_contact_the_rhythm_counts_from_the_start(client, mentee, mentorship):
    # Begun 60 days ago with nothing logged: well past 1.5 times the 14-day rhythm.
    text = header(client, mentee, mentorship)
    assert "Last contact: none logged" in text
    assert "Next planned: nothing planned" in text
    assert "Overdue against meeting every 14 days" in text


def test_last_contact_and_next_planned_meeting(client, mentor, mentorship):
    make_meeting(mentorship, starts_at=local(days=-4, hour=10), status=Meeting.Status.HELD)
    planned = local(days=5, hour=15, minute=30)
    make_meeting(mentorship, starts_at=planned)
    text = header(client, mentor, mentorship)
    assert f"Last contact: {local(days=-4):%-d %b %Y}" in text
    assert f"Next planned: {planned:%-d %b %Y}, 15:30" in text
    assert "On track against meeting every 14 days" in text


def test_a_paused_mentorship_shows_no_cadence_status(client, mentor, mentee, mentorship):
    Mentorship.objects.filter(pk=mentorship.pk).update(last_contact_at=ago(90))
    pause(mentorship, by=mentee)
    text = header(client, mentor, mentorship)
    assert "Overdue" not in text and "against meeting every" not in text
