import datetime

import pytest
import time_machine

from mentoring.notifications import preferences
from mentoring.notifications.models import Category, EmailChoice, Notification
from mentoring.notifications.services import notify
from mentoring.notifications.tasks import send_digests
from tests.factories import make_user

UTC = datetime.UTC
Status = Notification.EmailStatus
ALL_DIGEST = dict.fromkeys(Category.values, EmailChoice.DIGEST)
TOKYO_MORNING = datetime.datetime(2026, 11, 23, 22, 30, tzinfo=UTC)  # 07:30 in Tokyo


def at(moment):
    return time_machine.travel(moment, tick=False)


def person_on_digest(time_zone="Asia/Tokyo", **fields):
    person = make_user(time_zone=time_zone, **fields)
    preferences.choose(person, ALL_DIGEST)
    return person


def hold(person, titles, capture, moment=TOKYO_MORNING - datetime.timedelta(hours=1)):
    """Notify `person` at `moment`: by default 06:30 in Tokyo, 15:30 the day before in Chicago."""
    with at(moment), capture(execute=True):
        for title in titles:
            notify(person, "request.new", title, url="/home/")


@pytest.mark.django_db
def test_each_person_gets_one_digest_with_all_their_held_titles_in_few_queries(
    django_capture_on_commit_callbacks, django_assert_max_num_queries, mailoutbox
):
    people = [person_on_digest() for _ in range(20)]
    for person in people:
        hold(
            person, [f"{person.pk}: item {n}" for n in range(5)], django_capture_on_commit_callbacks
        )
    assert (
        mailoutbox == [] and Notification.objects.filter(email_status=Status.DIGEST).count() == 100
    )

    with at(TOKYO_MORNING), django_assert_max_num_queries(8):
        send_digests()

    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in people)
    for email in mailoutbox:
        person = next(p for p in people if p.email == email.to[0])
        assert email.subject == "[Mentoring] Your daily digest: 5 updates"
        for n in range(5):
            assert f"{person.pk}: item {n}" in email.body
            assert f">{person.pk}: item {n}</a>" in email.alternatives[0][0]
        assert "http://testserver/home/" in email.body
    assert not Notification.objects.exclude(email_status=Status.SENT).exists()


@pytest.mark.django_db
def test_a_second_run_in_the_same_hour_sends_nothing(
    django_capture_on_commit_callbacks, mailoutbox
):
    person = person_on_digest()
    hold(person, ["Only once"], django_capture_on_commit_callbacks)
    with at(TOKYO_MORNING):
        send_digests()
    with at(TOKYO_MORNING + datetime.timedelta(minutes=20)):
        send_digests()
    assert [m.subject for m in mailoutbox] == ["[Mentoring] Your daily digest: 1 update"]


@pytest.mark.django_db
def test_the_digest_waits_for_the_morning_in_each_persons_time_zone(
    django_capture_on_commit_callbacks, mailoutbox
):
    in_tokyo = person_on_digest("Asia/Tokyo")
    in_chicago = person_on_digest("America/Chicago")  # 16:30 there at Tokyo's 07:30
    for person in (in_tokyo, in_chicago):
        hold(person, ["Held"], django_capture_on_commit_callbacks)
    with at(TOKYO_MORNING):
        send_digests()
    assert [m.to for m in mailoutbox] == [[in_tokyo.email]]
    with at(datetime.datetime(2026, 11, 24, 13, 0, tzinfo=UTC)):  # 07:00 in Chicago
        send_digests()
    assert [m.to for m in mailoutbox] == [[in_tokyo.email], [in_chicago.email]]


@pytest.mark.django_db
def test_a_category_turned_off_since_is_left_out(django_capture_on_commit_callbacks, mailoutbox):
    person = person_on_digest()
    hold(person, ["A request"], django_capture_on_commit_callbacks)
    with (
        at(TOKYO_MORNING - datetime.timedelta(hours=1)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify(person, "meeting.planned", "A meeting")
    preferences.choose(person, {Category.REQUESTS: EmailChoice.OFF})
    with at(TOKYO_MORNING):
        send_digests()
    [email] = mailoutbox
    assert "A meeting" in email.body and "A request" not in email.body
    assert Notification.objects.get(title="A request").email_status == Status.SKIPPED


@pytest.mark.django_db
def test_a_failed_digest_is_tried_again_at_the_next_run_visibly(
    django_capture_on_commit_callbacks, settings, mailoutbox
):
    person = person_on_digest()
    hold(person, ["Held"], django_capture_on_commit_callbacks)
    working_backend = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "tests.notifications.failing_backend.FailingBackend"
    with at(TOKYO_MORNING):
        send_digests()
    row = Notification.objects.get(recipient=person)
    assert row.email_status == Status.DIGEST
    assert "mail server refused" in row.email_error and row.email_attempts == 1

    settings.EMAIL_BACKEND = working_backend
    with at(TOKYO_MORNING + datetime.timedelta(hours=1)):
        send_digests()
    [email] = mailoutbox
    assert "Held" in email.body
    assert Notification.objects.get(recipient=person).email_status == Status.SENT


@pytest.mark.django_db
def test_a_missed_digest_hour_sends_at_the_next_run(django_capture_on_commit_callbacks, mailoutbox):
    person = person_on_digest()
    hold(person, ["Held overnight"], django_capture_on_commit_callbacks)
    # The broker was down at 07:00 and 08:00 in Tokyo: the 09:00 run still sends today's.
    with at(TOKYO_MORNING + datetime.timedelta(hours=1, minutes=30)):
        send_digests()
    assert [m.subject for m in mailoutbox] == ["[Mentoring] Your daily digest: 1 update"]


@pytest.mark.django_db
def test_rows_held_after_the_digest_hour_wait_for_the_next_morning(
    django_capture_on_commit_callbacks, mailoutbox
):
    person = person_on_digest()
    hold(person, ["Later"], django_capture_on_commit_callbacks, moment=TOKYO_MORNING)
    with at(TOKYO_MORNING + datetime.timedelta(hours=2)):
        send_digests()
    assert mailoutbox == []
    with at(TOKYO_MORNING + datetime.timedelta(days=1)):
        send_digests()
    assert [m.subject for m in mailoutbox] == ["[Mentoring] Your daily digest: 1 update"]


@pytest.mark.django_db
def test_the_digest_says_how_to_stop_it(django_capture_on_commit_callbacks, mailoutbox):
    person = person_on_digest()
    hold(person, ["Held"], django_capture_on_commit_callbacks)
    with at(TOKYO_MORNING):
        send_digests()
    [email] = mailoutbox
    link = preferences.unsubscribe_url(person.pk, preferences.DIGEST_SCOPE)
    assert f"Stop e-mails like this (the daily digest): {link}" in email.body
    assert "Change what we e-mail you: http://testserver/notifications/settings/" in email.body
    assert email.extra_headers["List-Unsubscribe"] == f"<{link}>"
