"""A mentee records an outcome, ties it to their mentorships, and each mentor is asked once."""

import datetime

import pytest
from django.utils import timezone

from mentoring.notifications.models import Notification
from mentoring.outcomes.models import Outcome, OutcomeTie
from tests.factories import make_outcome


def post_data(**overrides):
    data = {
        "kind": "publication",
        "title": "Buprenorphine starts in the emergency department",
        "achieved_on": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "venue": "Academic Medicine",
        "doi": "https://doi.org/10.1097/ACM.0000000000001234",
        "pmid": "PMID: 15671207",
        "details": "First author.",
    }
    return data | overrides


@pytest.mark.django_db
def test_empty_list_says_why_to_record(client, mentee, django_assert_max_num_queries):
    client.force_login(mentee)
    with django_assert_max_num_queries(8):
        page = client.get("/outcomes/").content.decode()
    assert "No outcomes yet" in page
    assert "Why record it" in page and "Residency match or programme" in page


@pytest.mark.django_db
def test_mentee_records_and_ties_an_outcome(client, mentee, mentor, mentorship, second_mentorship):
    client.force_login(mentee)
    response = client.post("/outcomes/new/", post_data(tie_to=[mentorship.pk]))
    outcome = Outcome.objects.get()
    assert response.status_code == 302 and response.url == f"/outcomes/{outcome.pk}/"
    # The DOI and PMID are kept bare, however they were pasted.
    assert (outcome.doi, outcome.pmid, outcome.mentee) == (
        "10.1097/ACM.0000000000001234",
        "15671207",
        mentee,
    )
    tie = OutcomeTie.objects.get()
    assert (tie.mentorship, tie.confirmed_at) == (mentorship, None)
    note = Notification.objects.get(recipient=mentor)
    assert note.kind == "outcome.tied" and note.url == f"/outcomes/{outcome.pk}/"
    # The title is the mentee's words: not in a notification that may be e-mailed.
    assert "Buprenorphine" not in note.title
    page = client.get(response.url).content.decode()
    assert (
        "Waiting for confirmation" in page
        and "https://doi.org/10.1097/ACM.0000000000001234" in page
    )
    assert "https://pubmed.ncbi.nlm.nih.gov/15671207/" in page


@pytest.mark.django_db
def test_an_untied_outcome_is_private(client, mentee, mentor, mentorship):
    client.force_login(mentee)
    client.post("/outcomes/new/", post_data(kind="grant", doi="", pmid=""))
    outcome = Outcome.objects.get()
    assert not outcome.ties.exists() and not Notification.objects.filter(recipient=mentor).exists()
    assert "only you see it" in client.get("/outcomes/").content.decode()
    client.force_login(mentor)
    assert client.get(f"/outcomes/{outcome.pk}/").status_code == 404


@pytest.mark.django_db
def test_tying_again_does_not_ask_twice(client, mentee, mentor, mentorship):
    outcome = make_outcome(mentee, "Poster", kind="presentation")
    client.force_login(mentee)
    data = post_data(kind="presentation", title="Poster", doi="", pmid="")
    data["achieved_on"] = outcome.achieved_on.isoformat()
    client.post(f"/outcomes/{outcome.pk}/edit/", data | {"tie_to": [mentorship.pk]})
    client.post(f"/outcomes/{outcome.pk}/edit/", data)  # untied
    client.post(f"/outcomes/{outcome.pk}/edit/", data | {"tie_to": [mentorship.pk]})
    assert OutcomeTie.objects.filter(outcome=outcome).count() == 1
    assert Notification.objects.filter(recipient=mentor, kind="outcome.tied").count() == 1


@pytest.mark.django_db
def test_list_and_pages_keep_their_query_budget(
    client, mentee, mentorship, second_mentorship, django_assert_max_num_queries
):
    for n in range(12):
        make_outcome(mentee, f"Outcome {n}", tied_to=[mentorship, second_mentorship][: n % 3])
    outcome = make_outcome(mentee, "Last", tied_to=[mentorship])
    client.force_login(mentee)
    for url in (
        "/outcomes/",
        "/outcomes/new/",
        f"/outcomes/{outcome.pk}/",
        f"/outcomes/{outcome.pk}/edit/",
        f"/outcomes/{outcome.pk}/delete/",
        f"/mentorships/{mentorship.pk}/outcomes/",
    ):
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200, url
    assert "Outcome 11" in client.get("/outcomes/").content.decode()


@pytest.mark.django_db
def test_the_list_is_paged(client, mentee):
    for n in range(27):
        make_outcome(mentee, f"Numbered outcome {n:02d}", achieved_on=datetime.date(2020, 1, n + 1))
    client.force_login(mentee)
    first = client.get("/outcomes/").content.decode()
    second = client.get("/outcomes/?page=2").content.decode()
    assert "Numbered outcome 26" in first and "Numbered outcome 00" not in first
    assert "Numbered outcome 00" in second and "Page 2 of 2" in second


@pytest.mark.django_db
def test_delete_asks_first(client, mentee, mentorship):
    outcome = make_outcome(mentee, "To delete", tied_to=[mentorship], confirmed=[mentorship])
    client.force_login(mentee)
    page = client.get(f"/outcomes/{outcome.pk}/delete/").content.decode()
    assert "Delete “To delete”?" in page and Outcome.objects.filter(pk=outcome.pk).exists()
    response = client.post(f"/outcomes/{outcome.pk}/delete/")
    assert response.status_code == 302
    assert not Outcome.objects.exists() and not OutcomeTie.objects.exists()
