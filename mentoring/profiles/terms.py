"""The profiles' shared terms: departments, interests, areas offered and sought, the ways of
meeting and the career stages. Kept apart from the profiles themselves (models.py), which
import them; other apps import them from models.py as before."""

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery

from mentoring.profiles.identity import normalise_term


class Department(models.Model):
    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class InterestQuerySet(models.QuerySet):
    def for_names(self, names):
        """The Interest rows for these free-text names, creating the missing ones."""
        wanted = {}
        for name in names:
            key = normalise_term(name)
            if key:
                wanted.setdefault(key, " ".join(name.split()))
        existing = {i.key: i for i in self.filter(key__in=wanted)}
        missing = [Interest(key=k, name=n) for k, n in wanted.items() if k not in existing]
        if missing:
            self.bulk_create(missing, ignore_conflicts=True)
            existing = {i.key: i for i in self.filter(key__in=wanted)}
        return [existing[k] for k in wanted]

    def shared(self):
        """Terms that may be shown to anyone: offered by a listed mentor, or held by at least
        COMMON_AT people. A term fewer people typed (a rare condition, a health matter) can
        point to the one student who typed it."""
        # The profiles are defined in models.py, which imports this module.
        from mentoring.profiles.models import MenteeProfile, MentorProfile

        # One listed mentor, probed per candidate term. Not Exists: PostgreSQL may turn that
        # into a hash of every listed mentor's terms, built by reading all users (with 60,000
        # users and 3,000 terms: 40-60 ms a keystroke, against 2-5 ms for the probes).
        offered_by = MentorProfile.objects.listed().filter(interests=OuterRef("pk")).order_by()
        # Every active mentor's term is offered already, so the people left to count are
        # active mentees, one per profile: at least COMMON_AT rows is an OFFSET and a LIMIT.
        held = MenteeProfile.objects.filter(user__is_active=True, interests=OuterRef("pk"))
        return self.alias(offered_by=Subquery(offered_by.values("pk")[:1])).filter(
            Q(offered_by__isnull=False) | Exists(held[Interest.COMMON_AT - 1 :])
        )


class Interest(models.Model):
    """A term in the shared vocabulary of interests, shown as first written."""

    # How many people must hold a term no listed mentor offers before others see it.
    COMMON_AT = 5

    name = models.CharField(max_length=80)
    key = models.CharField(max_length=80, unique=True, editable=False)

    objects = InterestQuerySet.as_manager()

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = normalise_term(self.name)
        super().save(*args, **kwargs)


class Area(models.Model):
    """An area a mentee seeks help in and a mentor offers (research, residency applications)."""

    class StageFit(models.TextChoices):
        EARLY = "early", "Most useful early in training"
        ADVANCED = "advanced", "Most useful later in training"
        ANY = "any", "Useful at any stage"

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=80, unique=True)
    stage_fit = models.CharField(max_length=10, choices=StageFit.choices, default=StageFit.ANY)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Mode(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "Phone"
    VIDEO = "video", "Video"
    EMAIL = "email", "E-mail"


# Each mode's flag and label, spelled out once: Mode.choices builds a new list at each call.
MODE_FLAGS = [(f"mode_{value}", label) for value, label in Mode.choices]


class MeetingModes(models.Model):
    """Which ways of meeting a person offers or prefers, one flag each so each can be filtered.
    None ticked means not said yet (a new profile): nothing is assumed on the person's behalf."""

    mode_in_person = models.BooleanField("in person", default=False)
    mode_phone = models.BooleanField("phone", default=False)
    mode_video = models.BooleanField("video", default=False)
    mode_email = models.BooleanField("e-mail", default=False)

    class Meta:
        abstract = True

    @property
    def modes(self):
        return [label for flag, label in MODE_FLAGS if getattr(self, flag)]


class CareerStage(models.TextChoices):
    # Residents mentor students while being mentored themselves (DOMAIN.md, roles).
    RESIDENT = "resident", "Resident or fellow"
    JUNIOR = "junior", "Junior faculty"
    MID = "mid", "Mid-career"
    LATE = "late", "Late-career"
