"""An outcome is seen by its mentee and the mentors of the mentorships it is tied to.

The canary string sits in the title, venue and details; it must appear on no page anyone
else can open (coordinators and staff included: they see counts only).
"""

import pytest

from mentoring.outcomes.models import Outcome
from tests.factories import make_outcome

CANARY = "canary-51d0e2-first-author-paper"


@pytest.fixture
def outcome(mentee, mentorship, second_mentorship):
    return make_outcome(
        mentee,
        f"Title {CANARY}",
        venue=f"Venue {CANARY}",
        details=f"Details {CANARY}",
        tied_to=[mentorship],
    )


def pages(outcome, mentorship, second_mentorship):
    return [
        "/outcomes/",
        "/outcomes/mentees/",
        f"/outcomes/{outcome.pk}/",
        f"/mentorships/{mentorship.pk}/outcomes/",
        f"/mentorships/{second_mentorship.pk}/outcomes/",
        "/notifications/",
        "/home/",
    ]


def seen(client, person, urls):
    client.force_login(person)
    return {
        url: (r.status_code, CANARY in r.content.decode())
        for url in urls
        for r in [client.get(url)]
    }


@pytest.mark.django_db
def test_mentee_and_the_tied_mentor_see_it(client, outcome, mentee, mentor, mentorship):
    client.force_login(mentee)
    for url in (
        "/outcomes/",
        f"/outcomes/{outcome.pk}/",
        f"/mentorships/{mentorship.pk}/outcomes/",
    ):
        assert CANARY in client.get(url).content.decode(), url
    client.force_login(mentor)
    page = client.get(f"/outcomes/{outcome.pk}/").content.decode()
    assert f"Details {CANARY}" in page and "Sam Okafor" in page
    for url in ("/outcomes/mentees/", f"/mentorships/{mentorship.pk}/outcomes/"):
        assert CANARY in client.get(url).content.decode(), url


@pytest.mark.django_db
def test_the_mentor_does_not_learn_of_the_other_ties(
    client, mentee, mentor, mentorship, second_mentorship
):
    outcome = make_outcome(mentee, "Shared twice", tied_to=[mentorship, second_mentorship])
    client.force_login(mentor)
    page = client.get(f"/outcomes/{outcome.pk}/").content.decode()
    assert "Shared twice" in page and "Dr. Second Mentor" not in page


@pytest.mark.django_db
def test_nobody_else_sees_it_anywhere(
    client,
    outcome,
    mentorship,
    second_mentorship,
    second_mentor,
    outsider,
    other_faculty,
    coordinator,
    staff,
):
    urls = pages(outcome, mentorship, second_mentorship)
    for person in (second_mentor, outsider, other_faculty, coordinator, staff):
        answers = seen(client, person, urls)
        assert not any(shown for _, shown in answers.values()), (person, answers)
        assert answers[f"/outcomes/{outcome.pk}/"][0] == 404, person
    # The partner of another mentorship of the same mentee: not their pair's page either.
    client.force_login(second_mentor)
    assert client.get(f"/mentorships/{mentorship.pk}/outcomes/").status_code == 404


@pytest.mark.django_db
def test_only_the_mentee_changes_it(client, outcome, mentor, outsider):
    before = list(Outcome.objects.values())
    client.force_login(mentor)
    for url in (f"/outcomes/{outcome.pk}/edit/", f"/outcomes/{outcome.pk}/delete/"):
        assert client.get(url).status_code == 403
        assert client.post(url, {"title": "Taken over"}).status_code == 403
    client.force_login(outsider)
    for url in (f"/outcomes/{outcome.pk}/edit/", f"/outcomes/{outcome.pk}/delete/"):
        assert client.post(url, {"title": "Taken over"}).status_code == 404
    assert list(Outcome.objects.values()) == before


@pytest.mark.django_db
def test_a_faculty_member_without_a_mentee_profile_has_no_outcome_list(client, mentor):
    client.force_login(mentor)
    assert client.get("/outcomes/").status_code == 404
    assert client.get("/outcomes/new/").status_code == 404
    assert "No outcomes yet" in client.get("/outcomes/mentees/").content.decode()
