import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from mentoring.goals.models import Goal
from mentoring.lib.text import reject_control_characters
from mentoring.mentorships.models import OPEN_STATUSES, Mentorship, MentorshipRequest

EARLIEST = datetime.datetime(1990, 1, 1, tzinfo=datetime.UTC)
FURTHEST_AHEAD = datetime.timedelta(days=3653)  # ten years


def check_meeting_time(value):
    if value < EARLIEST:
        raise ValidationError("A meeting can't be before 1990.")
    if value > timezone.now() + FURTHEST_AHEAD:
        raise ValidationError("A meeting can't be more than ten years ahead.")


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Meetings of mentorships this person is in: the pair only."""
        return self.filter(Q(mentorship__mentor=user) | Q(mentorship__mentee=user))

    def upcoming(self):
        return self.filter(status=Meeting.Status.PLANNED, starts_at__gte=timezone.now())


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video"
        EMAIL = "email", "E-mail"
        ASYNC = "async", "Asynchronous (messages)"

    mentorship = models.ForeignKey(Mentorship, on_delete=models.CASCADE, related_name="meetings")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    starts_at = models.DateTimeField("when", validators=[check_meeting_time])
    minutes = models.PositiveSmallIntegerField(
        "length (minutes)", default=30, validators=[MinValueValidator(5), MaxValueValidator(480)]
    )
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.IN_PERSON)
    place = models.CharField("where, or the call link", max_length=300, blank=True)
    agenda = models.TextField(
        max_length=4000,
        blank=True,
        help_text="What you want to talk about; the mentee prepares it.",
    )
    shared_notes = models.TextField("notes (both of you see these)", max_length=8000, blank=True)
    goals_discussed = models.ManyToManyField(Goal, blank=True, related_name="meetings")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    held_at = models.DateTimeField(null=True, blank=True)
    # The revision calendars see (SEQUENCE and LAST-MODIFIED, RFC 5545 3.8.7): without a
    # higher number an imported or subscribed copy may keep the old time of a moved meeting.
    sequence = models.PositiveIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    # What a calendar event shows of a meeting (the place only in the one-meeting download):
    # a change to any of these is a new revision for calendars.
    EVENT_FIELDS = frozenset({"starts_at", "minutes", "mode", "place"})

    class Meta:
        ordering = ["-starts_at", "-pk"]
        indexes = [
            models.Index(fields=["mentorship", "starts_at"]),
            models.Index(fields=["status", "starts_at"]),
        ]

    def __str__(self):
        return f"{self.mentorship} on {self.starts_at:%Y-%m-%d}"

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.minutes)

    def revise(self, fields):
        """Save `fields` as a new revision for calendars: sequence up by one, changed_at now.
        The increment is done by the database, so that two people's changes both count."""
        self.sequence, self.changed_at = models.F("sequence") + 1, timezone.now()
        self.save(update_fields=[*fields, "sequence", "changed_at"])
        self.refresh_from_db(fields=["sequence"])

    def cancel(self):
        # A status, never a deleted row: the calendar feed publishes it as STATUS:CANCELLED,
        # so that copies in people's calendars go too.
        self.status = self.Status.CANCELLED
        self.revise(["status"])


class ActionItem(models.Model):
    class Owner(models.TextChoices):
        MENTEE = "mentee", "Mentee"
        MENTOR = "mentor", "Mentor"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    # Reminders put the text in the e-mail subject ("Action item due: ...").
    text = models.CharField(max_length=300, validators=[reject_control_characters])
    owner = models.CharField(max_length=6, choices=Owner.choices, default=Owner.MENTEE)
    due_on = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["done_at", "due_on", "pk"]
        indexes = [models.Index(fields=["done_at", "due_on"])]

    def __str__(self):
        # Not the text: the admin lists related rows by str(), and the text is the pair's.
        return f"Action item #{self.pk}"

    def owner_user_id(self):
        mentorship = self.meeting.mentorship
        return mentorship.mentee_id if self.owner == self.Owner.MENTEE else mentorship.mentor_id


class PrivateNote(models.Model):
    """A note on a meeting that only its author can ever read: not the partner, not
    coordinators, not staff. Every read filters on author = the person asking."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="private_notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="private_notes"
    )
    text = models.TextField(max_length=8000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "author"], name="one_private_note_each"),
        ]

    def __str__(self):
        return f"Private note by {self.author_id}"


def new_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret behind a person's calendar subscription URL; resetting it cuts old links."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar feed of {self.user}"

    def reset(self):
        self.token, self.created_at = new_token(), timezone.now()
        self.save(update_fields=["token", "created_at"])


class OfficeHoursQuerySet(models.QuerySet):
    def published(self):
        return self.filter(removed_at=None)


class OfficeHours(models.Model):
    """A mentor's weekly time that students may book, cut into slots of equal length.

    The times are wall-clock times in the mentor's own time zone (User.time_zone), read
    when the slots are worked out: "Tuesdays 17:00" stays 17:00 there across daylight saving.
    """

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    MODES = [
        (Meeting.Mode.IN_PERSON, Meeting.Mode.IN_PERSON.label),
        (Meeting.Mode.VIDEO, Meeting.Mode.VIDEO.label),
    ]
    SHORTEST_SLOT, LONGEST_SLOT = 10, 120

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="office_hours"
    )
    weekday = models.PositiveSmallIntegerField("every", choices=Weekday.choices)
    start_time = models.TimeField("from")
    end_time = models.TimeField("until")
    slot_minutes = models.PositiveSmallIntegerField(
        "each slot lasts (minutes)",
        default=30,
        validators=[MinValueValidator(SHORTEST_SLOT), MaxValueValidator(LONGEST_SLOT)],
    )
    mode = models.CharField("how", max_length=10, choices=MODES, default=Meeting.Mode.IN_PERSON)
    # Shown to the students who may book, and copied onto each booking and its meeting.
    place = models.CharField(
        "where, or the video link", max_length=300, validators=[reject_control_characters]
    )
    is_open_to_requests = models.BooleanField(
        "Students whose request to me is still waiting may book too", default=False
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Removed office hours stay as a row, so that a booking made at the same moment still
    # points at something (a deleted row would fail its foreign key at commit); they offer
    # no slot and are shown nowhere.
    removed_at = models.DateTimeField(null=True, blank=True)

    objects = OfficeHoursQuerySet.as_manager()

    class Meta:
        ordering = ["weekday", "start_time", "pk"]
        verbose_name_plural = "office hours"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="office_hours_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()}s {self.start_time:%H:%M}-{self.end_time:%H:%M}"


class BookingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Bookings this person made or that were made with them: the two people only."""
        return self.filter(Q(mentor=user) | Q(student=user))

    @staticmethod
    def holding_q():
        """Booked, and its relationship still lets it stand: an open mentorship, or a request
        still waiting (or accepted into an open mentorship). A booking whose mentorship closed
        or whose request was declined, withdrawn or expired no longer holds its slot."""
        return Q(status=Booking.Status.BOOKED) & (
            Q(mentorship__status__in=OPEN_STATUSES)
            | Q(mentorship=None, request__status=MentorshipRequest.Status.PENDING)
        )

    def holding(self):
        return self.filter(self.holding_q())


class Booking(models.Model):
    """One student's booking of one office-hours slot.

    A current mentee's booking is a planned Meeting of the mentorship (`meeting`), with its
    calendar entry. A student whose request is still waiting has no mentorship yet: the
    booking is held on the request, with a calendar entry of its own, and when the mentor
    accepts it becomes the first planned meeting of the new mentorship (office_hours.py).
    """

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        CANCELLED = "cancelled", "Cancelled"
        # Its meeting was moved to another time: the slot is free again, the meeting stays.
        MOVED = "moved", "Moved to another time"

    office_hours = models.ForeignKey(OfficeHours, on_delete=models.CASCADE, related_name="bookings")
    # Kept on the row (not only through office_hours) so that one slot of a mentor is booked
    # once, whichever of their office hours offered it.
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="office_hours_booked"
    )
    student = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="office_hours_bookings"
    )
    mentorship = models.ForeignKey(
        Mentorship, on_delete=models.CASCADE, null=True, blank=True, related_name="bookings"
    )
    request = models.ForeignKey(
        MentorshipRequest,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="bookings",
    )
    meeting = models.OneToOneField(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="booking"
    )
    starts_at = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField()
    mode = models.CharField(max_length=10, choices=Meeting.Mode.choices)
    place = models.CharField(max_length=300, blank=True)
    # What the student wants to talk about; becomes the meeting's agenda. The pair's only.
    agenda = models.TextField(max_length=2000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BOOKED)
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The calendar revision of a booking held on a request (see Meeting.sequence).
    sequence = models.PositiveIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["student", "starts_at"])]
        constraints = [
            # Two people booking one slot at once: the database lets one through.
            models.UniqueConstraint(
                fields=["mentor", "starts_at"],
                condition=Q(status="booked"),
                name="one_booking_per_slot",
            ),
            models.CheckConstraint(
                condition=Q(mentorship__isnull=False) | Q(request__isnull=False),
                name="booking_on_mentorship_or_request",
            ),
        ]

    def __str__(self):
        return f"Booking #{self.pk} on {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.minutes)

    def partner_of(self, user):
        return self.student if user.pk == self.mentor_id else self.mentor

    @property
    def is_held_on_request(self):
        return self.meeting_id is None and self.mentorship_id is None
