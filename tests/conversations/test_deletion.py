"""Deleting an account, or a mentorship with everything under it, deletes the stored files
too, once the deletion has committed; the partner keeps the words they wrote."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import transaction

from mentoring.conversations.models import Attachment, Message
from mentoring.mentorships import asking
from mentoring.notifications import preferences
from mentoring.notifications.models import Category, Notification
from mentoring.records.account_deletion import PLACEHOLDER_NAME, delete_account
from tests.conversations.helpers import PDF, PNG, thread_url, upload, write
from tests.factories import make_mentor, make_user

pytestmark = pytest.mark.django_db

MENTEE_WORDS = "canary-4f1a-mentee-message"


def stored(message):
    return message.attachments.get().file.name


def test_deleting_my_account_deletes_my_messages_and_files_after_commit(
    client, mentorship, mentee, mentor, django_capture_on_commit_callbacks
):
    preferences.choose(mentor, {Category.MESSAGES: "immediate"}, with_text={Category.MESSAGES})
    mine = write(mentorship, mentee, MENTEE_WORDS, upload("cv.pdf", PDF))
    theirs = write(mentorship, mentor, "Looks good", upload("marked-up.png", PNG))
    mine_file, theirs_file = stored(mine), stored(theirs)

    with django_capture_on_commit_callbacks() as callbacks:
        delete_account(mentee)
        # Until the deletion commits, the file is still there: a rollback must find it.
        assert default_storage.exists(mine_file)
    for callback in callbacks:
        callback()

    assert not default_storage.exists(mine_file)
    assert not Message.objects.filter(text=MENTEE_WORDS).exists()
    assert not Notification.objects.filter(body__contains=MENTEE_WORDS).exists()
    # The mentor's own message and document stay in the mentorship's thread.
    assert default_storage.exists(theirs_file)
    theirs.refresh_from_db()
    assert theirs.recipient.display_name == PLACEHOLDER_NAME
    client.force_login(mentor)
    page = client.get(thread_url(mentorship)).content.decode()
    assert "Looks good" in page and "marked-up.png" in page
    assert f"Messages with {PLACEHOLDER_NAME}" in page


def test_the_partners_words_on_the_request_stay_with_the_mentorship(
    mentee, mentor, django_capture_on_commit_callbacks
):
    pending = asking.ask(mentee, mentor, message="Could you help?")
    question = write(pending, mentor, "What year are you in?")
    write(pending, mentee, "Third year")
    mentorship = asking.accept(pending, mentor)
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(mentee)
    question.refresh_from_db()
    assert (question.mentorship_id, question.request_id) == (mentorship.pk, None)
    assert list(Message.objects.values_list("text", flat=True)) == ["What year are you in?"]


def test_when_both_have_left_the_mentorship_and_its_files_go(
    mentorship, mentee, mentor, django_capture_on_commit_callbacks
):
    theirs = write(mentorship, mentor, "Looks good", upload("marked-up.png", PNG))
    name = stored(theirs)
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(mentee)
        delete_account(mentor)
    assert not Message.objects.exists() and not Attachment.objects.exists()
    assert not default_storage.exists(name)


def test_a_request_that_never_became_a_mentorship_goes_with_its_files(
    mentee, django_capture_on_commit_callbacks
):
    faculty = make_mentor(make_user())
    pending = asking.ask(mentee, faculty, message="Could you help?")
    question = write(pending, faculty, "Can you send your CV?")
    answer = write(pending, mentee, "Here", upload("cv.pdf", PDF))
    name = stored(answer)
    with django_capture_on_commit_callbacks(execute=True):
        delete_account(faculty)
    assert not Message.objects.filter(pk__in=[question.pk, answer.pk]).exists()
    assert not default_storage.exists(name)


def test_a_rolled_back_deletion_keeps_the_file(mentorship, mentee):
    message = write(mentorship, mentee, "CV", upload("cv.pdf", PDF))
    name = stored(message)
    with transaction.atomic():
        Message.objects.filter(pk=message.pk).delete()
        transaction.set_rollback(True)
    assert default_storage.exists(name)
    assert Attachment.objects.filter(message=message).exists()


def test_staff_deleting_a_user_in_the_admin_also_deletes_their_files(
    client, mentorship, mentee, staff, django_capture_on_commit_callbacks
):
    message = write(mentorship, mentee, "CV", upload("cv.pdf", PDF))
    name = stored(message)
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/accounts/user/{mentee.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=mentee.pk).exists()
    assert not default_storage.exists(name)
