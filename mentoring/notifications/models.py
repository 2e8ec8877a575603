from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class Category(models.TextChoices):
    """What a person chooses e-mail for: a few groups they recognise, not every kind."""

    REQUESTS = "requests", "Requests and invitations"
    MENTORSHIPS = "mentorships", "Your mentorships"
    MESSAGES = "messages", "Messages from your mentorships"
    MEETINGS = "meetings", "Meetings and action items"
    FEEDBACK = "feedback", "Feedback and goals"
    REMINDERS = "reminders", "Reminders"
    REASSESSMENTS = "reassessments", "Reassessments"
    OTHER = "other", "Everything else"


# A kind's first part ("request" in "request.new") names its category, so a new kind
# with a known prefix needs no change here; an unknown prefix falls to OTHER.
CATEGORY_BY_PREFIX = {
    "request": Category.REQUESTS,
    "invitation": Category.REQUESTS,
    "register": Category.REQUESTS,
    "mentorship": Category.MENTORSHIPS,
    "expectations": Category.MENTORSHIPS,
    "message": Category.MESSAGES,
    "meeting": Category.MEETINGS,
    "action_item": Category.MEETINGS,
    "feedback": Category.FEEDBACK,
    "goal": Category.FEEDBACK,
    # An outcome tied to a mentorship, or confirmed by its mentor: what came of the goals.
    "outcome": Category.FEEDBACK,
    "reminder": Category.REMINDERS,
    "reassessment": Category.REASSESSMENTS,
    # A coordinator's "send recommendations" is about finding mentors, like a request.
    "dashboard": Category.REQUESTS,
    # Whether a mentor is listed (verified as faculty, or refused): about students finding
    # them, like a request, so that turning off "Everything else" does not hide it.
    "listing": Category.REQUESTS,
}


# Kinds whose notification can quote a person's words (a new message), which are written
# into it only for a recipient who chose that for the kind's category (include_text). Other
# kinds of those categories (a reminder) carry the product's own words, never a person's.
TEXT_KINDS = ("message.new",)
TEXT_CATEGORIES = (Category.MESSAGES,)


def category_of(kind):
    return CATEGORY_BY_PREFIX.get(kind.split(".", 1)[0], Category.OTHER)


class EmailChoice(models.TextChoices):
    IMMEDIATE = "immediate", "E-mail each one"
    DIGEST = "digest", "One daily digest"
    OFF = "off", "No e-mail"


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at=None)

    def claimable(self, stale_before):
        """Rows no worker has settled: waiting, or claimed by one that died mid-send."""
        return self.filter(
            Q(email_status=Notification.EmailStatus.PENDING)
            | Q(email_status=Notification.EmailStatus.SENDING, email_claimed_at__lt=stale_before)
        )

    def awaiting_email(self, older_than, now=None):
        """Rows whose after-commit delivery never ran or was interrupted, and whose
        recipient's night (email_not_before) is over."""
        return self.claimable(older_than).filter(
            Q(email_not_before=None) | Q(email_not_before__lte=now or timezone.now()),
            created_at__lt=older_than,
        )

    def backlog(self, now=None):
        """Rows that should have left by now and have not: what operators watch."""
        unsent = [Notification.EmailStatus.PENDING, Notification.EmailStatus.SENDING]
        return self.filter(
            Q(email_not_before=None) | Q(email_not_before__lte=now or timezone.now()),
            email_status__in=unsent,
        )

    def send_again(self):
        """Put failed rows back in the outbox with a fresh retry window. Returns how many."""
        return self.filter(email_status=Notification.EmailStatus.FAILED).update(
            email_status=Notification.EmailStatus.PENDING,
            email_not_before=None,
            email_deadline=None,
            email_claimed_at=None,
            email_error="",
        )

    def held_for_digest(self):
        return self.filter(email_status=Notification.EmailStatus.DIGEST)


class Notification(models.Model):
    """One message to one person: their in-app inbox and the e-mail outbox in one row.

    Written in the same transaction as the event it reports, so an event never
    happens without its notification, whatever happens to the broker afterwards.
    """

    class EmailStatus(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed (rejected, or retried until the deadline)"
        DIGEST = "digest", "Held for the daily digest"
        SKIPPED = "skipped", "Not e-mailed (the person turned these off)"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        null=True,
        blank=True,
    )
    # Instead of a recipient, for someone with no account yet (an invitation to sign up):
    # e-mail only, sent as it is written, with no inbox, preferences or quiet hours to apply.
    address = models.EmailField(blank=True, default="")
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
    # Not sent before this moment: the end of the recipient's night, or the next retry.
    email_not_before = models.DateTimeField(null=True, blank=True)
    # Set by the first temporary failure: retries go on until then (NOTIFICATION_RETRY_HOURS).
    email_deadline = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_error = models.TextField(blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(address=""),
                name="notification_has_recipient_or_address",
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(
                fields=["created_at"],
                condition=Q(email_status__in=["pending", "sending"]),
                name="notification_unsent_idx",
            ),
            models.Index(
                fields=["recipient"],
                condition=Q(email_status="digest"),
                name="notification_digest_idx",
            ),
        ]

    def __str__(self):
        return f"{self.kind} for {self.recipient or self.address}: {self.title}"

    @property
    def category(self):
        return category_of(self.kind)

    def claim_for_email(self, stale_before):
        """Take this row for sending; False if another worker has it or it is done."""
        claimed = (
            Notification.objects.filter(pk=self.pk)
            .claimable(stale_before)
            .update(
                email_status=self.EmailStatus.SENDING,
                email_claimed_at=timezone.now(),
                email_attempts=F("email_attempts") + 1,
            )
        )
        return claimed == 1

    def set_aside(self, status, stale_before, not_before=None):
        """Settle this row without sending it: SKIPPED, held for the DIGEST, or PENDING
        until `not_before`. Conditional like a claim, so a row that another worker is
        sending, or has settled, is left alone. True if this call changed it."""
        changed = (
            Notification.objects.filter(pk=self.pk)
            .claimable(stale_before)
            .update(email_status=status, email_not_before=not_before, email_claimed_at=None)
        )
        return changed == 1

    def mark_read(self):
        if self.read_at is None:
            self.read_at = timezone.now()
            self.save(update_fields=["read_at"])


class NotificationPreference(models.Model):
    """How one person wants one category e-mailed. No row means EmailChoice.IMMEDIATE.

    The in-app inbox gets every notification whatever the choice.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    category = models.CharField(max_length=20, choices=Category.choices)
    choice = models.CharField(
        "e-mail", max_length=10, choices=EmailChoice.choices, default=EmailChoice.IMMEDIATE
    )
    # Only for categories that carry someone's own words (TEXT_CATEGORIES): whether the
    # notification, and so its e-mail, may quote them. Off unless the person turns it on.
    include_text = models.BooleanField(default=False, db_default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "category"], name="notification_preference_unique"
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_category_display()}: {self.get_choice_display()}"
