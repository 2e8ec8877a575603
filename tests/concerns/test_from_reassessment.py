"""From a reassessment whose warning signs were ticked to the designated person and back:
offered after submitting, sent only with the respondent's consent."""

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from mentoring.concerns.models import Concern
from mentoring.feedback import questions
from mentoring.feedback.models import Reassessment
from mentoring.notifications.models import Notification

SIGN = dict(questions.WARNING_SIGNS)["over_dependence"]


def prompt_for(cast, respondent, **fields):
    return Reassessment.objects.create(
        mentorship=cast.mentorship, respondent=respondent, due_on=timezone.localdate(), **fields
    )


def answered(cast, respondent, signs):
    return prompt_for(cast, respondent, completed_at=timezone.now(), warning_signs=signs)


def mentee_answers(signs):
    answers = {f"score_{key}": "3" for key, _ in questions.MENTEE_SCORES}
    return answers | {
        "goals_fit": "yes",
        "arrangement_fit": "no",
        "satisfaction": "2",
        "signs": signs,
    }


def offer(prompt):
    return reverse("concerns:from-reassessment", args=[prompt.pk])


def test_from_a_warning_sign_to_the_ombudsperson_and_back(
    client, cast, django_assert_max_num_queries
):
    prompt = prompt_for(cast, cast.mentee)
    client.force_login(cast.mentee)
    submitted = client.post(
        reverse("feedback:reassessment", args=[prompt.pk]),
        mentee_answers(["over_dependence"]),
        follow=True,
    )
    assert offer(prompt) in submitted.content.decode()

    with django_assert_max_num_queries(12):
        form = client.get(offer(prompt))
    assert escape(SIGN) in form.content.decode()
    assert form.context["form"]["category"].value() == "over_dependence"

    details = form.context["form"]["details"].value() + "I feel I cannot decide anything alone."
    refused = client.post(
        offer(prompt), {"route": "ombudsperson", "category": "over_dependence", "details": details}
    )
    assert "Tick this box to send it; nothing is sent otherwise." in refused.content.decode()
    assert not Concern.objects.exists()

    client.post(
        offer(prompt),
        {
            "route": "ombudsperson",
            "category": "over_dependence",
            "details": details,
            "consent": "on",
        },
    )
    concern = Concern.objects.get()
    assert (concern.source, concern.sender, concern.route) == (
        "reassessment",
        cast.mentee,
        "ombudsperson",
    )
    assert SIGN in concern.details

    client.force_login(cast.ombudsperson)
    detail = reverse("concerns:detail", args=[concern.pk])
    assert "I feel I cannot decide anything alone." in client.get(detail).content.decode()
    client.post(reverse("concerns:reply", args=[concern.pk]), {"text": "Let us meet this week."})
    client.force_login(cast.mentee)
    assert "Let us meet this week." in client.get(detail).content.decode()
    assert not Notification.objects.filter(recipient=cast.mentor, kind__startswith="concern")


def test_a_reassessment_without_warning_signs_offers_nothing(client, cast):
    prompt = answered(cast, cast.mentee, [])
    client.force_login(cast.mentee)
    page = client.get(reverse("feedback:reassessment", args=[prompt.pk])).content.decode()
    assert offer(prompt) not in page
    assert client.get(offer(prompt)).status_code == 404


def test_a_mentors_own_donts_alone_offer_nothing(client, cast):
    prompt = answered(cast, cast.mentor, ["own_agenda"])
    client.force_login(cast.mentor)
    assert client.get(offer(prompt)).status_code == 404


def test_an_unanswered_prompt_offers_nothing(client, cast):
    prompt = prompt_for(cast, cast.mentee, warning_signs=["passivity"])
    client.force_login(cast.mentee)
    assert client.get(offer(prompt)).status_code == 404


def test_only_the_respondent_may_send_from_it(client, cast):
    prompt = answered(cast, cast.mentee, ["passivity"])
    Reassessment.objects.filter(pk=prompt.pk).update(is_shared=True)
    data = {"route": "ombudsperson", "category": "other", "details": "x", "consent": "on"}
    for person in (cast.mentor, cast.ombudsperson, cast.outsider, cast.staff):
        client.force_login(person)
        assert client.get(offer(prompt)).status_code == 404
        assert client.post(offer(prompt), data).status_code == 404
    assert not Concern.objects.exists()
