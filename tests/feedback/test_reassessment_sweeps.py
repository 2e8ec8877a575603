"""The prompt sweeps compute their rows in SQL: they must write exactly what building each
prompt and notice in Python wrote, on PostgreSQL and on SQLite alike."""

import datetime

import pytest
from django.urls import reverse

from accounts.models import User
from mentoring.feedback import reassessment
from mentoring.feedback.models import Reassessment
from mentoring.mentorships.models import Mentorship
from mentoring.notifications.models import Notification
from tests.factories import make_mentee, make_mentor, make_mentorship, make_user

NOW = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)
Kind = Reassessment.Kind


def person(display_name, email=None):
    user = make_user(email=email)
    # The factory always names people; str(User) falls back to the address when unnamed.
    User.objects.filter(pk=user.pk).update(display_name=display_name)
    user.refresh_from_db()
    return user


def pair(mentor_name, mentee_name, mentee_email=None, **fields):
    mentorship = make_mentorship(
        make_mentor(person(mentor_name)), make_mentee(person(mentee_name, mentee_email))
    )
    Mentorship.objects.filter(pk=mentorship.pk).update(**fields)
    mentorship.refresh_from_db()
    return mentorship


def expected(mentorship, kind, due_on, skip=()):
    """The rows as the Python sweep built them: a Reassessment and a notify_many notice for
    each person of the mentorship, unsaved."""
    rows = []
    for respondent, partner in (
        (mentorship.mentor, mentorship.mentee),
        (mentorship.mentee, mentorship.mentor),
    ):
        if respondent in skip:
            continue
        prompt = Reassessment(
            mentorship_id=mentorship.pk,
            respondent_id=respondent.pk,
            kind=kind,
            due_on=due_on,
            created_at=NOW,
        )
        notice = Notification(
            recipient_id=respondent.pk,
            kind="reassessment.due",
            title=f"{prompt.get_kind_display()}: how is it going with {partner}?"[:200],
            body="A few minutes. Your answers stay yours unless you choose to share them.",
            url=reverse("feedback:open-reassessment", args=[mentorship.pk, kind]),
            dedupe_key=f"reassessment:{mentorship.pk}:{kind}:{due_on:%Y%m%d}:{respondent.pk}",
        )
        rows.append((prompt, notice))
    return rows


def fields(instance, leave_out=()):
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key and field.attname not in leave_out
    }


def assert_written(rows):
    prompts = Reassessment.objects.order_by("mentorship_id", "respondent_id")
    assert [fields(p) for p in prompts] == [
        fields(p)
        for p in sorted((p for p, _ in rows), key=lambda p: (p.mentorship_id, p.respondent_id))
    ]
    # created_at is the moment of the insert, as the notification's default gives it.
    notices = Notification.objects.order_by("dedupe_key")
    assert [fields(n, ["created_at"]) for n in notices] == [
        fields(n, ["created_at"]) for n in sorted((n for _, n in rows), key=lambda n: n.dedupe_key)
    ]


@pytest.mark.django_db
def test_fit_checks_write_what_the_python_sweep_wrote():
    # Late in the UTC day (the due date is the UTC date); a partner known only by an
    # address so long that the title is cut at 200 characters; a name beyond ASCII.
    late = pair(
        "Dr. Zoë Ñúñez",
        "",
        mentee_email=f"{'a' * 170}@med.example.edu",
        last_contact_at=datetime.datetime(2026, 3, 9, 23, 30, tzinfo=datetime.UTC),
    )
    early = pair(
        "Dr. Ines Alvarez",
        "Sam Okafor",
        last_contact_at=datetime.datetime(2026, 1, 2, 0, 15, tzinfo=datetime.UTC),
    )
    pair("Dr. Never Met", "Not Yet", last_contact_at=None)

    assert reassessment.send_fit_checks(NOW) == 4

    rows = expected(late, Kind.FIT_CHECK, datetime.date(2026, 3, 9))
    rows += expected(early, Kind.FIT_CHECK, datetime.date(2026, 1, 2))
    assert len(rows[0][1].title) == 200  # the mentor's, naming the unnamed mentee
    assert_written(rows)


@pytest.mark.django_db
def test_periodic_prompts_write_what_the_python_sweep_wrote():
    due = pair("Dr. Ines Alvarez", "Sam Okafor", reassess_on=datetime.date(2026, 3, 9))
    pair("Dr. Later", "Not Due", reassess_on=datetime.date(2026, 3, 11))
    # The mentor has not answered the last prompt: no new one for them, only the mentee.
    waiting = Reassessment.objects.create(
        mentorship=due,
        respondent=due.mentor,
        kind=Kind.PERIODIC,
        due_on=datetime.date(2025, 12, 1),
        created_at=NOW,
    )

    assert reassessment.send_periodic_prompts(NOW) == 1

    [(prompt, notice)] = expected(due, Kind.PERIODIC, datetime.date(2026, 3, 9), skip=[due.mentor])
    assert [fields(p) for p in Reassessment.objects.exclude(pk=waiting.pk)] == [fields(prompt)]
    assert [fields(n, ["created_at"]) for n in Notification.objects.all()] == [
        fields(notice, ["created_at"])
    ]


@pytest.mark.django_db
def test_closing_surveys_write_what_the_python_sweep_wrote():
    closed_at = datetime.datetime(2026, 3, 1, 23, 59, tzinfo=datetime.UTC)
    ended = pair(
        "Dr. Ines Alvarez", "Sam Okafor", status=Mentorship.Status.CLOSED, closed_at=closed_at
    )

    assert reassessment.send_closing_surveys(NOW) == 2

    assert_written(expected(ended, Kind.CLOSING, datetime.date(2026, 3, 1)))


@pytest.mark.django_db
def test_a_second_pass_writes_nothing_and_sends_nothing(
    django_capture_on_commit_callbacks, mailoutbox
):
    met = pair(
        "Dr. Ines Alvarez",
        "Sam Okafor",
        last_contact_at=datetime.datetime(2026, 3, 9, 10, tzinfo=datetime.UTC),
        reassess_on=datetime.date(2026, 3, 9),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert reassessment.send_periodic_prompts(NOW) == 2
        # Met and due the same day: the periodic reassessment asks, the fit check does not.
        assert reassessment.send_fit_checks(NOW) == 0
    assert sorted((m.to[0], m.subject) for m in mailoutbox) == sorted(
        (user.email, f"[Mentoring] Periodic reassessment: how is it going with {partner}?")
        for user, partner in ((met.mentor, met.mentee), (met.mentee, met.mentor))
    )

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert reassessment.send_periodic_prompts(NOW) == 0
        assert reassessment.send_fit_checks(NOW) == 0
    assert callbacks == []
    assert len(mailoutbox) == 2
    assert Reassessment.objects.count() == Notification.objects.count() == 2


@pytest.mark.django_db
def test_fit_checks_skip_recorded_relationships_and_begun_reassessments():
    """Both exclusions are in the sweep's SQL: no prompt, no notice."""
    met_on = datetime.datetime(2026, 3, 9, 10, tzinfo=datetime.UTC)
    pair("Dr. Had Met", "Long Ago", last_contact_at=met_on, recorded_on=datetime.date(2026, 3, 1))
    begun = pair("Dr. Begun", "Already Asked", last_contact_at=met_on)
    Reassessment.objects.create(
        mentorship=begun,
        respondent=begun.mentee,
        kind=Kind.PERIODIC,
        due_on=datetime.date(2026, 3, 1),
        created_at=NOW,
        completed_at=NOW,
    )
    fresh = pair("Dr. Ines Alvarez", "Sam Okafor", last_contact_at=met_on)

    assert reassessment.send_fit_checks(NOW) == 2

    assert set(
        Reassessment.objects.filter(kind=Kind.FIT_CHECK).values_list("mentorship_id", flat=True)
    ) == {fresh.pk}
    assert Notification.objects.count() == 2
