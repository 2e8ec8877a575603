"""The demo faculty member's portfolio is not empty: a named mentee (who agreed) and one
described by programme and stage, meetings and hours from the demo's logged meetings."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from mentoring.demo.school import DEMO_FACULTY_EMAIL
from mentoring.portfolio.models import PortfolioConsent

pytestmark = pytest.mark.django_db


def test_demo_faculty_portfolio_names_only_those_who_agreed(client):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # idempotent: nothing chosen twice
    faculty = User.objects.get(email=DEMO_FACULTY_EMAIL)
    consents = PortfolioConsent.objects.filter(mentorship__mentor=faculty).select_related(
        "mentorship__mentee"
    )
    named = [str(c.mentorship.mentee) for c in consents if c.is_named]
    unnamed = [str(c.mentorship.mentee) for c in consents if not c.is_named]
    assert named and unnamed
    client.force_login(faculty)
    page = client.get("/portfolio/").content.decode()
    assert all(name in page for name in named)
    assert not any(name in page for name in unnamed)
    assert "A learner in MD" in page
    assert "Nothing in this period yet" not in page
