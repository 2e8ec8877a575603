"""Student-level tables: the students without an active mentor and the quiet relationships.

Name, stage and interests; who, since, rhythm and last contact: what DESIGN.md lets a
coordinator see, nothing more. Each view or download of these writes an AccessLog row
(views.py), and they are never shown on the aggregate dashboard itself.
"""

from django.db.models import F
from django.utils import timezone

from mentoring.dashboards.aggregates import has_active_mentor, stage_label
from mentoring.dashboards.scope import Table
from mentoring.mentorships.models import Mentorship, contact_epoch


def unmatched_students(scope):
    """Students in scope without an active mentor today, by name: name, stage and
    interests only (DESIGN.md)."""
    return (
        scope.students()
        .exclude(has_active_mentor())
        .annotate(stage=F("mentee_profile__stage__name"), profile_pk=F("mentee_profile__pk"))
        # The profile is joined for its interests only: its other fields (vision, optional
        # identity fields) are not even loaded.
        .select_related("mentee_profile")
        .only("pk", "display_name", "mentee_profile__id")
        .prefetch_related("mentee_profile__interests")
        .order_by("display_name", "pk")
    )


def interests_of(student):
    if student.profile_pk is None:
        return []
    return [interest.name for interest in student.mentee_profile.interests.all()]


def unmatched_table(scope):
    table = Table(
        "students",
        "Students without an active mentor",
        ["Student", "Stage of training", "Interests"],
    )
    for student in unmatched_students(scope):
        table.rows.append(
            [student.display_name, stage_label(student.stage), "; ".join(interests_of(student))]
        )
    return table


def quiet_table(scope):
    now = timezone.now()
    rows = (
        Mentorship.objects.quiet(now)
        .filter(mentee__in=scope.students())
        .select_related("mentor", "mentee")
        .only(
            "started_on",
            "recorded_on",
            "cadence_days",
            "last_contact_at",
            "mentor__display_name",
            "mentee__display_name",
        )
        .order_by(contact_epoch().asc(), "pk")
    )
    table = Table(
        "quiet-relationships",
        "Relationships quiet beyond their rhythm",
        ["Student", "Mentor", "Since", "Meet every (days)", "Last contact", "Days without contact"],
    )
    for m in rows:
        last = timezone.localdate(m.last_contact_at) if m.last_contact_at else None
        table.rows.append(
            [
                m.mentee.display_name,
                m.mentor.display_name,
                m.started_on.isoformat(),
                m.cadence_days,
                last.isoformat() if last else "",
                # Counted as the quiet rule counts: never from before the site began to.
                (timezone.localdate() - timezone.localdate(m.contact_counted_since)).days,
            ]
        )
    return table


STUDENT_TABLES = {
    "students": unmatched_table,
    "quiet-relationships": quiet_table,
}
