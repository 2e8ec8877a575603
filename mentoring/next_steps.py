"""What waits on a person, most urgent first: the home page's one screen.

Each step is one sentence and one link to where it is done. The wiring layer builds the
list because it reads every app's waiting work; each app keeps the meaning of "waiting"
(pending requests, open reassessments, upcoming meetings) in its own querysets.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery
from django.utils import timezone

from mentoring.clerkships.models import Rotation
from mentoring.concerns.models import Concern
from mentoring.conversations.models import Message
from mentoring.feedback.models import Reassessment
from mentoring.lib.links import path_of
from mentoring.meetings.models import ActionItem, Meeting
from mentoring.mentorships.models import OPEN_STATUSES, Mentorship, MentorshipRequest
from mentoring.outcomes.models import OutcomeTie
from mentoring.profiles.completeness import in_words, mentee_missing, mentor_missing
from mentoring.profiles.models import MODE_FLAGS, MenteeProfile, MentorProfile
from mentoring.profiles.verification import VERIFICATION_FIELDS, pending, standing

User = get_user_model()
# The columns User.name_from() reads.
NAME = ("display_name", "email")
# How far ahead a meeting or an action item counts as coming up.
AHEAD = datetime.timedelta(days=7)


class Urgency:
    """Most urgent first: past a deadline, due now, coming up, whenever you can."""

    LATE, NOW, COMING, ANYTIME = range(4)


@dataclass(frozen=True)
class Step:
    urgency: int
    text: str
    url: str
    action: str
    # Within one urgency, the earliest deadline (or start) first.
    at: datetime.datetime | None = None

    @property
    def is_late(self):
        return self.urgency == Urgency.LATE


def time_left(deadline, now):
    hours = (deadline - now).total_seconds() / 3600
    if hours < 0:
        return "past the time you committed to"
    if hours < 1:
        return "less than an hour left"
    if hours < 48:
        return f"{hours:.0f} hours left"
    return f"{hours / 24:.0f} days left"


def request_steps(user, now):
    """Requests and invitations waiting on this person, and their own still unanswered."""
    expiry = datetime.timedelta(days=settings.REQUEST_EXPIRY_DAYS)
    waiting = (
        MentorshipRequest.objects.pending()
        .visible_to(user)
        .select_related("mentor__mentor_profile", "mentee")
        .order_by("created_at")
    )
    for ask in waiting:
        url = path_of("mentorships:request", ask.pk)
        other = ask.mentee if ask.mentor_id == user.pk else ask.mentor
        kind = ask.get_kind_display().lower()
        if ask.created_by_id == user.pk:
            expires = timezone.localdate(ask.created_at + expiry)
            yield Step(
                Urgency.ANYTIME,
                f"Your {kind} to {other} is waiting for an answer; it expires on {expires:%-d %B}.",
                url,
                "See it",
                ask.created_at,
            )
        elif ask.kind == MentorshipRequest.Kind.ASK:
            profile = getattr(ask.mentor, "mentor_profile", None)
            hours = profile.response_hours if profile else 24
            deadline = ask.created_at + datetime.timedelta(hours=hours)
            yield Step(
                Urgency.LATE if deadline < now else Urgency.NOW,
                f"{other} asks you to be their mentor ({time_left(deadline, now)}).",
                url,
                "Answer",
                deadline,
            )
        else:
            what = "an invitation" if ask.kind == ask.Kind.INVITE else "a relationship to confirm"
            yield Step(
                Urgency.NOW,
                f"{other} sent you {what}.",
                url,
                "Answer",
                ask.created_at,
            )


def message_steps(user):
    """Unread messages, one step per thread and sender: asked only when the navigation
    counted some, so that a person with none pays no query."""
    threads = (
        Message.objects.unread_by(user)
        .values("mentorship_id", "request_id", "sender__display_name", "sender__email")
        .annotate(count=Count("pk"), first=Min("created_at"))
        .order_by("first")
    )
    for thread in threads:
        if thread["mentorship_id"]:
            url = path_of("conversations:thread", thread["mentorship_id"])
        else:
            url = path_of("conversations:request-thread", thread["request_id"])
        sender = thread["sender__display_name"] or thread["sender__email"]
        count = thread["count"]
        yield Step(
            Urgency.NOW,
            f"{sender} wrote you {'a message' if count == 1 else f'{count} messages'}.",
            url,
            "Read and answer",
            thread["first"],
        )


def meeting_steps(user, now):
    """Meetings in the coming week; the mentee is asked for the agenda when it is empty.

    Read as values, the partner's name with them: as models, with the mentorship and both
    people joined in, the query's sixty columns and twenty instances were a quarter of the
    home page's Python."""
    people = [f"mentorship__{side}__{field}" for side in ("mentor", "mentee") for field in NAME]
    upcoming = (
        Meeting.objects.visible_to(user)
        .upcoming()
        .filter(starts_at__lt=now + AHEAD)
        .order_by("starts_at")
        .values("pk", "starts_at", "agenda", "mentorship__mentee_id", *people)[:5]
    )
    for meeting in upcoming:
        is_mentee = meeting["mentorship__mentee_id"] == user.pk
        partner = "mentorship__mentor__" if is_mentee else "mentorship__mentee__"
        name = User.name_from(*(meeting[partner + field] for field in NAME))
        when = timezone.localtime(meeting["starts_at"])
        text = f"Meeting with {name} on {when:%A %-d %B at %H:%M}"
        if not meeting["agenda"] and is_mentee:
            text, page, action = f"{text}: no agenda yet.", "meetings:agenda", "Write the agenda"
        else:
            text, page, action = f"{text}.", "meetings:detail", "Open"
        url = path_of(page, meeting["pk"])
        yield Step(Urgency.COMING, text, url, action, meeting["starts_at"])


def action_item_steps(user, today):
    """Open action items this person owns, due within the coming week or already late."""
    Owner = ActionItem.Owner
    items = (
        ActionItem.objects.filter(done_at=None, due_on__lte=today + AHEAD)
        .filter(
            Q(owner=Owner.MENTEE, meeting__mentorship__mentee=user)
            | Q(owner=Owner.MENTOR, meeting__mentorship__mentor=user)
        )
        .filter(meeting__mentorship__status__in=OPEN_STATUSES)
        .order_by("due_on", "pk")[:5]
    )
    for item in items:
        late = item.due_on < today
        yield Step(
            Urgency.LATE if late else Urgency.NOW if item.due_on == today else Urgency.COMING,
            f"Action item {'overdue since' if late else 'due'} {item.due_on:%-d %B}: {item.text}",
            path_of("meetings:detail", item.meeting_id),
            "Open",
            timezone.make_aware(datetime.datetime.combine(item.due_on, datetime.time())),
        )


def reassessment_steps(user, today):
    waiting = (
        Reassessment.objects.open()
        .filter(respondent=user, due_on__lte=today)
        .select_related("mentorship__mentor", "mentorship__mentee")
        .order_by("due_on", "pk")
    )
    for reassessment in waiting:
        partner = reassessment.mentorship.partner_of(user)
        yield Step(
            Urgency.NOW,
            f"{reassessment.get_kind_display()} of your mentorship with {partner}: a few "
            "minutes on how it is going.",
            path_of("feedback:reassessment", reassessment.pk),
            "Answer",
            timezone.make_aware(datetime.datetime.combine(reassessment.due_on, datetime.time())),
        )


def contact_steps(user):
    """Mentees due or overdue for contact against the rhythm the pair agreed."""
    mentorships = Mentorship.objects.active().filter(mentor=user).select_related("mentee")
    for mentorship in mentorships:
        status = mentorship.cadence_status
        if status in ("due", "overdue"):
            days = mentorship.days_since_contact
            if days is not None:
                since = f"no contact for {days} days"
            elif mentorship.recorded_on:
                since = (
                    f"no meeting logged since it was recorded on {mentorship.recorded_on:%-d %B}"
                )
            else:
                since = "you have not met yet"
            yield Step(
                Urgency.LATE if status == "overdue" else Urgency.NOW,
                f"{mentorship.mentee} is {status} for contact ({since}; you agreed every "
                f"{mentorship.cadence_days} days).",
                path_of("meetings:quick-log", mentorship.pk),
                "Log a session",
            )


def profile_steps(user):
    """What the mentee's recommendations still lack (completeness.MENTEE_ANSWERS, as the
    recommendations page says)."""
    profile = (
        MenteeProfile.objects.filter(user=user)
        .annotate(interest_count=Count("interests", distinct=True))
        .annotate(area_count=Count("areas_sought", distinct=True))
        .only("pk", "vision", "stage", *(flag for flag, _ in MODE_FLAGS))
        .first()
    )
    if profile is None:
        return
    missing = mentee_missing(
        stage=profile.stage_id,
        interests=profile.interest_count,
        areas=profile.area_count,
        vision=profile.vision,
        modes=profile.modes,
    )
    if missing:
        yield Step(
            Urgency.ANYTIME,
            f"Recommendations would fit you better with {in_words(missing)}.",
            path_of("profiles:edit-mentee"),
            "Complete my profile",
        )


def listing_facts():
    """Annotations read with the mentor's profile in mentor_steps' one query: whether it
    has interests and areas (listing_steps says what listing still needs)."""
    links = {"has_interests": MentorProfile.interests, "has_areas": MentorProfile.areas}
    return {
        name: Exists(field.through.objects.filter(mentorprofile_id=OuterRef("pk")))
        for name, field in links.items()
    }


def listing_steps(profile):
    """A mentor the directory does not list yet: what their profile must still say."""
    if profile.is_complete:
        return
    missing = mentor_missing(
        interests=profile.has_interests,
        areas=profile.has_areas,
        capacity=profile.capacity_set_at,
    )
    yield Step(
        Urgency.NOW,
        f"Students can't find you in the directory yet: add {in_words(missing)}.",
        path_of("profiles:edit-mentor"),
        "Complete my profile",
    )


def verification_steps(profile):
    """A mentor not verified as faculty yet: why they are not listed, and who decides
    (verification.standing, as their profile page says)."""
    where = standing(profile)
    if where.is_refused:
        yield Step(
            Urgency.NOW,
            f"{where.text} Their reason: {where.reason}",
            path_of("profiles:edit-mentor"),
            "See my profile",
        )
    elif where.is_waiting:
        yield Step(Urgency.ANYTIME, where.text, path_of("profiles:edit-mentor"), "My profile")


def staff_steps():
    """Mentors waiting for staff to confirm they are faculty: one count, for staff only."""
    waiting = pending().count()
    if waiting:
        yield Step(
            Urgency.NOW,
            f"{waiting} mentor{'s' if waiting != 1 else ''} wait{'' if waiting != 1 else 's'} "
            "for you to confirm they are faculty before students can find them.",
            path_of("profiles:verification-queue"),
            "Verify faculty",
        )


def mentor_steps(user, today):
    """An availability check-in waiting for an answer, the students rotating now in the
    clerkships this mentor teaches in who have no mentor, and the outcomes mentees tied to
    this mentor that wait for confirmation: one query."""
    unmatched = (
        Rotation.objects.filter(
            clerkship__faculty__faculty=OuterRef("user_id"),
            starts_on__lte=today,
            ends_on__gte=today,
        )
        .exclude(Exists(Mentorship.objects.active().filter(mentee=OuterRef("student_id"))))
        .order_by()
        .values("clerkship__faculty__faculty")
        .annotate(students=Count("student_id", distinct=True))
        .values("students")
    )
    to_confirm = (
        OutcomeTie.objects.of_mentor(OuterRef("user_id"))
        .unconfirmed()
        .order_by()
        .values("mentorship__mentor")
        .annotate(ties=Count("pk"))
        .values("ties")
    )
    profile = (
        MentorProfile.objects.filter(user=user)
        .annotate(unmatched=Subquery(unmatched), to_confirm=Subquery(to_confirm), **listing_facts())
        .only(
            "availability_awaited_since",
            "is_complete",
            "capacity_set_at",
            *VERIFICATION_FIELDS,
        )
        .first()
    )
    if profile is None:
        return
    yield from listing_steps(profile)
    yield from verification_steps(profile)
    if profile.availability_awaited_since:
        yield Step(
            Urgency.NOW,
            "Are you still taking mentees? Students see your answer before they ask.",
            path_of("profiles:availability"),
            "Answer in one click",
            profile.availability_awaited_since,
        )
    if profile.unmatched:
        count = profile.unmatched
        yield Step(
            Urgency.ANYTIME,
            f"{count} student{'s' if count != 1 else ''} on your rotations "
            f"{'have' if count != 1 else 'has'} no mentor yet.",
            path_of("mentorships:roster"),
            "See who",
        )
    if profile.to_confirm:
        count = profile.to_confirm
        yield Step(
            Urgency.ANYTIME,
            f"{count} outcome{'s' if count != 1 else ''} your mentees recorded "
            f"wait{'s' if count == 1 else ''} for your confirmation.",
            path_of("outcomes:mentees"),
            "Confirm",
        )


def concern_steps(user):
    """Confidential concerns sent to this person and not yet acknowledged: one count, for a
    programme's coordinators and ombudspeople only (the navigation says who they are)."""
    waiting = Concern.objects.designated_to(user).unacknowledged().count()
    if waiting:
        yield Step(
            Urgency.NOW,
            f"{waiting} confidential concern{'s' if waiting != 1 else ''} "
            f"wait{'' if waiting != 1 else 's'} for you to acknowledge "
            f"{'them' if waiting != 1 else 'it'}.",
            path_of("concerns:list"),
            "Open concerns",
        )


def next_steps(user, roles):
    """Every step waiting on this person, most urgent first. `roles` is the navigation's
    {is_mentee, is_mentor, ...} (navigation.roles_of)."""
    now = timezone.now()
    today = timezone.localdate(now)
    # The navigation's one statement says whether requests, messages and reassessments
    # wait at all: each costs a query only for someone who has one.
    steps = list(meeting_steps(user, now))
    if roles.get("has_pending_requests", True):
        steps += request_steps(user, now)
    if roles.get("unread_messages", True):
        steps += message_steps(user)
    steps += action_item_steps(user, today)
    if roles.get("has_open_reassessments", True):
        steps += reassessment_steps(user, today)
    if roles["is_mentor"]:
        steps += [*contact_steps(user), *mentor_steps(user, today)]
    if roles["is_mentee"]:
        steps += profile_steps(user)
    if roles.get("hears_concerns"):
        steps += concern_steps(user)
    if user.is_staff:
        steps += staff_steps()
    never = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    return sorted(steps, key=lambda step: (step.urgency, step.at or never))
