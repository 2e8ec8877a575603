from django.conf import settings
from django.db import models
from django.utils import timezone


class AccessLogQuerySet(models.QuerySet):
    def record(self, viewer, action, scope, subject_user=None):
        """One row for one look at (or action on) student-level data: who, what, when, which
        clerkship and period. Never the content that was seen."""
        return self.create(
            viewer=viewer,
            action=action,
            clerkship=scope.clerkship,
            programme=scope.programme,
            period_start=scope.start,
            period_end=scope.end,
            subject_user=subject_user,
        )


class AccessLog(models.Model):
    """The audit trail of coordinators' and staff's views of student-level data.

    The only rows the dashboards app writes. A viewer's account cannot be deleted while
    it has rows (deactivate it instead): an audit trail that vanishes with the account
    is no audit trail."""

    class Action(models.TextChoices):
        UNMATCHED_LIST = "unmatched_list", "Viewed the students without an active mentor"
        EXPORT = "export", "Downloaded student rows (CSV)"
        SEND_RECOMMENDATIONS = "send_recommendations", "Sent recommendations to a student"

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="dashboard_accesses"
    )
    action = models.CharField(max_length=24, choices=Action.choices)
    # None: a programme's or the school-wide dashboard.
    clerkship = models.ForeignKey(
        "clerkships.Clerkship",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # None: a clerkship's or the school's dashboard.
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    subject_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = AccessLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["viewer", "at"]),
            models.Index(fields=["subject_user", "at"]),
        ]

    def __str__(self):
        return f"{self.get_action_display()} by {self.viewer_id} at {self.at:%Y-%m-%d %H:%M}"


class DashboardVisit(models.Model):
    """When a coordinator last opened a clerkship's dashboard: their home page tells what
    changed since then. One row per person and clerkship, overwritten on each visit."""

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dashboard_visits"
    )
    clerkship = models.ForeignKey(
        "clerkships.Clerkship", on_delete=models.CASCADE, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["viewer", "clerkship"], name="one_visit_row"),
        ]

    def __str__(self):
        return f"{self.viewer} opened clerkship {self.clerkship_id} at {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def note(cls, viewer, clerkship):
        # One upsert: a visit costs the dashboard a single statement.
        cls.objects.bulk_create(
            [cls(viewer=viewer, clerkship=clerkship, at=timezone.now())],
            update_conflicts=True,
            unique_fields=["viewer", "clerkship"],
            update_fields=["at"],
        )
