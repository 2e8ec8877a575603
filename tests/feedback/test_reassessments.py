"""Answering reassessments: periodic prompts, the first-meeting fit check, the closing survey."""

import datetime
from html import escape

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from mentoring.feedback import questions, reassessment
from mentoring.feedback.models import Reassessment
from mentoring.mentorships import lifecycle
from mentoring.mentorships.models import Mentorship
from tests.concurrency import run_at_once
from tests.factories import make_mentorship

DAY = datetime.timedelta(days=1)
NOON = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)


@pytest.fixture
def mentorship(mentor, mentee):
    return make_mentorship(mentor, mentee, reassess_every_days=90)


def prompt_for(mentorship, respondent, kind=Reassessment.Kind.PERIODIC):
    return Reassessment.objects.create(
        mentorship=mentorship, respondent=respondent, kind=kind, due_on=timezone.localdate()
    )


def url(prompt):
    return f"/reassessments/{prompt.pk}/"


def mentee_answers(**changes):
    answers = {f"score_{key}": "4" for key, _ in questions.MENTEE_SCORES}
    answers |= {"goals_fit": "yes", "arrangement_fit": "partly", "satisfaction": "4"}
    answers |= {"going_well": "Weekly calls.", "to_improve": "More feedback.", "signs": []}
    return answers | changes


def page(response):
    return response.content.decode()


@pytest.mark.django_db
def test_sweep_prompt_is_listed_for_its_respondent(client, mentorship, mentee):
    due = timezone.make_aware(datetime.datetime.combine(mentorship.reassess_on, datetime.time(9)))
    reassessment.send_periodic_prompts(due)
    prompt = Reassessment.objects.get(respondent=mentee)
    client.force_login(mentee)
    listing = page(client.get("/reassessments/"))
    assert "Periodic reassessment: Dr. Ines Alvarez" in listing
    assert f'href="{url(prompt)}"' in listing and "waiting since" in listing


@pytest.mark.django_db
def test_mentee_is_asked_the_nine_items_and_whether_goals_and_meetings_still_fit(
    client, mentorship, mentee
):
    client.force_login(mentee)
    form = page(client.get(url(prompt_for(mentorship, mentee))))
    assert len(questions.MENTEE_SCORES) == 9
    for _, text in questions.MENTEE_SCORES + questions.WARNING_SIGNS:
        assert escape(text) in form
    for label in [
        "Are the goals still the right ones?",
        "Does the way you meet still fit?",
        "How satisfied are you with this mentorship?",
        "Very dissatisfied",
        "Very satisfied",
        "What is going well",
        "What could be better",
        "Share my answers with my partner",
    ]:
        assert label in form
    # Sharing is decided last, once the respondent knows what the partner would read.
    assert form.index('name="is_shared"') > form.index('name="signs"')
    assert escape(questions.MENTOR_SCORES[1][1]) not in form  # the mentor's self-check
    assert escape(questions.MENTOR_DONTS[0][1]) not in form


@pytest.mark.django_db
def test_mentor_is_asked_the_self_check_the_donts_and_the_warning_signs(client, mentorship, mentor):
    client.force_login(mentor)
    form = page(client.get(url(prompt_for(mentorship, mentor))))
    for _, text in questions.MENTOR_SCORES + questions.MENTOR_DONTS + questions.WARNING_SIGNS:
        assert escape(text) in form
    assert 'type="checkbox" name="signs" value="took_credit"' in form
    assert escape("My mentor puts my interests first.") not in form


@pytest.mark.django_db
@time_machine.travel(NOON, tick=False)
def test_answers_are_saved_and_the_next_reassessment_moves_on(client, mentorship, mentee):
    prompt = prompt_for(mentorship, mentee)
    client.force_login(mentee)
    response = client.post(url(prompt), mentee_answers(signs=["over_dependence"]), follow=True)
    prompt.refresh_from_db()
    assert prompt.completed_at == NOON
    assert prompt.scores == {key: 4 for key, _ in questions.MENTEE_SCORES}
    assert prompt.warning_signs == ["over_dependence"]
    assert (prompt.goals_fit, prompt.arrangement_fit, prompt.satisfaction) == ("yes", "partly", 4)
    assert (prompt.going_well, prompt.is_shared) == ("Weekly calls.", False)
    mentorship.refresh_from_db()
    assert mentorship.reassess_on == NOON.date() + 90 * DAY
    shown = page(response)
    assert "Thank you. Your answers are saved." in shown and "seen by you alone" in shown
    assert escape(questions.REMEDIES["over_dependence"]) in shown
    assert "I can talk openly with my mentor." in shown and "Usually" in shown


@pytest.mark.django_db
def test_mentor_ticking_a_warning_sign_sees_its_remedy(client, mentorship, mentor):
    prompt = prompt_for(mentorship, mentor)
    answers = {f"score_{key}": "3" for key, _ in questions.MENTOR_SCORES}
    answers |= {"goals_fit": "no", "arrangement_fit": "yes", "satisfaction": "3"}
    client.force_login(mentor)
    response = client.post(url(prompt), answers | {"signs": ["own_agenda", "passivity"]})
    prompt.refresh_from_db()
    assert prompt.warning_signs == ["own_agenda", "passivity"]
    assert prompt.scores["tracks_progress"] == 3 and len(prompt.scores) == 7
    shown = page(client.get(response.url))
    assert escape(questions.REMEDIES["passivity"]) in shown
    assert escape(questions.MENTOR_DONTS[0][1]) in shown  # read back under "Noticed"


@pytest.mark.django_db
def test_fit_check_asks_only_whether_it_fits(client, mentorship, mentee):
    prompt = prompt_for(mentorship, mentee, kind=Reassessment.Kind.FIT_CHECK)
    client.force_login(mentee)
    form = page(client.get(url(prompt)))
    assert "After the first meeting, is this a good fit?" in form
    assert "Anything to say about it? (optional)" in form
    for absent in ["satisfaction", "goals_fit", "arrangement_fit", "to_improve", "score_", "signs"]:
        assert f'name="{absent}' not in form
    refused = page(client.post(url(prompt), {"going_well": "Kind and clear."}))
    assert "This field is required." in refused
    assert Reassessment.objects.get(pk=prompt.pk).completed_at is None
    client.post(url(prompt), {"fit": "unsure"})
    prompt.refresh_from_db()
    assert (prompt.fit, prompt.going_well, prompt.scores) == ("unsure", "", {})
    assert prompt.completed_at is not None
    assert Mentorship.objects.get().reassess_on == mentorship.reassess_on  # periodic only


@pytest.mark.django_db
def test_closing_survey_asks_satisfaction_what_helped_and_what_could_be_better(
    client, mentorship, mentee
):
    lifecycle.close(mentorship, mentee, "graduated")
    reassessment.send_closing_surveys(timezone.now())
    prompt = Reassessment.objects.get(respondent=mentee, kind="closing")
    client.force_login(mentee)
    form = page(client.get(url(prompt)))
    assert "What helped most?" in form and "What could have been better?" in form
    assert 'name="goals_fit"' not in form and 'name="score_' not in form
    assert "This field is required." in page(client.post(url(prompt), {"going_well": "x"}))
    client.post(url(prompt), {"satisfaction": "5", "going_well": "Honest feedback."})
    prompt.refresh_from_db()
    assert (prompt.satisfaction, prompt.going_well) == (5, "Honest feedback.")
    assert prompt.completed_at is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes, error",
    [
        ({"goals_fit": ""}, "This field is required."),
        ({"score_integrity": ""}, "This field is required."),
        ({"score_integrity": "9"}, "Select a valid choice. 9 is not one of the available"),
        ({"satisfaction": "0"}, "Select a valid choice. 0 is not one of the available"),
        ({"signs": ["self_doubt"]}, "Select a valid choice. self_doubt is not one of the"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_saved(client, mentorship, mentee, changes, error):
    prompt = prompt_for(mentorship, mentee)
    client.force_login(mentee)
    response = client.post(url(prompt), mentee_answers(**changes))
    assert response.status_code == 200
    assert error in page(response) and "Please correct the highlighted field" in page(response)
    prompt.refresh_from_db()
    assert (prompt.completed_at, prompt.scores, prompt.going_well) == (None, {}, "")
    assert Mentorship.objects.get().reassess_on == mentorship.reassess_on


@pytest.mark.django_db
def test_answering_twice_changes_nothing_and_says_so(client, mentorship, mentee):
    prompt = prompt_for(mentorship, mentee)
    client.force_login(mentee)
    client.post(url(prompt), mentee_answers())
    first = Reassessment.objects.values().get(pk=prompt.pk)
    reassess_on = Mentorship.objects.get().reassess_on
    again = mentee_answers(going_well="Changed my mind.", satisfaction="1", is_shared="on")
    response = client.post(url(prompt), again, follow=True)
    assert "These answers are already in." in page(response)
    assert Reassessment.objects.values().get(pk=prompt.pk) == first
    assert Mentorship.objects.get().reassess_on == reassess_on


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_tabs_answering_at_once_save_one_answer(mentorship, mentee):
    prompt = prompt_for(mentorship, mentee)
    clients = [Client() for _ in range(4)]
    for tab in clients:
        tab.force_login(mentee)
    posts = [
        lambda tab=tab, n=n: tab.post(
            url(prompt), mentee_answers(going_well=f"Tab {n}"), follow=True
        )
        for n, tab in enumerate(clients)
    ]
    shown = [page(response) for response in run_at_once(posts)]
    assert sum("Thank you. Your answers are saved." in p for p in shown) == 1
    assert sum("These answers are already in." in p for p in shown) == 3
    prompt.refresh_from_db()
    winner = next(n for n, p in enumerate(shown) if "Thank you" in p)
    assert prompt.going_well == f"Tab {winner}"


@pytest.mark.django_db
def test_open_prompts_are_listed_before_answered_ones(client, mentorship, mentee):
    answered = prompt_for(mentorship, mentee, kind=Reassessment.Kind.FIT_CHECK)
    Reassessment.objects.filter(pk=answered.pk).update(completed_at=timezone.now())
    waiting = Reassessment.objects.create(
        mentorship=mentorship, respondent=mentee, due_on=timezone.localdate() - 60 * DAY
    )
    client.force_login(mentee)
    listing = page(client.get("/reassessments/"))
    assert listing.index(f'href="{url(waiting)}"') < listing.index(f'href="{url(answered)}"')


@pytest.mark.django_db
def test_pages_stay_within_a_query_ceiling(
    client, mentorship, mentee, django_assert_max_num_queries
):
    prompt = prompt_for(mentorship, mentee)
    for n in range(1, 25):  # a history of answered ones, more than a page of the list
        Reassessment.objects.create(
            mentorship=mentorship,
            respondent=mentee,
            due_on=prompt.due_on - n * 90 * DAY,
            completed_at=timezone.now(),
        )
    client.force_login(mentee)
    # Measured: list 5, form 6, answering 7, reading back 6 (SQLite and PostgreSQL).
    with django_assert_max_num_queries(10):
        assert client.get("/reassessments/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(url(prompt)).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.post(url(prompt), mentee_answers()).status_code == 302
    with django_assert_max_num_queries(10):
        assert "Weekly calls." in page(client.get(url(prompt)))
