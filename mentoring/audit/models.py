from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditRow(models.Model):
    """Who and when, for every audit trail here; what, in each trail. The e-mail is kept
    when the account goes, so that the trail still says who it was."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    email = models.EmailField()
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        abstract = True
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["user", "at"])]

    @classmethod
    def record(cls, user, **what):
        return cls.objects.create(user=user, email=user.email, **what)


class DeniedAccess(AuditRow):
    """A signed-in person's request that a view refused: a page they may not see (403) or
    not theirs to know of (404). Who, which URL, when; never what the page would have shown.

    Repeated denials by one person are how a curious account probes for other people's
    mentorships, notes or feedback; staff read these in the admin."""

    method = models.CharField(max_length=8)
    # The path only: a query string can carry what someone typed into a search box.
    path = models.CharField(max_length=300)
    url_name = models.CharField(max_length=100)
    status = models.PositiveSmallIntegerField()

    class Meta(AuditRow.Meta):
        verbose_name = "denied access attempt"

    def __str__(self):
        return f"{self.email} {self.method} {self.path} ({self.status})"


class AdminView(AuditRow):
    """A staff member's look at rows in the admin: which list or record, when. The admin
    shows staff student-level facts (who mentors whom, rotations, statuses), so its reads
    are audited like the dashboards' (dashboards.AccessLog); never the content shown."""

    # "meetings.meeting": whose rows; object_id empty for a list.
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=40, blank=True)
    url_name = models.CharField(max_length=100)

    class Meta(AuditRow.Meta):
        verbose_name = "staff view in the admin"
        verbose_name_plural = "staff views in the admin"

    def __str__(self):
        return f"{self.email} {self.model} {self.object_id or '(list)'}"


class RotationsAdded(AuditRow):
    """Rotations someone added for one student by importing a schedule: who, for whom, in
    which clerkship, how many, when; never the dates or anything else of the file.

    A rotation brings the student into the clerkship's coordinators' scope (their mentee
    profile with its vision statement, their mentorships), so adding one is on the record
    as a look at student data is (dashboards.AccessLog). The student's row stays when their
    account goes, with student NULL, as AccessLog's subject does."""

    student = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # The name, not a foreign key: audit sits below clerkships, and a trail outlives its rows.
    clerkship = models.CharField(max_length=120)
    rotations = models.PositiveIntegerField()

    class Meta(AuditRow.Meta):
        verbose_name = "rotations added for a student"
        verbose_name_plural = "rotations added for students"
        indexes = [
            *AuditRow.Meta.indexes,
            models.Index(fields=["student", "at"]),
        ]

    def __str__(self):
        return f"{self.email} added {self.rotations} rotation(s) in {self.clerkship}"

    @classmethod
    def record_import(cls, user, clerkship, counts):
        """One row per student of an import, in one statement on PostgreSQL however many
        students. counts maps a student's id to how many rotations were added for them."""
        at = timezone.now()
        return cls.objects.bulk_create(
            cls(
                user=user,
                email=user.email,
                at=at,
                student_id=student_id,
                clerkship=clerkship,
                rotations=count,
            )
            for student_id, count in counts.items()
        )


class FacultyDecision(AuditRow):
    """A staff member's answer in the queue of mentors waiting to be verified as faculty
    (profiles/verification.py): who decided, about whom, which way, when. Whether someone
    is listed to every student is a staff action with consequences, so it is on the record
    as the rotations staff add are; the refusal's reason stays on the mentor's profile."""

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved as faculty"
        REFUSED = "refused", "Refused"

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # The address, kept when the mentor's account goes, as `email` keeps the decider's.
    mentor_email = models.EmailField()
    decision = models.CharField(max_length=10, choices=Decision.choices)

    class Meta(AuditRow.Meta):
        verbose_name = "decision on a mentor's faculty status"
        verbose_name_plural = "decisions on mentors' faculty status"
        indexes = [
            *AuditRow.Meta.indexes,
            models.Index(fields=["mentor", "at"]),
        ]

    def __str__(self):
        return f"{self.email} {self.decision} {self.mentor_email}"


class ConcernRead(AuditRow):
    """A designated person's read of a confidential concern (concerns app): who, which
    concern, when; never its content. Kept when the concern goes, as a trail must be."""

    # The id, not a foreign key: audit sits below concerns, and a trail outlives its rows.
    concern_id = models.PositiveIntegerField(db_index=True)

    class Meta(AuditRow.Meta):
        verbose_name = "read of a confidential concern"
        verbose_name_plural = "reads of confidential concerns"

    def __str__(self):
        return f"{self.email} read concern {self.concern_id}"
