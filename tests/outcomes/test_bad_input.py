"""Bad input: a clear message on the form, and nothing in the database changes."""

import datetime

import pytest
from django.utils import timezone

from mentoring.notifications.models import Notification
from mentoring.outcomes.models import Outcome, OutcomeTie
from tests.factories import make_mentee, make_mentor, make_mentorship, make_outcome, make_user


def post_data(**overrides):
    data = {
        "kind": "publication",
        "title": "A paper",
        "achieved_on": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
    }
    return data | overrides


def snapshot():
    return (
        list(Outcome.objects.values_list("pk", "title", "doi", "pmid", "achieved_on")),
        list(OutcomeTie.objects.values_list("pk", "mentorship_id", "confirmed_at")),
        Notification.objects.count(),
    )


@pytest.fixture
def someone_elses(db, mentor):
    """A mentorship of the same mentor with another student."""
    return make_mentorship(mentor, make_mentee(make_user(display_name="Another Student")))


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("doi", "10.12/too-short-prefix", "Enter a DOI such as 10.1097/ACM"),
        ("doi", "doi 10.1097 ACM", "Enter a DOI such as 10.1097/ACM"),
        ("doi", "10.1097/has spaces", "Enter a DOI such as 10.1097/ACM"),
        ("pmid", "PMC1234567", "Enter a PubMed id as digits only"),
        ("pmid", "0123", "Enter a PubMed id as digits only"),
        ("pmid", "1234567890", "Enter a PubMed id as digits only"),
        ("achieved_on", "2999-01-01", "The date can&#x27;t be in the future"),
        ("achieved_on", "1900-01-01", "Enter a date in 1990 or later"),
        ("achieved_on", "not a date", "Enter the date as a day, month and year"),
        ("title", "", "Give the outcome a title"),
        ("kind", "patent", "Select a valid choice"),
    ],
)
@pytest.mark.django_db
def test_bad_field_is_refused_with_a_message(client, mentee, mentorship, field, value, message):
    existing = make_outcome(mentee, "Kept as it was", doi="10.1000/kept", tied_to=[mentorship])
    before = snapshot()
    client.force_login(mentee)
    response = client.post("/outcomes/new/", post_data(**{field: value}))
    assert response.status_code == 200 and message in response.content.decode()
    response = client.post(
        f"/outcomes/{existing.pk}/edit/", post_data(**{field: value, "tie_to": [mentorship.pk]})
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert snapshot() == before


@pytest.mark.django_db
def test_tomorrow_is_the_future(client, mentee):
    client.force_login(mentee)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post("/outcomes/new/", post_data(achieved_on=tomorrow.isoformat()))
    assert "can&#x27;t be in the future" in response.content.decode()
    assert not Outcome.objects.exists()
    client.post("/outcomes/new/", post_data(achieved_on=timezone.localdate().isoformat()))
    assert Outcome.objects.count() == 1  # today is fine


@pytest.mark.django_db
def test_someone_elses_mentorship_cannot_be_tied(client, mentee, mentorship, someone_elses):
    existing = make_outcome(mentee, "Mine", tied_to=[mentorship])
    before = snapshot()
    client.force_login(mentee)
    for url in ("/outcomes/new/", f"/outcomes/{existing.pk}/edit/"):
        response = client.post(url, post_data(tie_to=[mentorship.pk, someone_elses.pk]))
        page = response.content.decode()
        assert response.status_code == 200 and "that one is not one of yours" in page, url
        assert "Another Student" not in page  # the other pair is not named either
    for bad in ("99999999999999999999", "-1", "x"):
        response = client.post("/outcomes/new/", post_data(tie_to=[bad]))
        assert "that one is not one of yours" in response.content.decode(), bad
    assert snapshot() == before


@pytest.mark.django_db
def test_confirming_as_someone_not_the_mentor_is_404(
    client, mentee, mentorship, second_mentor, second_mentorship, outsider, other_faculty
):
    outcome = make_outcome(mentee, "Tied to the first mentor", tied_to=[mentorship])
    mentor_of_another = make_mentor(make_user(display_name="Dr. Elsewhere"))
    before = snapshot()
    for person in (mentee, second_mentor, outsider, other_faculty, mentor_of_another):
        client.force_login(person)
        assert client.post(f"/outcomes/{outcome.pk}/confirm/").status_code == 404, person
    client.force_login(second_mentor)
    assert client.post("/outcomes/99999999/confirm/").status_code == 404
    assert snapshot() == before


@pytest.mark.django_db
def test_confirm_is_post_only(client, mentee, mentor, mentorship):
    outcome = make_outcome(mentee, tied_to=[mentorship])
    client.force_login(mentor)
    assert client.get(f"/outcomes/{outcome.pk}/confirm/").status_code == 405
    assert OutcomeTie.objects.get().confirmed_at is None


@pytest.mark.django_db
def test_confirm_never_redirects_off_site(client, mentee, mentor, mentorship):
    outcome = make_outcome(mentee, tied_to=[mentorship])
    client.force_login(mentor)
    response = client.post(f"/outcomes/{outcome.pk}/confirm/", {"next": "https://evil.example/"})
    assert response.url == f"/outcomes/{outcome.pk}/"
