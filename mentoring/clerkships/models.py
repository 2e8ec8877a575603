from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone


class ClerkshipQuerySet(models.QuerySet):
    def coordinated_by(self, user):
        return self.filter(coordinators=user)

    def visible_to(self, user):
        """Clerkships this person runs: the ones they coordinate, or all of them for staff."""
        return self.all() if user.is_staff else self.coordinated_by(user)


class Clerkship(models.Model):
    """A clinical rotation such as Internal Medicine. Coordinators are assigned by staff only."""

    name = models.CharField(max_length=120, unique=True)
    department = models.ForeignKey(
        "profiles.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="clerkships",
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coordinated_clerkships"
    )
    # The programme whose students rotate in it (its coordinators' scope stays the rotations).
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.PROTECT, related_name="clerkships"
    )

    objects = ClerkshipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ClerkshipFaculty(models.Model):
    """A faculty member who teaches in a clerkship; graders evaluate the students rotating in it."""

    clerkship = models.ForeignKey(Clerkship, on_delete=models.CASCADE, related_name="faculty")
    faculty = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clerkship_roles"
    )
    is_grader = models.BooleanField("grades or evaluates students", default=False)

    class Meta:
        verbose_name_plural = "clerkship faculty"
        constraints = [
            models.UniqueConstraint(fields=["clerkship", "faculty"], name="clerkship_faculty_once"),
        ]

    def __str__(self):
        return f"{self.faculty} in {self.clerkship}"


class RotationQuerySet(models.QuerySet):
    def overlapping(self, start, end):
        return self.filter(starts_on__lte=end, ends_on__gte=start)


class Rotation(models.Model):
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rotations"
    )
    clerkship = models.ForeignKey(Clerkship, on_delete=models.CASCADE, related_name="rotations")
    starts_on = models.DateField()
    ends_on = models.DateField()
    # When the schedule brought it in: a coordinator's home counts students new since
    # their last look at the dashboard.
    added_at = models.DateTimeField(default=timezone.now)

    objects = RotationQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on"]
        indexes = [models.Index(fields=["clerkship", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="rotation_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["student", "clerkship", "starts_on"], name="rotation_once"
            ),
        ]

    def __str__(self):
        return f"{self.student} in {self.clerkship} {self.starts_on}–{self.ends_on}"


class WaitingRotation(models.Model):
    """A rotation imported for a student who has no account yet, kept by the address the
    schedule gave. It becomes a Rotation when someone confirms that address here
    (clerkships/waiting.py); until then it brings no one into any coordinator's scope, and
    the clerkship's page lists it as waiting for sign-up."""

    email = models.EmailField()  # lower case, as the import compares addresses
    clerkship = models.ForeignKey(
        Clerkship, on_delete=models.CASCADE, related_name="waiting_rotations"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    # Who imported it: named to the student when it is linked, and in the audit trail.
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_by_email = models.EmailField()
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["starts_on", "email"]
        indexes = [models.Index(fields=["email"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="waiting_rotation_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["email", "clerkship", "starts_on"], name="waiting_rotation_once"
            ),
        ]

    def __str__(self):
        return f"{self.email} in {self.clerkship} {self.starts_on}–{self.ends_on} (waiting)"
