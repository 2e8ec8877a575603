"""Messages between the two people of a mentorship (or of a waiting request) and the
documents they hand over. Private to those two: nobody else reads them, staff included."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mentoring.mentorships.models import Mentorship, MentorshipRequest


def thread_q(subject):
    """The condition for a thread's messages: a request's own, or a mentorship's together
    with those written on the requests that led to it (MentorshipRequest.mentorship).

    For a mentorship this reads the requests' ids first, one small query: with the ids as
    values PostgreSQL combines the two indexes below (BitmapOr), while the same condition
    as a sub-query made it scan the whole message table (about 47 ms at 300,000 rows)."""
    if isinstance(subject, Mentorship):
        led_to_it = requests_leading_to(subject)
        if not led_to_it:
            return Q(mentorship=subject)
        return Q(mentorship=subject) | Q(request_id__in=led_to_it)
    return Q(request=subject)


def requests_leading_to(mentorship):
    """The ids of the requests that led to this mentorship, whose messages are its thread's."""
    led_to_it = MentorshipRequest.objects.filter(mentorship=mentorship)
    return list(led_to_it.values_list("pk", flat=True))


class MessageQuerySet(models.QuerySet):
    def in_thread_of(self, subject):
        """The messages of a mentorship (its requests' included) or of a request, oldest
        first. A mentorship's costs one query for its requests' ids (thread_q)."""
        return self.in_thread(thread_q(subject))

    def in_thread(self, condition):
        """As in_thread_of, for a thread_q already computed."""
        return self.filter(condition).order_by("created_at", "pk")

    def visible_to(self, user):
        """Only the two people of the conversation: its sender and its recipient."""
        return self.filter(Q(sender=user) | Q(recipient=user))

    def unanswered(self):
        return self.filter(answered_at=None)

    def unread_by(self, user):
        return self.filter(recipient=user, read_at=None)

    def unread_in(self, subject, user):
        """This person's unread messages in a thread, in one query (no ids read first): it
        starts from what they have not read yet, a handful of rows, so a join is cheap."""
        if isinstance(subject, Mentorship):
            in_thread = Q(mentorship=subject) | Q(request__mentorship=subject)
        else:
            in_thread = Q(request=subject)
        return self.unread_by(user).filter(in_thread)


class Message(models.Model):
    """One message from one side of the pair to the other.

    A message belongs to a mentorship or to a request (written while it was waiting). Once
    the request becomes a mentorship, the mentorship's thread shows it too (thread_q): the
    mentorships app, below this one, need not know that messages exist.
    """

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, null=True, blank=True, related_name="messages"
    )
    request = models.ForeignKey(
        MentorshipRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="messages",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages_sent"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages_received"
    )
    text = models.TextField(max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    # Seen by the recipient: set when they open the thread.
    read_at = models.DateTimeField(null=True, blank=True)
    # When the recipient next wrote in the same thread: the response commitment's clock.
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["mentorship", "created_at"]),
            models.Index(fields=["request", "created_at"]),
            models.Index(
                fields=["created_at"],
                condition=Q(answered_at=None),
                name="message_unanswered_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(mentorship__isnull=False) | Q(request__isnull=False),
                name="message_in_a_thread",
            ),
            models.CheckConstraint(
                condition=~Q(sender=models.F("recipient")), name="message_to_the_other_side"
            ),
        ]

    def __str__(self):
        # Never the text: this string can reach logs and the admin.
        return f"Message {self.pk} from user {self.sender_id}"


def attachment_path(attachment, filename):
    """A random name in the uploader's folder: the file's own name stays on the row, never
    in the storage path, so nothing about a document can be read from where it is kept."""
    return f"conversations/{attachment.owner_id}/{uuid.uuid4().hex}"


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Documents of messages this person sent or received; nobody else's."""
        return self.filter(Q(message__sender=user) | Q(message__recipient=user))

    def bytes_used_by(self, user):
        """What counts against this person's quota: everything they uploaded."""
        return self.filter(owner=user).aggregate(used=models.Sum("size"))["used"] or 0


class Attachment(models.Model):
    """A document handed over with a message: served only through a view that checks
    access on every download, never from a public URL."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    # Whoever uploaded it: their quota counts it.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, max_length=200)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Attachment {self.pk} of message {self.message_id}"
