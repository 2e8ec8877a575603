from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mentoring.goals.models import Goal
from mentoring.mentorships.models import Mentorship


class FeedbackQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Feedback is for the two people in the mentorship only."""
        return self.filter(Q(mentorship__mentor=user) | Q(mentorship__mentee=user))


class Feedback(models.Model):
    """Feedback runs both ways. From the mentor: strengths seen, one thing to work on and the
    next challenge (Daloz: support, challenge, vision). From the mentee: what helps, and what
    would help more."""

    class Direction(models.TextChoices):
        TO_MENTEE = "to_mentee", "From mentor to mentee"
        TO_MENTOR = "to_mentor", "From mentee to mentor"

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    direction = models.CharField(max_length=10, choices=Direction.choices)
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="feedback"
    )
    strengths = models.TextField("strengths I see", max_length=2000, blank=True)
    work_on = models.TextField("one thing to work on", max_length=2000, blank=True)
    next_challenge = models.TextField("the next challenge", max_length=2000, blank=True)
    what_helps = models.TextField("what helps me", max_length=2000, blank=True)
    would_help_more = models.TextField("what would help more", max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["mentorship", "created_at"])]

    def __str__(self):
        return f"{self.get_direction_display()} on {self.created_at:%Y-%m-%d}"


class FeedbackRequest(models.Model):
    """The mentee's one-click ask for feedback, answered when the mentor gives it."""

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    goal = models.ForeignKey(
        Goal, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    answered_by = models.ForeignKey(
        Feedback, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentorship"],
                condition=Q(answered_by=None),
                name="one_open_feedback_request",
            ),
        ]

    def __str__(self):
        return f"Feedback asked on {self.created_at:%Y-%m-%d}"
