"""The mentee's portfolio choices are in their own record ("download my data"), not in the
mentor's; deleting an account takes the choices with it."""

import json

import pytest

from mentoring.portfolio.models import LineageConsent, PortfolioConsent
from tests.portfolio.data import make_record, show_in_lineage

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return make_record()


def test_the_mentee_finds_their_choices_in_their_record(client, record):
    client.force_login(record.named)
    data = json.loads(client.get("/record.json").content)
    (mentorship,) = data["mentorships"]
    assert mentorship["mentor_portfolio"] == {
        "named": True,
        "quoted_feedback_of": ["2025-12-05T15:00:00+00:00"],
    }
    page = client.get("/record/").content.decode()
    assert "In Dr. Ines Alvarez's portfolio: named; 1 feedback entry may be quoted." in page


def test_the_mentors_record_has_no_mentee_choices(client, record):
    client.force_login(record.mentor)
    data = json.loads(client.get("/record.json").content)
    assert all("mentor_portfolio" not in m for m in data["mentorships"])


def test_deleting_the_mentee_deletes_their_choices(record):
    show_in_lineage(record.named)
    record.named.delete()
    assert not PortfolioConsent.objects.filter(mentorship=record.named_mentorship.pk).exists()
    assert not LineageConsent.objects.filter(user=record.named.pk).exists()
