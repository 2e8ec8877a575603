"""Who may open a mentee's profile (the "who sees what" table in docs/architecture.md).

The rule reads mentorships, requests and rotations, so it lives here, above those apps,
and imports them. Every page that shows a mentee's profile fetches through it; the
mentorships app, below this one, reaches it through settings.MENTEE_PROFILES_VISIBLE_TO.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from mentoring.clerkships.models import Rotation
from mentoring.mentorships.models import Mentorship, MentorshipRequest
from mentoring.profiles.models import COORDINATOR_SCOPE, MenteeProfile
from mentoring.programmes.models import Programme


def mentee_profiles_visible_to(user):
    """Profiles this person may open: their own, their mentors' and requested faculty's,
    coordinators' for students rotating in their clerkships or in their programme, and
    staff's for all."""
    if user.is_staff:
        return MenteeProfile.objects.all()
    today = timezone.localdate()
    student = OuterRef("user_id")
    mentored = Mentorship.objects.filter(mentee=student, mentor=user)
    # A request the student sent, or an invitation (made when the faculty member could
    # already see them); a relationship a mentor merely claims is not enough.
    asked = MentorshipRequest.objects.filter(mentee=student, mentor=user).filter(
        Q(created_by=student) | Q(kind=MentorshipRequest.Kind.INVITE)
    )
    rotating = Rotation.objects.overlapping(
        today - COORDINATOR_SCOPE, today + COORDINATOR_SCOPE
    ).filter(student=student, clerkship__coordinators=user)
    coordinating = Programme.coordinators.through.objects.filter(
        programme_id=OuterRef("programme_id"), user=user
    )
    return MenteeProfile.objects.filter(
        Q(user=user) | Exists(mentored) | Exists(asked) | Exists(rotating) | Exists(coordinating)
    )
