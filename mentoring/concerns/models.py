"""Confidential concerns about a mentorship, sent by one side to the designated people of
the mentee's programme: its coordinators, or an ombudsperson staff named for it.

Seen by the sender and the designated people of the route the sender chose, never by the
partner (even one who is a coordinator of that programme), other coordinators or other
staff. Every read by someone other than the sender is logged (audit.ConcernRead).
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from mentoring.programmes.models import Programme


class Route(models.TextChoices):
    OMBUDSPERSON = "ombudsperson", "The programme's ombudsperson"
    COORDINATOR = "coordinator", "The programme's coordinators"


def designated_programmes(route, user):
    """The programmes for which this person receives concerns sent by this route."""
    if route == Route.OMBUDSPERSON:
        return Programme.objects.with_ombudsperson(user)
    return Programme.objects.coordinated_by(user)


def designated_q(user):
    """Concerns this person handles: their programme's, by the route naming them, and not
    about a mentorship they are in (a coordinator who is the partner never reads it)."""
    by_route = Q()
    for route in Route:
        programmes = designated_programmes(route, user).filter(pk=OuterRef("programme_id"))
        by_route |= Q(Exists(programmes), route=route)
    return by_route & ~Q(mentorship__mentor=user) & ~Q(mentorship__mentee=user)


class ConcernQuerySet(models.QuerySet):
    def sent_by(self, user):
        return self.filter(sender=user)

    def designated_to(self, user):
        return self.filter(designated_q(user))

    def visible_to(self, user):
        """The concerns this person may open: the ones they sent, and the ones they handle.
        Staff see none unless designated: escalations tell them a concern waits, not what."""
        return self.filter(Q(sender=user) | designated_q(user))

    def open(self):
        return self.exclude(status=Concern.Status.CLOSED)

    def unacknowledged(self):
        return self.filter(status=Concern.Status.SENT)


class Concern(models.Model):
    class Category(models.TextChoices):
        NO_CONTACT = "no_contact", "No contact: messages or meetings go unanswered"
        OVER_DEPENDENCE = "over_dependence", "Over-dependence"
        BOUNDARIES = "boundaries", "Boundaries or professionalism"
        EVALUATION = "evaluation", "A conflict with evaluation (grading, assessment)"
        OTHER = "other", "Something else"

    class Status(models.TextChoices):
        SENT = "sent", "Waiting to be acknowledged"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        CLOSED = "closed", "Closed"

    class Source(models.TextChoices):
        MENTORSHIP = "mentorship", "Raised from the mentorship"
        REASSESSMENT = "reassessment", "Raised from a reassessment's warning signs"
        ENDING = "ending", "The reason for a no-fault ending"

    class Outcome(models.TextChoices):
        RESOLVED = "resolved", "Resolved with the people involved"
        ADVICE = "advice", "Advice given to the sender"
        ENDED = "ended", "The mentorship ended or a new mentor was found"
        REFERRED = "referred", "Referred on (student affairs, a dean, occupational health)"
        NO_ACTION = "no_action", "No action needed"
        SENDER_LEFT = "sender_left", "The sender deleted their account"

    # SET_NULL: a concern outlives the mentorship (both accounts gone) for the record.
    mentorship = models.ForeignKey(
        "mentorships.Mentorship", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The mentee's programme when it was sent: whose designated people handle it.
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="+")
    route = models.CharField(max_length=12, choices=Route.choices)
    # NULL once the sender deleted their account (the content goes with it: records app).
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.MENTORSHIP)
    category = models.CharField(max_length=16, choices=Category.choices)
    details = models.TextField(max_length=4000)
    wants_contact = models.BooleanField(default=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SENT)
    created_at = models.DateTimeField(default=timezone.now)
    # Two and five working days after it was sent (lib/working_days.py), written once at
    # sending, so that the reminder sweep is a plain indexed comparison.
    remind_at = models.DateTimeField()
    escalate_at = models.DateTimeField()
    reminded_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)

    objects = ConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["remind_at"],
                condition=Q(status="sent", reminded_at=None),
                name="concern_to_remind",
            ),
            models.Index(
                fields=["escalate_at"],
                condition=Q(status="sent", escalated_at=None),
                name="concern_to_escalate",
            ),
            models.Index(fields=["programme", "created_at"]),
        ]
        constraints = [
            # Closed unread only when the sender left (departure.py): the dashboards' time
            # to acknowledge counts real acknowledgements alone.
            models.CheckConstraint(
                condition=Q(status="sent")
                | Q(acknowledged_at__isnull=False)
                | Q(outcome="sender_left"),
                name="concern_acknowledged_before_closed",
            ),
        ]

    def __str__(self):
        return f"Concern {self.pk} ({self.get_status_display()})"

    @property
    def is_closed(self):
        return self.status == self.Status.CLOSED


class ConcernMessage(models.Model):
    """The private thread of one concern: its sender and its designated people only."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Message {self.pk} on concern {self.concern_id}"
