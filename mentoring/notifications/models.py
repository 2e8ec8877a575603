from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at=None)

    def awaiting_email(self, older_than):
        """Rows whose after-commit delivery never ran or was interrupted."""
        return self.filter(
            Q(email_status=Notification.EmailStatus.PENDING)
            | Q(email_status=Notification.EmailStatus.SENDING, email_claimed_at__lt=older_than),
            created_at__lt=older_than,
        )


class Notification(models.Model):
    """One message to one person: their in-app inbox and the e-mail outbox in one row.

    Written in the same transaction as the event it reports, so an event never
    happens without its notification, whatever happens to the broker afterwards.
    """

    class EmailStatus(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed (gave up)"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    # (kind, object, period): a unique key makes a retried or doubled reminder a no-op.
    dedupe_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email_status = models.CharField(
        max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING
    )
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_claimed_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_error = models.TextField(blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(
                fields=["created_at"],
                condition=Q(email_status__in=["pending", "sending"]),
                name="notification_unsent_idx",
            ),
        ]

    def __str__(self):
        return f"{self.kind} for {self.recipient}: {self.title}"

    def claim_for_email(self, stale_before):
        """Take this row for sending; False if another worker has it or it is done."""
        now = timezone.now()
        claimed = (
            Notification.objects.filter(pk=self.pk)
            .filter(
                Q(email_status=self.EmailStatus.PENDING)
                | Q(email_status=self.EmailStatus.SENDING, email_claimed_at__lt=stale_before)
            )
            .update(
                email_status=self.EmailStatus.SENDING,
                email_claimed_at=now,
                email_attempts=F("email_attempts") + 1,
            )
        )
        return claimed == 1

    def mark_read(self):
        if self.read_at is None:
            self.read_at = timezone.now()
            self.save(update_fields=["read_at"])
