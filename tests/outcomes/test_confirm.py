"""The mentor confirms with one click; the mentee is told; changing the claim asks again."""

import pytest

from mentoring.notifications.models import Notification
from mentoring.outcomes import tying
from mentoring.outcomes.forms import OutcomeForm
from mentoring.outcomes.models import OutcomeTie
from tests.factories import make_outcome


def edit_data(outcome, **overrides):
    data = {
        "kind": outcome.kind,
        "title": outcome.title,
        "achieved_on": outcome.achieved_on.isoformat(),
        "venue": outcome.venue,
        "doi": outcome.doi,
        "pmid": outcome.pmid,
        "details": outcome.details,
        "tie_to": [tie.mentorship_id for tie in outcome.ties.all()],
    }
    return data | overrides


@pytest.mark.django_db
def test_mentor_confirms_in_one_click_and_the_mentee_is_told(
    client, mentee, mentor, mentorship, django_assert_max_num_queries
):
    outcome = make_outcome(mentee, "Poster at the spring meeting", tied_to=[mentorship])
    client.force_login(mentor)
    with django_assert_max_num_queries(8):
        page = client.get("/outcomes/mentees/").content.decode()
    assert "Poster at the spring meeting" in page and "Waiting for you" in page
    response = client.post(
        f"/outcomes/{outcome.pk}/confirm/", {"next": "/outcomes/mentees/"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/outcomes/mentees/"
    assert "Confirmed. Sam Okafor is told." in response.content.decode()
    assert OutcomeTie.objects.get().confirmed_at is not None
    note = Notification.objects.get(recipient=mentee)
    assert note.kind == "outcome.confirmed" and note.url == f"/outcomes/{outcome.pk}/"
    client.force_login(mentee)
    assert "Confirmed" in client.get(f"/outcomes/{outcome.pk}/").content.decode()


@pytest.mark.django_db
def test_a_second_click_changes_nothing(client, mentee, mentor, mentorship):
    outcome = make_outcome(mentee, tied_to=[mentorship])
    client.force_login(mentor)
    client.post(f"/outcomes/{outcome.pk}/confirm/")
    first = OutcomeTie.objects.get().confirmed_at
    response = client.post(f"/outcomes/{outcome.pk}/confirm/", follow=True)
    assert "You had confirmed this outcome already" in response.content.decode()
    assert OutcomeTie.objects.get().confirmed_at == first
    assert Notification.objects.filter(recipient=mentee).count() == 1


@pytest.mark.django_db
def test_mentor_confirms_from_the_mentorship_page(
    client, mentee, mentor, mentorship, django_assert_max_num_queries
):
    outcome = make_outcome(
        mentee, "Matched to internal medicine", kind="match", tied_to=[mentorship]
    )
    client.force_login(mentor)
    assert (
        f"/mentorships/{mentorship.pk}/outcomes/"
        in client.get(f"/mentorships/{mentorship.pk}/").content.decode()
    )
    with django_assert_max_num_queries(8):
        page = client.get(f"/mentorships/{mentorship.pk}/outcomes/").content.decode()
    assert "Matched to internal medicine" in page and f"/outcomes/{outcome.pk}/confirm/" in page
    client.post(
        f"/outcomes/{outcome.pk}/confirm/", {"next": f"/mentorships/{mentorship.pk}/outcomes/"}
    )
    page = client.get(f"/mentorships/{mentorship.pk}/outcomes/").content.decode()
    assert "Confirmed" in page and f"/outcomes/{outcome.pk}/confirm/" not in page
    # The mentee sees the tie but no confirm button of their own.
    client.force_login(mentee)
    page = client.get(f"/mentorships/{mentorship.pk}/outcomes/").content.decode()
    assert "Matched to internal medicine" in page and "/confirm/" not in page


@pytest.mark.django_db
def test_changing_the_claim_clears_the_confirmation_and_asks_again(
    client, mentee, mentor, mentorship, second_mentorship
):
    outcome = make_outcome(
        mentee, "Original title", tied_to=[mentorship, second_mentorship], confirmed=[mentorship]
    )
    client.force_login(mentee)
    response = client.post(
        f"/outcomes/{outcome.pk}/edit/", edit_data(outcome, title="New title"), follow=True
    )
    assert "asked to confirm it again" in response.content.decode()
    assert not OutcomeTie.objects.confirmed().exists()
    again = Notification.objects.get(recipient=mentor, kind="outcome.changed")
    assert again.url == f"/outcomes/{outcome.pk}/"
    # The second mentor had not confirmed: nothing to ask again.
    assert not Notification.objects.filter(kind="outcome.changed").exclude(pk=again.pk).exists()


@pytest.mark.django_db
def test_editing_only_the_details_keeps_the_confirmation(client, mentee, mentorship):
    outcome = make_outcome(
        mentee, "Kept", doi="10.1097/ACM.1", tied_to=[mentorship], confirmed=[mentorship]
    )
    client.force_login(mentee)
    data = edit_data(outcome, details="Now with my notes", doi="https://doi.org/10.1097/ACM.1")
    response = client.post(f"/outcomes/{outcome.pk}/edit/", data, follow=True)
    assert "Outcome saved." in response.content.decode()
    outcome.refresh_from_db()
    assert outcome.details == "Now with my notes"
    assert OutcomeTie.objects.get().confirmed_at is not None
    assert not Notification.objects.filter(kind="outcome.changed").exists()


@pytest.mark.django_db
def test_untying_a_confirmed_outcome_removes_the_tie(client, mentee, mentor, mentorship):
    outcome = make_outcome(mentee, tied_to=[mentorship], confirmed=[mentorship])
    client.force_login(mentee)
    client.post(f"/outcomes/{outcome.pk}/edit/", edit_data(outcome, tie_to=[]))
    assert not OutcomeTie.objects.exists()
    client.force_login(mentor)
    assert client.get(f"/outcomes/{outcome.pk}/").status_code == 404


@pytest.mark.django_db
def test_mentor_home_shows_outcomes_to_confirm(client, mentee, mentor, mentorship):
    make_outcome(mentee, tied_to=[mentorship])
    make_outcome(mentee, tied_to=[mentorship], confirmed=[mentorship])
    client.force_login(mentor)
    page = client.get("/home/").content.decode()
    assert "1 outcome your mentees recorded waits for your confirmation." in page
    assert "/outcomes/mentees/" in page


@pytest.mark.django_db
def test_a_doubled_submit_ties_once_and_asks_once(mentee, mentor, mentorship):
    outcome = make_outcome(mentee, "Doubled")
    form = OutcomeForm(edit_data(outcome, tie_to=[mentorship.pk]), instance=outcome)
    assert form.is_valid()
    # The other submit's tie lands between this one's form check and its save.
    other = OutcomeForm(edit_data(outcome, tie_to=[mentorship.pk]), instance=outcome)
    assert other.is_valid()
    tying.save_outcome(other, mentee)
    tying.save_outcome(form, mentee)
    assert OutcomeTie.objects.filter(outcome=outcome).count() == 1
    assert Notification.objects.filter(recipient=mentor, kind="outcome.tied").count() == 1
