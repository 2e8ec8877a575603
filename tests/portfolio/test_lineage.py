"""Mentoring lineage: a former mentee who now mentors others shows in their old mentor's
portfolio and profile, named only with their consent."""

import pytest

from tests.factories import make_mentee, make_mentor, make_mentorship, make_user
from tests.portfolio.data import PERIOD, make_record, show_in_lineage

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    record = make_record()
    # Noor, the named mentee, is now faculty too (a new role on the same account), with a
    # mentee of her own; the canary mentors someone too but did not agree to be named.
    for former in (record.named, record.canary):
        make_mentor(former)
        make_mentorship(former, make_mentee())
    return record


def profile_url(record):
    return f"/mentors/{record.mentor.mentor_profile.pk}/"


def test_portfolio_and_profile_count_without_names_by_default(client, record, outsider):
    client.force_login(record.mentor)
    portfolio = client.get("/portfolio/", PERIOD).content.decode()
    assert "Mentored 2 learners here; 2 now mentor others." in portfolio
    client.force_login(outsider)
    profile = client.get(profile_url(record)).content.decode()
    assert "Mentored 2 learners here; 2 now mentor others." in profile
    assert "Noor Haddad" not in profile
    assert "Zebulon" not in profile


def test_a_former_mentee_who_agrees_is_named(client, record, outsider):
    show_in_lineage(record.named)
    client.force_login(outsider)
    profile = client.get(profile_url(record)).content.decode()
    assert "2 now mentor others, among them Noor Haddad." in profile
    assert "Zebulon" not in profile


def test_withdrawn_lineage_consent_takes_effect_at_once(client, record, outsider):
    show_in_lineage(record.named)
    show_in_lineage(record.named, shown=False)
    client.force_login(outsider)
    assert "Noor Haddad" not in client.get(profile_url(record)).content.decode()


def test_no_line_while_no_former_mentee_mentors(client, outsider, django_assert_max_num_queries):
    mentor = make_mentor(make_user(display_name="Dr. New"))
    make_mentorship(mentor, make_mentee())
    client.force_login(outsider)
    with django_assert_max_num_queries(12):
        page = client.get(f"/mentors/{mentor.mentor_profile.pk}/")
    assert "now mentor" not in page.content.decode()
