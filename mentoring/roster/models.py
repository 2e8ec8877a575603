"""People on the school's roster before they sign up, and the invitations sent to them.

A RosterEntry is a person the school expects: staff or a coordinator loaded them from a
CSV file (loading.py). When someone confirms the entry's address here, the entry is applied
to their account once (joining.py) and `user` and `joined_at` say so. Invitations go out in
campaigns (invitations.py), one notification per person and campaign through the outbox.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mentoring.lib.text import reject_control_characters
from mentoring.roster import programmes


class RosterEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The entries this person may see and load: all for staff; for a coordinator, the
        people of the programmes they run (programmes.run_by); nobody else's."""
        if user.is_staff:
            return self.all()
        return self.filter(programme_key__in=programmes.run_by(user))

    def pending(self):
        return self.filter(joined_at=None)

    def not_invited(self):
        return self.pending().filter(invited_at=None)


class RosterEntry(models.Model):
    class Role(models.TextChoices):
        STUDENT = "student", "Student"
        FACULTY = "faculty", "Faculty"

    # Lower case, as the import and sign-up compare addresses.
    email = models.EmailField("e-mail address", unique=True)
    name = models.CharField(max_length=120, validators=[reject_control_characters])
    role = models.CharField(max_length=10, choices=Role.choices)
    # The programme as the file named it, and its key (programmes.key), which scopes it.
    programme = models.CharField(max_length=120)
    programme_key = models.CharField(max_length=120, db_index=True)
    # A student's stage (programmes.stage_value) or a faculty member's department, or "".
    stage = models.CharField("stage of training", max_length=80, blank=True)
    department = models.CharField(max_length=120, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    invited_at = models.DateTimeField(null=True, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roster_entry",
    )
    joined_at = models.DateTimeField(null=True, blank=True)

    objects = RosterEntryQuerySet.as_manager()

    class Meta:
        ordering = ["name", "email"]
        verbose_name_plural = "roster entries"
        constraints = [
            models.CheckConstraint(
                condition=Q(email=models.functions.Lower("email")), name="roster_email_lower"
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    @property
    def has_joined(self):
        return self.joined_at is not None


class Campaign(models.Model):
    """One run of invitations: who started it, whom it invites, and how far it got. done
    is written in the same transaction as each batch's notifications, so the page's
    progress is never ahead of the outbox."""

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    entries = models.ManyToManyField(RosterEntry, through="Invitation", related_name="campaigns")

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"Invitations of {self.started_at:%Y-%m-%d %H:%M} ({self.done} of {self.total})"

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 100


class Invitation(models.Model):
    """A person in a campaign; written_at once their notification is in the outbox."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="invitations")
    entry = models.ForeignKey(RosterEntry, on_delete=models.CASCADE, related_name="invitations")
    written_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "entry"], name="invitation_once"),
        ]
        indexes = [
            models.Index(fields=["campaign"], condition=Q(written_at=None), name="invitation_todo")
        ]

    def __str__(self):
        return f"{self.entry} in {self.campaign}"
