"""What changed in a coordinator's clerkships since they last opened each dashboard: the
coordinator's part of the home page. Counts only, like the dashboard's own figures; the
names stay behind the dashboard's audited student list."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from mentoring.clerkships.models import Clerkship, Rotation
from mentoring.dashboards.models import DashboardVisit
from mentoring.dashboards.scope import Scope
from mentoring.mentorships.models import Mentorship
from mentoring.profiles.models import COORDINATOR_SCOPE

# Before a first visit, "what changed" looks back this far.
FIRST_LOOK_BACK = datetime.timedelta(days=7)
# A reassessment still open this long after it was due counts as overdue.
REASSESSMENT_OVERDUE = datetime.timedelta(days=14)


@dataclass(frozen=True)
class Changes:
    clerkship: Clerkship
    since: datetime.datetime
    first_visit: bool
    without_mentor: int
    new_without_mentor: int
    quiet: int
    newly_quiet: int
    reassessments_overdue: int
    newly_overdue: int

    @property
    def anything_new(self):
        return bool(self.new_without_mentor or self.newly_quiet or self.newly_overdue)


def without_mentor(today, added_after=None):
    """How many students rotating now in the outer query's clerkship have no active mentor
    (rotations added after `added_after` only, when given), as a sub-query to annotate."""
    rotations = Rotation.objects.filter(
        clerkship=OuterRef("pk"), starts_on__lte=today, ends_on__gte=today, student__is_active=True
    ).exclude(Exists(Mentorship.objects.active().filter(mentee=OuterRef("student_id"))))
    if added_after is not None:
        rotations = rotations.filter(added_at__gt=added_after)
    counted = (
        rotations.order_by()
        .values("clerkship")
        .annotate(students=Count("student_id", distinct=True))
        .values("students")
    )
    return Coalesce(Subquery(counted), 0)


def changes_for(clerkship, now):
    """One query beyond the clerkship's row (annotated by changes_since_last_visit with the
    students without a mentor): the quiet relationships and overdue reassessments of the
    students in scope, each with how many are new since the last visit (or, on a first
    visit, within FIRST_LOOK_BACK)."""
    since = clerkship.since
    today = timezone.localdate(now)
    in_scope = Scope(clerkship, today - COORDINATOR_SCOPE, today).students()
    overdue = Q(
        reassessments__completed_at=None,
        reassessments__due_on__lt=today - REASSESSMENT_OVERDUE,
    )
    newly_overdue = overdue & Q(
        reassessments__due_on__gte=timezone.localdate(since) - REASSESSMENT_OVERDUE
    )
    quiet_now = Mentorship.objects.quiet_q(now)
    relationships = (
        Mentorship.objects.open()
        .filter(mentee__in=in_scope)
        .aggregate(
            quiet=Count("pk", distinct=True, filter=quiet_now),
            newly_quiet=Count(
                "pk", distinct=True, filter=quiet_now & ~Mentorship.objects.quiet_q(since)
            ),
            overdue=Count("reassessments", distinct=True, filter=overdue),
            newly_overdue=Count("reassessments", distinct=True, filter=newly_overdue),
        )
    )
    return Changes(
        clerkship=clerkship,
        since=since,
        first_visit=clerkship.visited_at is None,
        without_mentor=clerkship.without_mentor,
        new_without_mentor=clerkship.new_without_mentor,
        quiet=relationships["quiet"],
        newly_quiet=relationships["newly_quiet"],
        reassessments_overdue=relationships["overdue"],
        newly_overdue=relationships["newly_overdue"],
    )


def changes_since_last_visit(user, now=None):
    """One Changes per clerkship this person coordinates, in name order."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    last_visit = DashboardVisit.objects.filter(viewer=user, clerkship=OuterRef("pk"))
    clerkships = (
        Clerkship.objects.coordinated_by(user)
        .annotate(visited_at=Subquery(last_visit.values("at")[:1]))
        .annotate(since=Coalesce("visited_at", Value(now - FIRST_LOOK_BACK)))
        .annotate(
            without_mentor=without_mentor(today),
            new_without_mentor=without_mentor(today, added_after=OuterRef("since")),
        )
        .order_by("name")
    )
    return [changes_for(clerkship, now) for clerkship in clerkships]
