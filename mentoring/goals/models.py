from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mentoring.mentorships.models import OPEN_STATUSES, Mentorship


class GoalQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The mentee's own goals, and goals shared with an open mentorship this person mentors."""
        return self.filter(
            Q(mentee=user)
            | Q(
                pk__in=Goal.shared_with.through.objects.filter(
                    mentorship__mentor=user, mentorship__status__in=OPEN_STATUSES
                ).values("goal_id")
            )
        )

    def shared_with_mentorship(self, mentorship):
        return self.filter(mentee_id=mentorship.mentee_id, shared_with=mentorship)

    def readable_in(self, mentorship, viewer):
        """Goals this person may read on a page of this mentorship: shared with it now (one
        taken back is no longer named, even by old meetings and feedback), and for the
        mentor only while the mentorship is open."""
        return self.visible_to(viewer).shared_with_mentorship(mentorship)


class Goal(models.Model):
    """One of the mentee's goals. Private unless the mentee shares it with a mentorship."""

    class Kind(models.TextChoices):
        BROAD = "broad", "Broad (e.g. become a successful doctor)"
        SPECIFIC = "specific", "Specific (e.g. pass my anatomy course)"
        MEDICAL = "medical", "Medical (e.g. learn physical exam skills)"
        WORK_HABITS = "work_habits", "Work habits (e.g. improve time management)"
        PERSONAL = "personal", "Personal (e.g. have a life outside of medical school)"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        ACHIEVED = "achieved", "Achieved"
        SET_ASIDE = "set_aside", "Set aside"

    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="goals"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=2000, blank=True)
    # Relative importance: the mentee orders their goals, 1 first.
    position = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    target_on = models.DateField("target date", null=True, blank=True)
    shared_with = models.ManyToManyField(Mentorship, blank=True, related_name="shared_goals")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["mentee", "position"])]

    def __str__(self):
        # Not the title: the admin's delete pages list related rows by str(), and a goal's
        # words are for the mentee and the mentors they chose.
        return f"Goal #{self.pk}"

    @property
    def short_kind(self):
        return self.get_kind_display().split(" (")[0]


class GoalUpdate(models.Model):
    """Progress on a goal over time: a note, and the status it moved to."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    note = models.TextField(max_length=2000, blank=True)
    status = models.CharField(max_length=12, choices=Goal.Status.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["goal", "created_at"])]

    def __str__(self):
        return f"Update #{self.pk} on goal #{self.goal_id}"
