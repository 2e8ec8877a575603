import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Greatest
from django.db.models.lookups import LessThan
from django.utils import timezone

from mentoring.lib.sql import Epoch
from mentoring.profiles.models import Area, Mode

OPEN_STATUSES = ("active", "paused")


# Rhythms a student can ask for, in days between meetings (the agreement's cadence_days).
CADENCE_CHOICES = [(7, "Every week"), (14, "Every two weeks"), (30, "Monthly")]


class Expectations(models.Model):
    """What a pair agrees at the start and may change later: rhythm, length, mode, answers."""

    cadence_days = models.PositiveSmallIntegerField(
        "meet every (days)",
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(180)],
        help_text="For example 7 for weekly, 14 for every two weeks, 30 for monthly.",
    )
    meeting_minutes = models.PositiveSmallIntegerField(
        "usual length (minutes)",
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    main_mode = models.CharField(
        "usually meet by", max_length=10, choices=Mode.choices, default=Mode.IN_PERSON
    )
    response_hours = models.PositiveSmallIntegerField(
        "each side answers messages within (hours)",
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(336)],
    )
    reassess_every_days = models.PositiveSmallIntegerField(
        "reassess together every (days)",
        default=90,
        validators=[MinValueValidator(14), MaxValueValidator(365)],
        help_text="The first reassessment comes one month after the start, then at this rhythm.",
    )

    EXPECTATION_FIELDS = [
        "cadence_days",
        "meeting_minutes",
        "main_mode",
        "response_hours",
        "reassess_every_days",
    ]

    class Meta:
        abstract = True


def answer_time_words(minutes):
    """A usual answer time as people say it: "within about 3 hours", "within about a
    day"; "" for None (not enough answers to tell)."""
    if minutes is None:
        return ""
    hours = minutes / 60
    if hours < 0.75:
        return "within the hour"
    if hours < 1.5:
        return "within about an hour"
    if hours < 20:
        return f"within about {round(hours)} hours"
    if hours < 36:
        return "within about a day"
    return f"within about {round(hours / 24)} days"


def contact_epoch():
    """Seconds since 1970 of the last contact, never earlier than the day the site began to
    count (Mentorship.counted_from_on): for a pair that never met, that day itself."""
    counted_from = Coalesce(Epoch("recorded_on"), Epoch("started_on"))
    return Greatest(Coalesce(Epoch("last_contact_at"), counted_from), counted_from)


class MentorshipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Mentorship.Status.ACTIVE)

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def involving(self, user):
        return self.filter(Q(mentor=user) | Q(mentee=user))

    def visible_to(self, user):
        """Mentorships this person may open: only the two people in it."""
        return self.involving(user)

    @staticmethod
    def quiet_q(now):
        """Active, and no contact (or, never met, no start) for QUIET_FACTOR times the
        agreed rhythm: one rule for the reminders and the dashboards, computed in SQL."""
        since = contact_epoch()
        limit = Value(now.timestamp()) - F("cadence_days") * Value(Mentorship.QUIET_FACTOR * 86400)
        return Q(status=Mentorship.Status.ACTIVE) & LessThan(since, limit)

    def quiet(self, now):
        return self.filter(self.quiet_q(now))

    def quiet_since(self, moment):
        """Active, with no contact logged since this moment (whatever their rhythm)."""
        return self.active().filter(last_contact_at__lt=moment)


class Mentorship(Expectations):
    """One mentor and one mentee, with the expectations they agreed."""

    # Quiet: no contact for this many times the agreed rhythm.
    QUIET_FACTOR = 1.5

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        CLOSED = "closed", "Closed"

    class CloseReason(models.TextChoices):
        GOALS_MET = "goals_met", "Goals met"
        GRADUATED = "graduated", "Graduated or moved on to the next step"
        MOVED = "moved", "One of us moved away"
        NO_TIME = "no_time", "Not enough time"
        NOT_A_FIT = "not_a_fit", "Not a good fit"
        OTHER = "other", "Another reason"
        # Ended with a fixed, kind message to the partner; any reason went, if the person
        # chose, only to the programme's designated people (mentoring/concerns/ending.py).
        NO_FAULT = "no_fault", "A no-fault ending"

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships_as_mentor"
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships_as_mentee"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    focus_areas = models.ManyToManyField(Area, blank=True, related_name="mentorships")
    started_on = models.DateField()
    # A relationship that began before it was recorded here ("We already meet"): the day
    # it was confirmed. Contact and the first reassessment count from it, not from
    # started_on, so that a year-old relationship is not overdue on its first day here.
    recorded_on = models.DateField("recorded here on", null=True, blank=True)
    reassess_on = models.DateField("next reassessment", null=True, blank=True)
    # The mentee's programme and stage of training when the mentorship started (their
    # profile moves on; a mentor's portfolio describes them as they were then).
    programme_at_start = models.ForeignKey(
        "programmes.Programme", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    stage_at_start = models.ForeignKey(
        "programmes.Stage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Written by the meetings app when a meeting is logged or planned, so that reminders
    # and lists need not join upward.
    last_contact_at = models.DateTimeField(null=True, blank=True)
    next_meeting_at = models.DateTimeField(null=True, blank=True)
    # How fast each side usually answers messages (median minutes over the last 90 days;
    # None: not enough answers yet), written by conversations/responses.py, which this app
    # may not import; response_medians_at is when they were last worked out.
    mentor_response_minutes = models.PositiveIntegerField(null=True, blank=True)
    mentee_response_minutes = models.PositiveIntegerField(null=True, blank=True)
    response_medians_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    close_reason = models.CharField(max_length=12, choices=CloseReason.choices, blank=True)
    # The closer's own words; shown to both people in the relationship, nobody else.
    closing_reflection = models.TextField(max_length=2000, blank=True)

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "-pk"]
        indexes = [
            models.Index(fields=["status", "last_contact_at"]),
            models.Index(fields=["status", "reassess_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status__in=OPEN_STATUSES),
                name="one_open_mentorship_per_pair",
            ),
            models.CheckConstraint(condition=~Q(mentor=F("mentee")), name="no_self_mentoring"),
        ]

    def __str__(self):
        return f"{self.mentor} mentors {self.mentee}"

    def partner_of(self, user):
        return self.mentee if user.pk == self.mentor_id else self.mentor

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def days_since_contact(self):
        if self.last_contact_at is None:
            return None
        return (timezone.now() - self.last_contact_at).days

    @property
    def counted_from_on(self):
        """The day the site began to count contact: the start, or for a relationship
        recorded after the fact, the day it was recorded."""
        return self.recorded_on or self.started_on

    @property
    def contact_counted_since(self):
        """The moment the rhythm counts from: the last contact, never before the site began
        to count (as contact_epoch() in SQL, which the quiet reminders and dashboards use)."""
        counted_from = timezone.make_aware(
            datetime.datetime.combine(self.counted_from_on, datetime.time())
        )
        if self.last_contact_at is None:
            return counted_from
        return max(self.last_contact_at, counted_from)

    @property
    def cadence_status(self):
        """On track, due, or overdue against the agreed rhythm (overdue past 1.5 times it)."""
        if self.status != self.Status.ACTIVE:
            return ""
        days = (timezone.now() - self.contact_counted_since).total_seconds() / 86400
        if days < self.cadence_days:
            return "on track"
        return "due" if days < 1.5 * self.cadence_days else "overdue"

    @property
    def mentor_usually_answers(self):
        return answer_time_words(self.mentor_response_minutes)

    @property
    def mentee_usually_answers(self):
        return answer_time_words(self.mentee_response_minutes)

    def next_reassessment_after(self, day):
        return day + datetime.timedelta(days=self.reassess_every_days)


class MentorshipRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=MentorshipRequest.Status.PENDING)

    def visible_to(self, user):
        """Requests, invitations and registrations: the two people named in them only."""
        return self.filter(Q(mentor=user) | Q(mentee=user))

    def awaiting_answer_from(self, user):
        """Pending, and this person is the one who must answer."""
        return self.pending().filter((Q(mentor=user) | Q(mentee=user)) & ~Q(created_by=user))

    def awaiting_answer_from_id(self, user_id):
        return self.pending().filter(
            (Q(mentor_id=user_id) | Q(mentee_id=user_id)) & ~Q(created_by_id=user_id)
        )

    def sent_by(self, user):
        return self.filter(created_by=user)


class MentorshipRequest(models.Model):
    """An ask (mentee to mentor), an invitation (mentor to mentee), or a relationship that
    already exists outside the product, recorded by one side for the other to confirm."""

    class Kind(models.TextChoices):
        ASK = "ask", "Request"
        INVITE = "invite", "Invitation"
        REGISTER = "register", "Existing relationship"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        REFERRED = "referred", "Referred to a colleague"
        WITHDRAWN = "withdrawn", "Withdrawn"
        EXPIRED = "expired", "Expired"

    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ASK)
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentorship_requests_as_mentor",
    )
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentorship_requests_as_mentee",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    areas = models.ManyToManyField(Area, blank=True, related_name="+")
    message = models.TextField(max_length=2000, blank=True)
    preferred_mode = models.CharField(max_length=10, choices=Mode.choices, blank=True)
    # How often the student would like to meet: the accept form proposes it as the rhythm.
    preferred_cadence_days = models.PositiveSmallIntegerField(
        null=True, blank=True, choices=CADENCE_CHOICES
    )
    # For an existing relationship: when the two started meeting.
    since_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answer_message = models.TextField(max_length=2000, blank=True)
    referred_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    referred_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="follow_ups"
    )
    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.SET_NULL, null=True, blank=True, related_name="requests"
    )

    objects = MentorshipRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "mentee"],
                condition=Q(status="pending"),
                name="one_pending_request_per_pair",
            ),
            models.CheckConstraint(condition=~Q(mentor=F("mentee")), name="no_self_request"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.mentee} / {self.mentor} ({self.status})"

    @property
    def answerer_id(self):
        """Who must answer: the side that did not send it."""
        return self.mentee_id if self.created_by_id == self.mentor_id else self.mentor_id

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class ExpectationChange(Expectations):
    """A proposed change to a mentorship's agreement; applies when the other side accepts."""

    class Status(models.TextChoices):
        PENDING = "pending", "Proposed"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, related_name="expectation_changes"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    focus_areas = models.ManyToManyField(Area, blank=True, related_name="+")
    note = models.TextField(max_length=1000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentorship"],
                condition=Q(status="pending"),
                name="one_pending_change_per_mentorship",
            ),
        ]

    def __str__(self):
        return f"Change to {self.mentorship} ({self.status})"


class MentorshipEvent(models.Model):
    """The relationship's own journal: pauses, resumptions and agreed changes, which the
    mentorship row alone cannot remember (it holds only the current state)."""

    class Kind(models.TextChoices):
        PAUSED = "paused", "Paused"
        RESUMED = "resumed", "Resumed"
        AGREEMENT_CHANGED = "agreement", "Agreement changed"

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # What changed, in words, e.g. "every 7 days, 30 minutes"; never anyone's private text.
    summary = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["mentorship", "at"])]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.at:%Y-%m-%d}"
