import pytest

from mentoring.notifications import delivery, preferences
from mentoring.notifications.models import Category, EmailChoice, Notification, category_of
from mentoring.notifications.services import notify
from mentoring.notifications.tasks import deliver_batch

Status = Notification.EmailStatus


def notify_and_deliver(person, kind, title, capture):
    with capture(execute=True):
        notification = notify(person, kind, title, url="/home/")
    notification.refresh_from_db()
    return notification


@pytest.mark.parametrize(
    ("kind", "category"),
    [
        ("request.new", Category.REQUESTS),
        ("invitation.new", Category.REQUESTS),
        ("register.new", Category.REQUESTS),
        ("mentorship.paused", Category.MENTORSHIPS),
        ("expectations.proposed", Category.MENTORSHIPS),
        ("meeting.planned", Category.MEETINGS),
        ("feedback.requested", Category.FEEDBACK),
        ("goal.shared", Category.FEEDBACK),
        ("reminder.action_item", Category.REMINDERS),
        ("reminder.quiet", Category.REMINDERS),
        ("reassessment.due", Category.REASSESSMENTS),
        ("announcement.new", Category.OTHER),
        ("test", Category.OTHER),
    ],
)
def test_each_kind_falls_into_a_category_by_its_prefix(kind, category):
    assert category_of(kind) == category


@pytest.mark.django_db
def test_immediate_is_the_default_and_sends_now(
    mentor, django_capture_on_commit_callbacks, mailoutbox
):
    notification = notify_and_deliver(
        mentor, "request.new", "Sam asked you", django_capture_on_commit_callbacks
    )
    assert notification.email_status == Status.SENT
    assert [m.subject for m in mailoutbox] == ["[Mentoring] Sam asked you"]


@pytest.mark.django_db
def test_off_keeps_it_in_the_inbox_and_sends_no_email(
    mentor, django_capture_on_commit_callbacks, mailoutbox
):
    preferences.choose(mentor, {Category.REQUESTS: EmailChoice.OFF})
    notification = notify_and_deliver(
        mentor, "request.new", "Sam asked you", django_capture_on_commit_callbacks
    )
    assert notification.email_status == Status.SKIPPED
    assert mailoutbox == []
    assert Notification.objects.for_user(mentor).unread().count() == 1
    # Other categories are still e-mailed.
    notify_and_deliver(mentor, "meeting.planned", "Meeting", django_capture_on_commit_callbacks)
    assert [m.subject for m in mailoutbox] == ["[Mentoring] Meeting"]


@pytest.mark.django_db
def test_digest_holds_it_for_the_morning(mentor, django_capture_on_commit_callbacks, mailoutbox):
    preferences.choose(mentor, {Category.REMINDERS: EmailChoice.DIGEST})
    notification = notify_and_deliver(
        mentor, "reminder.quiet", "It has been a while", django_capture_on_commit_callbacks
    )
    assert notification.email_status == Status.DIGEST
    assert mailoutbox == []
    assert delivery.undelivered_ids() == []  # the sweeper leaves it to the digest


@pytest.mark.django_db
def test_set_aside_rows_are_not_delivered_again(mentor, mailoutbox):
    preferences.choose(mentor, {Category.OTHER: EmailChoice.OFF})
    notification = notify(mentor, "test", "Hello")
    assert delivery.deliver([notification.pk]) == 0
    preferences.choose(mentor, {Category.OTHER: EmailChoice.IMMEDIATE})
    assert delivery.deliver([notification.pk]) == 0  # the choice applies to what comes next
    notification.refresh_from_db()
    assert notification.email_status == Status.SKIPPED
    assert mailoutbox == []


@pytest.mark.django_db
def test_email_says_how_to_stop_it(mentor, django_capture_on_commit_callbacks, mailoutbox):
    notify_and_deliver(mentor, "feedback.new", "New feedback", django_capture_on_commit_callbacks)
    [email] = mailoutbox
    html = email.alternatives[0][0]
    unsubscribe = preferences.unsubscribe_url(mentor.pk, Category.FEEDBACK)
    assert f"Stop e-mails like this: {unsubscribe}" in email.body
    assert "Change what we e-mail you: http://testserver/notifications/settings/" in email.body
    assert "You get this e-mail about: Feedback and goals." in email.body
    assert f'<a href="{unsubscribe}">Stop e-mails like this</a>' in html
    assert email.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in email.message().as_string()


@pytest.mark.django_db
def test_admin_shows_the_new_statuses_and_preferences(client, staff, mentor):
    preferences.choose(mentor, {Category.OTHER: EmailChoice.OFF})
    delivery.deliver([notify(mentor, "test", "Hello").pk])
    client.force_login(staff)
    page = client.get("/admin/notifications/notification/?email_status=skipped").content.decode()
    assert "Not e-mailed (the person turned these off)" in page and "Hello" in page
    assert "Held for the daily digest" in page  # offered as a filter
    page = client.get("/admin/notifications/notificationpreference/").content.decode()
    assert "Everything else" in page and "No e-mail" in page


@pytest.mark.django_db
def test_a_sweeps_batch_is_delivered_as_each_person_chose(mentor, mentee, mailoutbox):
    preferences.choose(mentee, {Category.REMINDERS: EmailChoice.OFF})
    rows = [notify(person, "reminder.quiet", f"Quiet: {person}") for person in (mentor, mentee)]
    deliver_batch([row.pk for row in rows])
    assert [m.to for m in mailoutbox] == [[mentor.email]]
    statuses = set(Notification.objects.values_list("recipient", "email_status"))
    assert statuses == {(mentor.pk, Status.SENT), (mentee.pk, Status.SKIPPED)}
