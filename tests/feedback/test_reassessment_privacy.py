"""Reassessment answers are the respondent's, the partner's if shared, and nobody else's."""

import pytest
from django.utils import timezone

from mentoring.feedback import questions
from mentoring.feedback.models import Reassessment
from tests.factories import make_mentorship

CANARY = "canary-reassess-7c3a"
HIDDEN = "canary-improve-19fd"


@pytest.fixture
def mentorship(mentor, mentee):
    return make_mentorship(mentor, mentee)


@pytest.fixture
def answered(mentorship, mentee):
    """The mentee's periodic reassessment, answered and not shared."""
    return Reassessment.objects.create(
        mentorship=mentorship,
        respondent=mentee,
        due_on=timezone.localdate(),
        completed_at=timezone.now(),
        going_well=CANARY,
        to_improve=HIDDEN,
        satisfaction=4,
        scores={"integrity": 5},
        warning_signs=["passivity"],
    )


def url(prompt):
    return f"/reassessments/{prompt.pk}/"


def share(prompt):
    Reassessment.objects.filter(pk=prompt.pk).update(is_shared=True)


@pytest.mark.django_db
def test_respondent_reads_their_own_answers_and_remedies(client, answered, mentee):
    client.force_login(mentee)
    page = client.get(url(answered)).content.decode()
    assert CANARY in page and HIDDEN in page and "seen by you alone" in page
    assert questions.REMEDIES["passivity"] in page


@pytest.mark.django_db
def test_partner_gets_404_until_the_answers_are_shared(client, answered, mentor):
    client.force_login(mentor)
    assert client.get(url(answered)).status_code == 404
    assert CANARY not in client.get("/reassessments/").content.decode()
    share(answered)
    page = client.get(url(answered)).content.decode()
    assert CANARY in page and "Sam Okafor shared their answers with you" in page
    assert questions.REMEDIES["passivity"] not in page  # advice is for the respondent


@pytest.mark.django_db
def test_shared_but_unanswered_prompt_stays_hidden_from_the_partner(
    client, mentorship, mentee, mentor
):
    open_prompt = Reassessment.objects.create(
        mentorship=mentorship, respondent=mentee, due_on=timezone.localdate(), is_shared=True
    )
    client.force_login(mentor)
    assert client.get(url(open_prompt)).status_code == 404
    assert client.post(url(open_prompt), {"satisfaction": "1"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("is_shared", [False, True])
@pytest.mark.parametrize("persona", ["outsider", "other_faculty", "coordinator", "staff"])
def test_everyone_else_gets_404_and_never_sees_the_answers(
    client, request, answered, persona, is_shared
):
    if is_shared:
        share(answered)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url(answered)).status_code == 404
    assert client.post(url(answered), {"going_well": "x"}).status_code == 404
    listing = client.get("/reassessments/")
    assert listing.status_code == 200
    assert CANARY not in listing.content.decode()


@pytest.mark.django_db
def test_signed_out_visitor_is_sent_to_sign_in(client, answered):
    response = client.get(url(answered))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.django_db
def test_partner_cannot_answer_someone_elses_prompt(client, mentorship, mentee, mentor):
    waiting = Reassessment.objects.create(
        mentorship=mentorship, respondent=mentee, due_on=timezone.localdate()
    )
    forged = {f"score_{key}": "1" for key, _ in questions.MENTEE_SCORES}
    forged |= {"goals_fit": "no", "arrangement_fit": "no", "satisfaction": "1"}
    forged |= {"going_well": "Written by the mentor", "is_shared": "on"}
    client.force_login(mentor)
    assert client.post(url(waiting), forged).status_code == 404
    waiting.refresh_from_db()
    assert (waiting.completed_at, waiting.going_well, waiting.is_shared) == (None, "", False)


@pytest.mark.django_db
def test_partner_cannot_overwrite_shared_answers(client, answered, mentor):
    share(answered)
    client.force_login(mentor)
    response = client.post(url(answered), {"going_well": "Overwritten", "satisfaction": "1"})
    assert response.status_code == 302
    answered.refresh_from_db()
    assert (answered.going_well, answered.satisfaction) == (CANARY, 4)


@pytest.mark.django_db
def test_admin_shows_completion_but_never_the_answers(client, answered, staff):
    share(answered)
    client.force_login(staff)
    changelist = client.get("/admin/feedback/reassessment/")
    change = client.get(f"/admin/feedback/reassessment/{answered.pk}/change/")
    assert changelist.status_code == change.status_code == 200
    for page in (changelist.content.decode(), change.content.decode()):
        assert "Periodic reassessment" in page
        assert CANARY not in page and HIDDEN not in page
    # A crafted admin POST cannot write the answers either: the fields are not in the form.
    client.post(f"/admin/feedback/reassessment/{answered.pk}/change/", {"going_well": "x"})
    answered.refresh_from_db()
    assert answered.going_well == CANARY


@pytest.mark.django_db
def test_reassessment_page_query_ceiling_for_a_partner(
    client, answered, mentor, django_assert_max_num_queries
):
    share(answered)
    client.force_login(mentor)
    with django_assert_max_num_queries(10):
        assert CANARY in client.get(url(answered)).content.decode()
