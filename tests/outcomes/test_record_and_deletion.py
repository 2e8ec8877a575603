"""The mentee's outcomes are in their record, and go with their account; a mentor's
departure leaves the mentee's outcome and its confirmation in place."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from mentoring.outcomes.models import Outcome, OutcomeTie
from mentoring.records.account_deletion import PLACEHOLDER_NAME, delete_account
from tests.factories import make_outcome

CANARY = "canary-0b7e-outcome-of-the-mentee"


@pytest.fixture
def outcomes(mentee, mentorship, second_mentorship):
    confirmed = make_outcome(
        mentee,
        f"Paper {CANARY}",
        doi="10.1097/ACM.0000000000001234",
        pmid="15671207",
        venue="Academic Medicine",
        achieved_on=datetime.date(2025, 3, 1),
        tied_to=[mentorship, second_mentorship],
        confirmed=[mentorship],
    )
    private = make_outcome(
        mentee, "Private award", kind="grant", achieved_on=datetime.date(2025, 5, 1)
    )
    return confirmed, private


@pytest.mark.django_db
def test_the_json_record_holds_the_outcomes(client, mentee, outcomes):
    client.force_login(mentee)
    record = json.loads(client.get("/record.json").content)
    assert [o["title"] for o in record["outcomes"]] == ["Private award", f"Paper {CANARY}"]
    paper = record["outcomes"][1]
    assert (paper["kind"], paper["date"], paper["doi"], paper["pmid"]) == (
        "Publication",
        "2025-03-01",
        "10.1097/ACM.0000000000001234",
        "15671207",
    )
    ties = {tie["mentor"]: tie["confirmed_at"] for tie in paper["tied_to"]}
    assert ties["Dr. Ines Alvarez"] is not None and ties["Dr. Second Mentor"] is None
    assert record["outcomes"][0]["tied_to"] == []


@pytest.mark.django_db
def test_the_printable_record_shows_them(client, mentee, outcomes, django_assert_max_num_queries):
    client.force_login(mentee)
    with django_assert_max_num_queries(14):
        page = client.get("/record/").content.decode()
    assert f"Paper {CANARY}" in page and "Dr. Ines Alvarez: confirmed" in page
    assert "Private: tied to no mentorship." in page


@pytest.mark.django_db
def test_a_mentors_record_does_not_hold_the_mentees_outcomes(client, mentor, outcomes):
    client.force_login(mentor)
    assert CANARY not in client.get("/record.json").content.decode()


@pytest.mark.django_db
def test_deleting_the_mentees_account_deletes_their_outcomes(mentee, outcomes):
    delete_account(mentee)
    assert not Outcome.objects.exists() and not OutcomeTie.objects.exists()
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    assert CANARY not in out.getvalue()


@pytest.mark.django_db
def test_a_departing_mentor_leaves_the_mentees_outcome(
    client, mentee, mentor, mentorship, outcomes
):
    delete_account(mentor)
    tie = OutcomeTie.objects.get(mentorship=mentorship)
    assert tie.confirmed_at is not None and tie.mentorship.mentor.display_name == PLACEHOLDER_NAME
    client.force_login(mentee)
    assert CANARY in client.get(f"/outcomes/{outcomes[0].pk}/").content.decode()


@pytest.mark.django_db
def test_a_departed_mentor_is_not_offered_but_an_old_tie_stays(
    client, mentee, mentor, mentorship, second_mentorship, outcomes
):
    delete_account(mentor)
    client.force_login(mentee)
    assert PLACEHOLDER_NAME not in client.get("/outcomes/new/").content.decode()
    paper = outcomes[0]
    page = client.get(f"/outcomes/{paper.pk}/edit/").content.decode()
    assert PLACEHOLDER_NAME in page  # the tie made before is shown, ticked
    data = {
        "kind": paper.kind,
        "title": paper.title,
        "achieved_on": paper.achieved_on.isoformat(),
        "venue": paper.venue,
        "doi": paper.doi,
        "pmid": paper.pmid,
        "details": "More notes",
        "tie_to": [mentorship.pk, second_mentorship.pk],
    }
    assert client.post(f"/outcomes/{paper.pk}/edit/", data).status_code == 302
    assert OutcomeTie.objects.filter(outcome=paper).count() == 2
    private = outcomes[1]
    data |= {"title": private.title, "tie_to": [mentorship.pk]}
    response = client.post(f"/outcomes/{private.pk}/edit/", data)
    assert "that one is not one of yours" in response.content.decode()
    assert not OutcomeTie.objects.filter(outcome=private).exists()
