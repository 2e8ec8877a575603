"""What changed in a coordinator's clerkships since they last opened each dashboard: the
coordinator's part of the home page. Counts only, like the dashboard's own figures; the
names stay behind the dashboard's audited student list."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery
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


def changes_for(clerkship, visited_at, now):
    """Two queries: students rotating now without a mentor, and the quiet relationships
    and overdue reassessments of the students in scope, each with how many are new since
    `visited_at` (None: a first visit, looking back FIRST_LOOK_BACK)."""
    since = visited_at or now - FIRST_LOOK_BACK
    today = timezone.localdate(now)
    students = (
        Rotation.objects.filter(
            clerkship=clerkship, starts_on__lte=today, ends_on__gte=today, student__is_active=True
        )
        .exclude(Exists(Mentorship.objects.active().filter(mentee=OuterRef("student_id"))))
        .aggregate(
            all=Count("student_id", distinct=True),
            new=Count("student_id", distinct=True, filter=Q(added_at__gt=since)),
        )
    )
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
        first_visit=visited_at is None,
        without_mentor=students["all"],
        new_without_mentor=students["new"],
        quiet=relationships["quiet"],
        newly_quiet=relationships["newly_quiet"],
        reassessments_overdue=relationships["overdue"],
        newly_overdue=relationships["newly_overdue"],
    )


def changes_since_last_visit(user, now=None):
    """One Changes per clerkship this person coordinates, in name order."""
    now = now or timezone.now()
    last_visit = DashboardVisit.objects.filter(viewer=user, clerkship=OuterRef("pk"))
    clerkships = (
        Clerkship.objects.coordinated_by(user)
        .annotate(visited_at=Subquery(last_visit.values("at")[:1]))
        .order_by("name")
    )
    return [changes_for(clerkship, clerkship.visited_at, now) for clerkship in clerkships]
