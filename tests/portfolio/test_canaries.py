"""An unconsented mentee's name, e-mail, outcome title and unshared words appear nowhere:
not on the page, in the CSV, the JSON, the staff's totals or the mentor's profile."""

import json

import pytest

from tests.portfolio.data import (
    CANARY,
    CANARY_EMAIL,
    CANARY_TITLE,
    CANARY_WORDS,
    PERIOD,
    make_record,
)

pytestmark = pytest.mark.django_db

SECRETS = [CANARY, CANARY_EMAIL, CANARY_TITLE, CANARY_WORDS, "Quillfeather"]


@pytest.fixture
def record():
    return make_record()


def assert_clean(text):
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.parametrize(
    "path", ["/portfolio/", "/portfolio/portfolio.csv", "/portfolio/portfolio.json"]
)
def test_no_unconsented_detail_in_the_portfolio(client, record, path):
    client.force_login(record.mentor)
    response = client.get(path, PERIOD)
    assert response.status_code == 200
    assert_clean(response.content.decode())


def test_the_unnamed_mentee_is_described_and_their_outcome_shown_by_kind_and_month(client, record):
    client.force_login(record.mentor)
    data = json.loads(client.get("/portfolio/portfolio.json", PERIOD).content)
    canary = next(m for m in data["mentees"] if not m["named_with_consent"])
    assert canary["mentee"] == "A learner in MD, Preclinical years at the start"
    assert canary["confirmed_outcomes"] == [
        {"kind": "Presentation or poster", "date": "2026-01-10"}
    ]
    assert canary["feedback_excerpts"] == []


def test_staff_totals_and_profile_carry_no_mentee_detail(client, record, staff):
    record.mentor.mentor_profile.save()
    client.force_login(staff)
    for path in ("/dashboards/portfolios/", "/dashboards/portfolios/?export=csv"):
        response = client.get(path, PERIOD)
        assert response.status_code == 200
        assert_clean(response.content.decode())
        assert "Noor Haddad" not in response.content.decode()
