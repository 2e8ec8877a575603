"""Sending a message (with at most one document) and editing one's own: every write of this
app goes through here, in one transaction with its notification.

Sending also marks the partner's earlier unanswered messages in the thread answered
(answered_at): the clock of the response commitment, which responses.py measures.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from mentoring.conversations import documents
from mentoring.conversations.models import Attachment
from mentoring.conversations.threads import thread_of_message
from mentoring.notifications import preferences
from mentoring.notifications.services import notify, rewrite_body

KIND = "message.new"


class Refused(Exception):
    """A message that cannot be sent or changed now; the reason is in words for the page."""


def notification_key(message_id):
    return f"message:{message_id}"


def notification_url(thread):
    """Where a notice of a new message leads: the thread's latest messages."""
    return f"{thread.url}#latest"


def send(thread, text, document=None, kind=None):
    """Write `text` from thread.viewer to their partner, with `document` (an uploaded file
    of documents.Kind `kind`, checked already) attached. Raises Refused, and then nothing
    is saved, not even the file, if the thread is closed or the document over quota."""
    stored = []
    try:
        with transaction.atomic():
            thread.lock()
            refusal = thread.refusal()
            if refusal:
                raise Refused(refusal)
            now = timezone.now()
            message = thread.new_message(text, created_at=now)
            message.save()
            thread.messages().filter(
                sender=thread.partner, answered_at=None, created_at__lte=now
            ).update(answered_at=now)
            attachment = _attach(message, document, kind, stored) if document else None
            _notify(thread, message, attachment)
    except BaseException:
        # The rows are rolled back; the stored file must go too, or it would sit unowned.
        for name in stored:
            default_storage.delete(name)
        raise
    return message


def _attach(message, document, kind, stored):
    owner = message.sender
    # One person's uploads one at a time, so that two at once cannot both fit the quota.
    get_user_model().objects.select_for_update().filter(pk=owner.pk).values_list("pk").first()
    problem = documents.quota_problem(Attachment.objects.bytes_used_by(owner), document.size)
    if problem:
        raise Refused(problem)
    attachment = Attachment(
        message=message,
        owner=owner,
        name=documents.clean_name(document.name, kind),
        content_type=kind.content_type,
        size=document.size,
    )
    document.seek(0)
    attachment.file.save(attachment.name, document, save=False)  # upload_to picks the path
    stored.append(attachment.file.name)
    attachment.save()
    return attachment


def email_text(message, attachment=None):
    """The words a notification may carry, for a recipient who chose e-mails with text."""
    if attachment is None:
        return message.text
    return f"{message.text}\n\nAttached: {attachment.name}"


def _notify(thread, message, attachment):
    recipient = thread.partner
    about = f" about {thread.about}" if thread.about else ""
    # The words go into the notification only for a recipient who asked for them by
    # e-mail: otherwise they are stored nowhere but here, out of reach of the admin.
    body = email_text(message, attachment) if preferences.wants_text(recipient, KIND) else ""
    notify(
        recipient,
        KIND,
        f"{message.sender} wrote you a message{about}",
        body=body,
        url=notification_url(thread),
        dedupe_key=notification_key(message.pk),
    )


def edit_window():
    return datetime.timedelta(minutes=settings.MESSAGE_EDIT_MINUTES)


def can_still_edit(message, now=None):
    return (now or timezone.now()) < message.created_at + edit_window()


def edit_refusal(message, thread, now=None):
    """Why this message can no longer be changed, in words, or ""."""
    refusal = thread.refusal()
    if refusal:
        return refusal
    if can_still_edit(message, now):
        return ""
    return (
        f"A message can be changed for {settings.MESSAGE_EDIT_MINUTES} minutes after it is "
        "sent; this one can no longer be changed. Send another message to add to it."
    )


def edit(message, by, text):
    """Replace the words of one's own message within MESSAGE_EDIT_MINUTES of sending it.
    Raises PermissionError for anyone but its sender, Refused once the window is over or the
    thread closed."""
    if message.sender_id != by.pk:
        raise PermissionError("Only the person who wrote a message can change it.")
    with transaction.atomic():
        thread = thread_of_message(message, by)
        thread.lock()
        refusal = edit_refusal(message, thread)
        if refusal:
            raise Refused(refusal)
        message.text, message.edited_at = text, timezone.now()
        message.save(update_fields=["text", "edited_at"])
        attachment = message.attachments.first()
        rewrite_body(notification_key(message.pk), email_text(message, attachment))
    return message
