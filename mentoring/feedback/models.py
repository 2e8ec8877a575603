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
        verbose_name_plural = "feedback"  # the admin's label, not "Feedbacks"

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


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


class Fit(models.TextChoices):
    GOOD = "good", "A good fit"
    UNSURE = "unsure", "Not sure yet"
    POOR = "poor", "Not a good fit"


class ReassessmentQuerySet(models.QuerySet):
    def open(self):
        return self.filter(completed_at=None)

    def visible_to(self, user):
        """One's own answers, and the partner's answers they chose to share."""
        return self.filter(
            Q(respondent=user)
            | Q(is_shared=True, completed_at__isnull=False, mentorship__mentor=user)
            | Q(is_shared=True, completed_at__isnull=False, mentorship__mentee=user)
        )


class Reassessment(models.Model):
    """One person's answers to a periodic reassessment, a first-meeting fit check or a
    closing survey. Private to the respondent unless they share it with their partner;
    coordinators see completion and averages only."""

    class Kind(models.TextChoices):
        PERIODIC = "periodic", "Periodic reassessment"
        FIT_CHECK = "fit_check", "First-meeting fit check"
        CLOSING = "closing", "Closing survey"

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="reassessments"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reassessments"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PERIODIC)
    due_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    is_shared = models.BooleanField("share my answers with my partner", default=False)
    going_well = models.TextField("what is going well", max_length=2000, blank=True)
    to_improve = models.TextField("what could be better", max_length=2000, blank=True)
    goals_fit = models.CharField(
        "are the goals still the right ones?", max_length=6, choices=Answer.choices, blank=True
    )
    arrangement_fit = models.CharField(
        "does the way you meet still fit?", max_length=6, choices=Answer.choices, blank=True
    )
    satisfaction = models.PositiveSmallIntegerField(null=True, blank=True)
    fit = models.CharField(max_length=6, choices=Fit.choices, blank=True)
    # Scores 1-5 keyed by question (see reassessment_questions.py), and ticked warning signs.
    scores = models.JSONField(default=dict, blank=True)
    warning_signs = models.JSONField(default=list, blank=True)

    objects = ReassessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-due_on", "-pk"]
        indexes = [models.Index(fields=["completed_at", "created_at"])]
        constraints = [
            # A duplicate beat tick or a second worker creates nothing twice.
            models.UniqueConstraint(
                fields=["mentorship", "respondent", "kind", "due_on"], name="one_prompt_per_due"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} due {self.due_on}"

    @property
    def is_mentor(self):
        return self.respondent_id == self.mentorship.mentor_id
