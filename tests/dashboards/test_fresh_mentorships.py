"""A mentorship that starts or ends shows on the kept dashboards within a minute, without
"Recompute now"; other scopes keep their figures, and saves that change no figure (a
meeting's last contact) recompute nothing."""

import datetime
import re

import pytest
import time_machine

from mentoring.meetings.contact import refresh_contact
from mentoring.mentorships import lifecycle
from mentoring.mentorships.models import Mentorship
from tests.dashboards.conftest import NOW, dashboard_url, make_student
from tests.factories import make_mentorship

pytestmark = pytest.mark.django_db

LATER = NOW + datetime.timedelta(minutes=1)


def coverage(client, url):
    """(students, with an active mentor) of the coverage table's 'All stages' row."""
    page = client.get(url).content.decode()
    row = re.search(
        r'<th scope="row">All stages</th><td data-label="[^"]*">(\d+)</td>'
        r'<td data-label="[^"]*">(\d+)</td>',
        page,
    )
    return int(row[1]), int(row[2])


def test_a_new_mentorship_shows_within_a_minute_and_only_where_the_mentee_rotates(
    client,
    coordinator,
    clerkship,
    coordinator_out,
    other_clerkship,
    mentor,
    mentee,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    make_student(other_clerkship)
    this_year, this_term = dashboard_url(clerkship), dashboard_url(clerkship, start="2026-01-05")
    client.force_login(coordinator)
    assert coverage(client, this_year) == coverage(client, this_term) == (1, 0)
    client.force_login(coordinator_out)
    assert coverage(client, dashboard_url(other_clerkship)) == (1, 0)

    with django_capture_on_commit_callbacks(execute=True):
        make_mentorship(mentor, mentee)

    # Figures younger than a minute still serve, so that a busy school recomputes its
    # dashboard at most once a minute however many mentorships start.
    client.force_login(coordinator)
    with time_machine.travel(NOW + datetime.timedelta(seconds=30), tick=False):
        assert coverage(client, this_year) == (1, 0)
    # A minute on, well within the five minutes the figures are kept: every period.
    with time_machine.travel(LATER, tick=False):
        assert coverage(client, this_year) == coverage(client, this_term) == (1, 1)
        assert "Figures as of 11:01." in client.get(this_year).content.decode()
        # A clerkship the mentee does not rotate in keeps its figures: session, user, the
        # clerkship, the navigation and the visit noted, no aggregate.
        client.force_login(coordinator_out)
        with django_assert_max_num_queries(6):
            client.get(dashboard_url(other_clerkship))


def test_an_ended_mentorship_shows_but_new_expectations_or_a_meeting_recompute_nothing(
    client,
    staff,
    mentor,
    mentee,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    mentorship = make_mentorship(mentor, mentee)
    client.force_login(staff)
    assert coverage(client, dashboard_url()) == (1, 1)

    with django_capture_on_commit_callbacks(execute=True):
        mentorship.cadence_days = 14  # an agreed change of rhythm, saved by mentorships
        mentorship.save(update_fields=Mentorship.EXPECTATION_FIELDS)
        refresh_contact(mentorship.pk)
    with time_machine.travel(LATER, tick=False), django_assert_max_num_queries(6):
        client.get(dashboard_url())

    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.close(mentorship, mentee, reason=Mentorship.CloseReason.GOALS_MET)
    with time_machine.travel(LATER, tick=False):
        assert coverage(client, dashboard_url()) == (1, 0)
