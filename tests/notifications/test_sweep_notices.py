"""notify_many and notify_select: what the sweeps write, each notice once, e-mailed after commit."""

import pytest
from django.db.models import CharField, F, Value
from django.db.models.functions import Concat

from accounts.models import User
from mentoring.notifications.models import Notification
from mentoring.notifications.services import notify, notify_many, notify_select


def greetings(users):
    return [
        (
            users,
            {
                "recipient_id": F("pk"),
                "kind": Value("reminder.hello"),
                "title": Concat(Value("Hello "), F("display_name"), Value(" " + "!" * 300)),
                "body": Value("Nice to see you."),
                "url": Value("/home/"),
                "dedupe_key": Concat(Value("hello:"), F("pk"), output_field=CharField()),
            },
        )
    ]


@pytest.mark.django_db
def test_rows_computed_in_sql_are_notified_like_notify_many(
    mentor, mentee, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(mentor, "reminder.hello", "Hello", dedupe_key=f"hello:{mentor.pk}")
    people = User.objects.filter(pk__in=[mentor.pk, mentee.pk])

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert notify_select(greetings(people)) == 1  # the mentor had theirs already
        assert mailoutbox[1:] == []  # nothing leaves before the sweep's transaction commits
    assert len(callbacks) == 1

    new = Notification.objects.get(recipient=mentee)
    assert (new.kind, new.body, new.url, new.dedupe_key) == (
        "reminder.hello",
        "Nice to see you.",
        "/home/",
        f"hello:{mentee.pk}",
    )
    assert new.title == f"Hello {mentee.display_name} {'!' * 300}"[:200]
    assert (new.email_status, new.email_attempts, new.read_at) == ("sent", 1, None)
    assert [m.to for m in mailoutbox] == [[mentor.email], [mentee.email]]

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert notify_select(greetings(people)) == 0
    assert callbacks == []
    assert Notification.objects.count() == 2


@pytest.mark.django_db
def test_many_notices_are_written_once_each_and_only_new_ones_emailed(
    mentor, mentee, django_capture_on_commit_callbacks, mailoutbox
):
    # More rows than SQLite takes in one statement, some of them sent before, one twice.
    notify(mentee, "reminder.quiet", "Before", dedupe_key="quiet:3")
    notices = [
        {
            "recipient_id": mentor.pk,
            "kind": "reminder.quiet",
            "title": f"Reminder {n} " + "." * 300,
            "body": "",
            "url": f"/mentorships/{n}/",
            "dedupe_key": f"quiet:{n}",
        }
        for n in [*range(250), 7]
    ]

    with django_capture_on_commit_callbacks() as callbacks:
        assert notify_many(notices) == 249
    rows = Notification.objects.filter(recipient=mentor).order_by("pk")
    assert [r.dedupe_key for r in rows] == [f"quiet:{n}" for n in range(250) if n != 3]
    [email_them] = callbacks  # one task for the new rows, none for those sent before
    assert email_them.args == ([r.pk for r in rows],)
    assert {(r.kind, r.body, r.email_status, r.email_attempts) for r in rows} == {
        ("reminder.quiet", "", "pending", 0)
    }
    assert rows[0].title == f"Reminder 0 {'.' * 300}"[:200]
    assert Notification.objects.get(dedupe_key="quiet:3").title == "Before"
    assert notify_many(notices) == 0
    assert notify_many([]) == 0
