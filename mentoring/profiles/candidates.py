"""Load recommendation candidates for one mentee: one query for the rows, one per relation.

Overlap counts and the room filter run in the database; the ranking itself is plain
Python in recommend.py, on at most CANDIDATE_POOL rows.
"""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce

from accounts.models import User
from mentoring.profiles.models import Interest, MenteeProfile, MentorProfile
from mentoring.profiles.recommend import Candidate, MenteeFacts

CANDIDATE_POOL = 200
OPEN_STATUSES = ["active", "paused"]


def _overlap(through, column, ids):
    """Correlated count of a mentor's rows in an M2M table whose target is in `ids`."""
    return Coalesce(
        Subquery(
            through.objects.filter(mentorprofile_id=OuterRef("pk"), **{f"{column}__in": ids})
            .values("mentorprofile_id")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def mentee_facts(profile):
    """MenteeFacts from a MenteeProfile whose interests and areas_sought are prefetched."""
    return MenteeFacts(
        interests=frozenset(i.name for i in profile.interests.all()),
        areas=frozenset(a.name for a in profile.areas_sought.all()),
        is_early=profile.is_early,
        modes=frozenset(profile.modes),
        time_zone=profile.user.time_zone,
        gender=profile.gender,
        background=profile.background,
        prefers_shared_gender=profile.prefers_shared_gender,
        prefers_shared_background=profile.prefers_shared_background,
    )


def load_mentee(user):
    return (
        MenteeProfile.objects.select_related("user")
        .prefetch_related("interests", "areas_sought")
        .get(user=user)
    )


def candidates_for(profile, limit=CANDIDATE_POOL):
    """Mentors with room, not the mentee, not already mentoring them, best overlap first."""
    interest_ids = [i.pk for i in profile.interests.all()]
    area_ids = [a.pk for a in profile.areas_sought.all()]
    # Named through the reverse relation so that profiles need not import mentorships.
    current_mentors = User.objects.filter(
        mentorships_as_mentor__mentee=profile.user_id,
        mentorships_as_mentor__status__in=OPEN_STATUSES,
    )
    already_asked = User.objects.filter(
        mentorship_requests_as_mentor__mentee=profile.user_id,
        mentorship_requests_as_mentor__status="pending",
    )
    rows = (
        MentorProfile.objects.listed()
        .with_room()
        .exclude(user_id=profile.user_id)
        .exclude(user__in=current_mentors)
        .exclude(user__in=already_asked)
        .select_related("user", "department")
        .annotate(
            shared_interest_count=_overlap(
                MentorProfile.interests.through, "interest_id", interest_ids
            ),
            shared_area_count=_overlap(MentorProfile.areas.through, "area_id", area_ids),
        )
        .order_by("-shared_interest_count", "-shared_area_count", "pending_request_count", "pk")
        .prefetch_related(
            Prefetch(
                "interests",
                queryset=Interest.objects.filter(pk__in=interest_ids),
                to_attr="shared_interests",
            ),
            "areas",
        )[:limit]
    )
    return [
        Candidate(
            mentor_id=row.pk,
            name=row.user.display_name,
            subtitle=", ".join(p for p in (row.title, str(row.department or "")) if p),
            shared_interests=tuple(i.name for i in row.shared_interests),
            areas=tuple((a.name, a.stage_fit) for a in row.areas.all()),
            career_stage=row.career_stage,
            modes=frozenset(row.modes),
            time_zone=row.user.time_zone,
            capacity=row.capacity,
            active_mentees=row.active_mentee_count,
            pending_requests=row.pending_request_count,
            is_accepting=row.is_accepting,
            response_hours=row.response_hours,
            gender=row.gender,
            background=row.background,
        )
        for row in rows
    ]
