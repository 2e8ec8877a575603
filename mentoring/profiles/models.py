import datetime

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Func, Q
from django.utils import timezone

from mentoring.profiles import listing_version
from mentoring.profiles.completeness import mentor_missing
from mentoring.profiles.contact import ContactDetails  # noqa: F401  (a model of this app)
from mentoring.profiles.identity import (  # noqa: F401  (imported from here by other apps)
    GENDER_WORDS,
    Gender,
    gender_from_words,
    gender_to_compare,
    normalise_term,
)
from mentoring.profiles.listing import LISTED, VerifiedHow, is_listable
from mentoring.profiles.terms import (  # noqa: F401  (imported from here by other apps)
    MODE_FLAGS,
    Area,
    CareerStage,
    Department,
    Interest,
    InterestQuerySet,
    MeetingModes,
    Mode,
)

WITH_ROOM = Q(is_accepting=True, active_mentee_count__lt=F("capacity"))
# What recommendations score a mentor with room on, besides their links (candidates.py).
# The index mentor_with_room_scoring holds these, so that finding the few mentors who
# could rank reads neither the mentors' rows (1.7 KB of free text each) nor their users.
SCORING_COLUMNS = [
    "career_stage",
    "capacity",
    "active_mentee_count",
    "pending_request_count",
    *(f"mode_{mode}" for mode in Mode.values),
]


class EnglishSearchVector(Func):
    """to_tsvector('english', text) on PostgreSQL, the stored search_vector's expression
    (migration 0004). Other databases store nothing: the directory searches the text there."""

    function = "to_tsvector"
    template = "%(function)s('english'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()

    def as_sql(self, compiler, connection, **extra_context):
        if connection.vendor != "postgresql":
            return "NULL", []
        return super().as_sql(compiler, connection, **extra_context)


# Most mentees at once a mentor may offer to take.
MAX_CAPACITY = 30


def availability_unconfirmed_before(now):
    """A check-in left unanswered since before this moment marks the mentor "availability
    not confirmed" (settings.AVAILABILITY_CONFIRM_DAYS); candidates.py reads the same."""
    return now - datetime.timedelta(days=settings.AVAILABILITY_CONFIRM_DAYS)


class MentorProfileQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # The counters and the availability answers change rows without a save (no signal);
        # the directory's kept results must still see it (listing_version.py).
        rows = super().update(**kwargs)
        if rows:
            listing_version.changed()
        return rows

    def availability_unconfirmed(self, now):
        """Mentors asked whether they still take mentees (mentorships/availability.py) who
        have not answered for AVAILABILITY_CONFIRM_DAYS."""
        return self.filter(availability_awaited_since__lte=availability_unconfirmed_before(now))

    def listed(self):
        """Profiles shown to others (listing.is_listable): complete, verified as faculty, of
        active accounts. A new mentor enters once their profile says enough and the school
        has confirmed them; a deactivated account drops out."""
        return self.filter(LISTED)

    def awaiting_verification(self):
        """Mentors of active accounts whom nobody has verified or refused yet, oldest first:
        the staff's queue (verification.py)."""
        return self.filter(verified_at=None, refused_at=None, user__is_active=True).order_by(
            "verification_asked_at", "pk"
        )

    def with_room(self):
        return self.filter(WITH_ROOM)

    def follow_account(self, user):
        """Copy the account's name onto its mentor profile, if it has one, and list or unlist
        it as the account's active flag now says (the save applies listing.is_listable)."""
        for profile in self.filter(user_id=user.pk):
            profile.user = user
            profile.save(update_fields=["display_name", "is_listed"])

    def take_slot(self, user_id):
        """Count one more active mentee if there is room; atomic, so racers cannot overfill."""
        return (
            self.filter(user_id=user_id, active_mentee_count__lt=F("capacity")).update(
                active_mentee_count=F("active_mentee_count") + 1
            )
            == 1
        )

    def release_slot(self, user_id):
        self.filter(user_id=user_id, active_mentee_count__gt=0).update(
            active_mentee_count=F("active_mentee_count") - 1
        )

    def count_pending_request(self, user_id, delta):
        """Keep pending_request_count, which ranks busy mentors lower, in step with requests."""
        rows = self.filter(user_id=user_id)
        if delta < 0:
            rows = rows.filter(pending_request_count__gte=-delta)
        rows.update(pending_request_count=F("pending_request_count") + delta)


class MentorProfile(MeetingModes):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    title = models.CharField(max_length=120, blank=True)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="mentors"
    )
    specialty = models.CharField(max_length=120, blank=True)
    career_stage = models.CharField(
        max_length=10, choices=CareerStage.choices, default=CareerStage.MID, db_index=True
    )
    interests = models.ManyToManyField(Interest, blank=True, related_name="mentors")
    areas = models.ManyToManyField(Area, blank=True, related_name="mentors")
    # The programmes whose students may find and ask this mentor (matching filters by the
    # student's programme once the school has more than one).
    programmes = models.ManyToManyField(
        "programmes.Programme", blank=True, related_name="mentors", verbose_name="I mentor in"
    )
    can_offer = models.TextField("what I can offer", max_length=1000, blank=True)
    cannot_offer = models.TextField("what I can't offer", max_length=1000, blank=True)
    capacity = models.PositiveSmallIntegerField(
        "most active mentees at once",
        default=3,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_CAPACITY)],
    )
    is_accepting = models.BooleanField("accepting new mentees", default=True, db_index=True)
    response_hours = models.PositiveSmallIntegerField(
        "I answer within (hours)",
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(336)],
    )
    location = models.CharField("location or institution", max_length=120, blank=True)
    bio = models.TextField("short bio", max_length=2000, blank=True)
    # Optional, seen by the owner only; dashboards count them in groups of 5 or more.
    gender = models.CharField("gender (optional)", max_length=60, choices=Gender, blank=True)
    gender_self_described = models.CharField("in your own words", max_length=60, blank=True)
    background = models.CharField("background (optional)", max_length=120, blank=True)
    # Written by the mentorships app as mentorships start and end and requests open and close.
    active_mentee_count = models.PositiveSmallIntegerField(default=0, editable=False)
    pending_request_count = models.PositiveSmallIntegerField(default=0, editable=False)
    # Names, interests, areas and bio in one column, for search; on PostgreSQL its tsvector,
    # stored and GIN-indexed, so that neither matching nor ranking computes it.
    search_text = models.TextField(blank=True, editable=False)
    search_vector = models.GeneratedField(
        expression=EnglishSearchVector("search_text"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # A copy of the account's display_name, and is_listed (listing.is_listable: the account
    # active, the profile complete and verified), so that the directory orders and filters
    # on this table alone and reads each page from one of the indexes below, without
    # joining every listed mentor's user (PERFORMANCE.md). follow_account keeps them.
    display_name = models.CharField(max_length=120, blank=True, editable=False)
    is_listed = models.BooleanField(default=False, editable=False)
    # When the mentor said how many mentees they can take (the profile form or the set-up):
    # until then the default capacity is not their answer.
    capacity_set_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Interests, areas offered and capacity all given (completeness.MENTOR_LISTING_NEEDS)
    # at some point: only then is the profile listed. Written by refresh_search_text.
    is_complete = models.BooleanField(default=False, editable=False)
    # Verified as faculty (verification.py): when, how and by whom; until then not listed.
    # A refusal keeps its reason, which the mentor reads on their profile.
    verification_asked_at = models.DateTimeField(default=timezone.now, editable=False)
    verified_at = models.DateTimeField(null=True, blank=True, editable=False)
    verified_how = models.CharField(
        max_length=10, choices=VerifiedHow.choices, blank=True, editable=False
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    refused_at = models.DateTimeField(null=True, blank=True, editable=False)
    refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    refused_reason = models.TextField(max_length=1000, blank=True, editable=False)
    # Check-ins on availability, written by mentorships/availability.py (asked) and by the
    # mentor's answer (confirm_availability, pause_accepting, a changed capacity or
    # accepting flag). On this row so that the directory and recommendations read them
    # without a join.
    availability_asked_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The oldest check-in still unanswered, None once answered: "not confirmed" counts from
    # it, so that asking again at a new term does not restart the count.
    availability_awaited_since = models.DateTimeField(null=True, blank=True, editable=False)
    availability_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MentorProfileQuerySet.as_manager()

    class Meta:
        indexes = [
            *(models.Index(fields=[f"mode_{mode}"]) for mode in Mode.values),
            models.Index(
                fields=["id"],
                include=SCORING_COLUMNS,
                condition=WITH_ROOM,
                name="mentor_with_room_scoring",
            ),
            # The directory's orders (directory.ORDERS), each in full down to the id: a page
            # of listed mentors in any order is a range of one of these, read without
            # sorting (capacity and active_mentee_count included so that the page's ids are
            # found in the index alone).
            models.Index(
                F("is_accepting").desc(),
                (F("capacity") - F("active_mentee_count")).desc(),
                F("pending_request_count"),
                F("display_name"),
                F("id"),
                include=["capacity", "active_mentee_count"],
                condition=LISTED,
                name="mentor_directory_order",
            ),
            models.Index(
                fields=["response_hours", "display_name", "id"],
                condition=LISTED,
                name="mentor_directory_response",
            ),
            models.Index(
                fields=["display_name", "id"], condition=LISTED, name="mentor_directory_name"
            ),
            # The staff's queue (verification.pending), oldest first: few rows, found at once.
            models.Index(
                fields=["verification_asked_at", "id"],
                condition=Q(verified_at=None, refused_at=None),
                name="mentor_awaiting_verification",
            ),
            # On PostgreSQL only (migrations 0004 and 0008).
            GinIndex(fields=["search_vector"], name="mentor_search_vector_gin"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(active_mentee_count__lte=F("capacity")),
                name="mentor_within_capacity",
                violation_error_message="Capacity can't be lower than your active mentees.",
            ),
        ]

    def __str__(self):
        return f"{self.user} (mentor)"

    @staticmethod
    def compose_search_text(name, title, specialty, department, location, interests, areas, bio):
        """The search column from its parts: interest names in Interest order (by key), area
        names in Area order. Pure, so that the scale seeder builds the very same text."""
        parts = [name, title, specialty, department, location, *interests, *areas, bio]
        return " ".join(p for p in parts if p)

    def refresh_search_text(self):
        """Rebuild the search column, whether the profile is complete, and the copies of the
        account's name and active flag; call after the name, interests, areas, capacity or
        bio change."""
        interests = list(self.interests.values_list("name", flat=True))
        areas = list(self.areas.values_list("name", flat=True))
        # Once complete, always: the gate keeps blank profiles out of the directory, and a
        # listed mentor who edits their areas is not dropped from it between two saves.
        self.is_complete = self.is_complete or bool(interests and areas and self.capacity_set_at)
        self.display_name = self.user.display_name
        self.is_listed = self.should_be_listed()
        self.search_text = self.compose_search_text(
            self.display_name,
            self.title,
            self.specialty,
            str(self.department or ""),
            self.location,
            interests,
            areas,
            self.bio,
        )
        # A save: the interests and areas just set change no mentor row, and the save's
        # signal is what tells the directory's kept results (listing_version.py).
        self.save(update_fields=["search_text", "display_name", "is_complete", "is_listed"])

    def should_be_listed(self):
        """What is_listed must hold now (listing.is_listable, the one rule)."""
        return is_listable(
            is_active=self.user.is_active,
            is_complete=self.is_complete,
            verified_at=self.verified_at,
        )

    @property
    def is_verified(self):
        return self.verified_at is not None

    @property
    def missing_for_listing(self):
        """What the mentor must still say before students find them (two queries)."""
        return mentor_missing(
            interests=self.interests.exists(),
            areas=self.areas.exists(),
            capacity=self.capacity_set_at,
        )

    @property
    def room_left(self):
        return max(self.capacity - self.active_mentee_count, 0)

    @property
    def has_room(self):
        return self.is_accepting and self.room_left > 0

    @property
    def is_awaiting_availability(self):
        """Asked whether they still take mentees, and not answered yet."""
        return self.availability_awaited_since is not None

    @property
    def availability_unconfirmed(self):
        """As MentorProfileQuerySet.availability_unconfirmed, for this row."""
        since = self.availability_awaited_since
        return since is not None and since <= availability_unconfirmed_before(timezone.now())

    def confirm_availability(self, places, now):
        """The mentor's one-click answer: still accepting, with `places` free. Capacity is
        set from the active mentees counted in the database at this moment, so that one
        accepted meanwhile is not given back as a free place."""
        MentorProfile.objects.filter(pk=self.pk).update(
            is_accepting=True,
            capacity=F("active_mentee_count") + places,
            availability_awaited_since=None,
            availability_confirmed_at=now,
            updated_at=now,
        )
        self.refresh_from_db(fields=self.AVAILABILITY_ANSWER_FIELDS)

    def pause_accepting(self, now):
        """The other answer: no new requests for now (those waiting are the mentor's to
        keep or decline, mentorships:stop-accepting)."""
        self.is_accepting = False
        self.note_availability_confirmed(now, also=["is_accepting"])

    def note_availability_confirmed(self, now, also=()):
        """The mentor said where they stand (answered a check-in, or changed whether they
        accept or how many): no check-in is awaited any more. Saves those fields and `also`."""
        self.save(update_fields=[*also, *self.mark_availability_confirmed(now), "updated_at"])

    def mark_availability_confirmed(self, now):
        """As note_availability_confirmed, unsaved; returns the fields to save."""
        self.availability_awaited_since, self.availability_confirmed_at = None, now
        return ["availability_awaited_since", "availability_confirmed_at"]

    AVAILABILITY_ANSWER_FIELDS = [
        "is_accepting",
        "capacity",
        "active_mentee_count",
        "availability_awaited_since",
        "availability_confirmed_at",
        "updated_at",
    ]


# A coordinator sees students with a rotation in their clerkship within this many days of today.
COORDINATOR_SCOPE = datetime.timedelta(days=365)


class MenteeProfileQuerySet(models.QuerySet):
    def stage_is_early(self, user_id):
        """MenteeProfile.is_early for this person, in one query: without a profile or a
        stage, the concrete, directive style is the safer guess."""
        found = self.filter(user_id=user_id).values_list("stage__is_early", flat=True).first()
        return found is not False

    def in_programme(self, programme):
        return self.filter(programme=programme)


class MenteeProfile(MeetingModes):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentee_profile"
    )
    # The student's programme and one of its stages (the form refuses another programme's);
    # None until the person (or a roster) says: recommendations never assume a stage.
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="students",
    )
    stage = models.ForeignKey(
        "programmes.Stage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="students",
        verbose_name="stage of training",
    )
    graduation_year = models.PositiveSmallIntegerField(
        "expected graduation year",
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    interests = models.ManyToManyField(Interest, blank=True, related_name="mentees")
    areas_sought = models.ManyToManyField(Area, blank=True, related_name="mentees")
    vision = models.TextField("my vision for the future", max_length=2000, blank=True)
    gender = models.CharField("gender (optional)", max_length=60, choices=Gender, blank=True)
    gender_self_described = models.CharField("in your own words", max_length=60, blank=True)
    background = models.CharField("background (optional)", max_length=120, blank=True)
    prefers_shared_gender = models.BooleanField(
        "I would prefer a mentor who shares my gender", default=False
    )
    prefers_shared_background = models.BooleanField(
        "I would prefer a mentor who shares my background", default=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = MenteeProfileQuerySet.as_manager()

    def __str__(self):
        return f"{self.user} (mentee)"

    @property
    def is_early(self):
        """For prompts fitted to the stage, as the stage's programme flags it: with none
        said, the concrete, directive style is the safer guess (as without a profile).
        Recommendations ask has_stage first. Reads the stage: select_related("stage")."""
        return self.stage_id is None or self.stage.is_early

    @property
    def has_stage(self):
        return self.stage_id is not None
