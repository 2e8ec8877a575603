"""The demo school has outcomes: most confirmed, one waiting for the demo faculty member."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from mentoring.demo import school
from mentoring.outcomes.models import Outcome, OutcomeTie


@pytest.mark.django_db
def test_seed_demo_adds_outcomes_once(client):
    call_command("seed_demo", stdout=StringIO())
    assert Outcome.objects.count() >= 5
    assert OutcomeTie.objects.confirmed().exists() and OutcomeTie.objects.unconfirmed().exists()
    assert not Outcome.objects.filter(achieved_on__gt=timezone.localdate()).exists()
    for tie in OutcomeTie.objects.select_related("outcome", "mentorship"):
        assert tie.outcome.mentee_id == tie.mentorship.mentee_id
        assert tie.outcome.achieved_on >= tie.mentorship.started_on
    waiting = OutcomeTie.objects.unconfirmed().filter(
        mentorship__mentor__email=school.DEMO_FACULTY_EMAIL
    )
    assert waiting.exists()
    before = list(Outcome.objects.values_list("pk", flat=True))
    call_command("seed_demo", stdout=StringIO())
    assert list(Outcome.objects.values_list("pk", flat=True)) == before
    client.force_login(waiting.first().mentorship.mentor)
    assert "your mentees recorded wait" in client.get("/home/").content.decode()
    assert "Waiting for you" in client.get("/outcomes/mentees/").content.decode()
