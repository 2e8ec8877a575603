from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from mentoring.profiles.models import Area, Mode


class MentorshipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Mentorship.Status.ACTIVE)

    def involving(self, user):
        return self.filter(Q(mentor=user) | Q(mentee=user))

    def quiet_since(self, moment):
        return self.active().filter(last_contact_at__lt=moment)


class Mentorship(models.Model):
    """One mentor and one mentee, with the expectations they agreed."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        CLOSED = "closed", "Closed"

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships_as_mentor"
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships_as_mentee"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    focus_areas = models.ManyToManyField(Area, blank=True, related_name="mentorships")
    cadence_days = models.PositiveSmallIntegerField(
        "meet every (days)", default=14, validators=[MinValueValidator(1), MaxValueValidator(180)]
    )
    meeting_minutes = models.PositiveSmallIntegerField(
        "usual length (minutes)",
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    main_mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    response_hours = models.PositiveSmallIntegerField(
        "each side answers within (hours)",
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(336)],
    )
    started_on = models.DateField()
    reassess_on = models.DateField("next reassessment", null=True, blank=True)
    # Written by the meetings app when a meeting is logged, so that reminders need not join upward.
    last_contact_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on"]
        indexes = [models.Index(fields=["status", "last_contact_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=~Q(status="closed"),
                name="one_open_mentorship_per_pair",
            ),
            models.CheckConstraint(condition=~Q(mentor=F("mentee")), name="no_self_mentoring"),
        ]

    def __str__(self):
        return f"{self.mentor} mentors {self.mentee}"
