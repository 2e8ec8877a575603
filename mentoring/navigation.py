"""What the navigation needs on every page, in one query and only when a template asks.

The query is built once per process (PreparedQuery): on every page, building it through
the ORM cost five times what running it did.
"""

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.utils.functional import SimpleLazyObject

from accounts.models import User
from mentoring.clerkships.models import Clerkship
from mentoring.lib.prepared import PreparedQuery
from mentoring.mentorships.models import MentorshipRequest
from mentoring.profiles.models import MenteeProfile, MentorProfile


def _roles_query(user_id):
    return (
        User.objects.filter(pk=user_id)
        .annotate(
            is_mentee=Exists(MenteeProfile.objects.filter(user=OuterRef("pk"))),
            is_mentor=Exists(MentorProfile.objects.filter(user=OuterRef("pk"))),
            is_coordinator=Exists(Clerkship.objects.filter(coordinators=OuterRef("pk"))),
            unread=Count("notifications", filter=Q(notifications__read_at=None), distinct=True),
            to_answer=Subquery(
                MentorshipRequest.objects.awaiting_answer_from_id(user_id)
                .values("status")
                .annotate(n=Count("pk"))
                .values("n")[:1],
                output_field=IntegerField(),
            ),
        )
        .values("is_mentee", "is_mentor", "is_coordinator", "unread", "to_answer")
    )


_ROLES = PreparedQuery(_roles_query)


def roles_of(user):
    (roles,) = _ROLES.rows(user.pk)
    return roles


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav": SimpleLazyObject(lambda: roles_of(user))}
