"""The mentee's consent page: theirs alone, default no, a change applies at once."""

import datetime

import pytest

from mentoring.portfolio.models import LineageConsent, PortfolioConsent
from tests.factories import make_mentee, make_mentorship
from tests.portfolio.data import CANARY, CANARY_WORDS, PERIOD, feedback, make_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return make_record()


def url(mentorship):
    return f"/mentorships/{mentorship.pk}/portfolio-consent/"


def test_default_is_not_named_and_the_page_says_how_they_are_described(
    client, record, django_assert_max_num_queries
):
    client.force_login(record.canary)
    with django_assert_max_num_queries(12):
        page = client.get(url(record.canary_mentorship))
    text = page.content.decode()
    assert page.status_code == 200
    assert "A learner in MD, Preclinical years at the start" in text
    assert CANARY_WORDS in text  # offered for quoting, not ticked
    assert 'name="is_named" id="id_is_named" checked' not in text
    client.force_login(record.mentor)
    assert CANARY not in client.get("/portfolio/", PERIOD).content.decode()


def test_mentee_agrees_to_be_named_and_the_portfolio_names_them_at_once(client, record):
    client.force_login(record.canary)
    response = client.post(url(record.canary_mentorship), {"is_named": "on"})
    assert response.status_code == 302
    assert PortfolioConsent.objects.get(mentorship=record.canary_mentorship).is_named
    client.force_login(record.mentor)
    assert CANARY in client.get("/portfolio/", PERIOD).content.decode()


def test_withdrawn_consent_takes_effect_at_once(client, record):
    client.force_login(record.named)
    client.post(url(record.named_mentorship), {})  # nothing ticked
    consent = PortfolioConsent.objects.get(mentorship=record.named_mentorship)
    assert not consent.is_named and not consent.quoted_feedback.exists()
    client.force_login(record.mentor)
    text = client.get("/portfolio/", PERIOD).content.decode()
    assert "Noor Haddad" not in text
    assert "Asking me what I think" not in text
    assert "A learner in MD, Clerkship year at the start" in text


def test_feedback_of_another_mentorship_is_refused_and_nothing_changes(client, record):
    other = make_mentorship(record.mentor, make_mentee(), started_on=datetime.date(2025, 9, 1))
    foreign = feedback(other, "Someone else's words", datetime.date(2025, 12, 1))
    client.force_login(record.canary)
    response = client.post(
        url(record.canary_mentorship), {"is_named": "on", "quoted_feedback": [foreign.pk]}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not PortfolioConsent.objects.filter(mentorship=record.canary_mentorship).exists()


def test_a_malformed_choice_is_refused(client, record):
    client.force_login(record.canary)
    response = client.post(url(record.canary_mentorship), {"quoted_feedback": ["abc"]})
    assert response.status_code == 200
    assert "form-errors" in response.content.decode()
    assert not PortfolioConsent.objects.filter(mentorship=record.canary_mentorship).exists()


def test_lineage_consent_is_saved_for_the_person(client, record):
    client.force_login(record.canary)
    client.post(url(record.canary_mentorship), {"show_in_lineage": "on"})
    assert LineageConsent.objects.get(user=record.canary).is_shown


@pytest.mark.parametrize("who", ["mentor", "named", "outsider"])
def test_only_the_mentee_opens_their_consent(client, record, outsider, who):
    # The mentor too: the consent is the mentee's. `named` is another mentee of the mentor.
    person = outsider if who == "outsider" else getattr(record, who)
    client.force_login(person)
    assert client.get(url(record.canary_mentorship)).status_code == 404
    assert client.post(url(record.canary_mentorship), {"is_named": "on"}).status_code == 404
    assert not PortfolioConsent.objects.filter(mentorship=record.canary_mentorship).exists()


def test_mentorship_page_links_the_mentee_to_it(client, record):
    client.force_login(record.canary)
    page = client.get(f"/mentorships/{record.canary_mentorship.pk}/")
    assert url(record.canary_mentorship) in page.content.decode()
    client.force_login(record.mentor)
    page = client.get(f"/mentorships/{record.canary_mentorship.pk}/")
    assert url(record.canary_mentorship) not in page.content.decode()
