"""What the navigation needs on every page, in one query and only when a template asks.

Built through the ORM on every page, this query cost ~2.5 ms of Python, twenty times
what running it costs and more than the rest of the home page, so it is written out
as SQL here, behind roles_of(). tests/foundation/test_navigation_roles.py compares it
with the plain ORM (the querysets named below) on varied data; change both together.
Table and column names come from the models, the request status from its TextChoices.
"""

import functools

from django.conf import settings
from django.db import connection
from django.utils.functional import SimpleLazyObject

from mentoring.clerkships.models import Clerkship
from mentoring.conversations.models import Message
from mentoring.feedback.models import Reassessment
from mentoring.lib.sql import column, table
from mentoring.mentorships.models import MentorshipRequest
from mentoring.notifications.models import Notification
from mentoring.profiles.models import MenteeProfile, MentorProfile
from mentoring.programmes.models import Programme


@functools.cache
def roles_sql():
    coordinators = Clerkship.coordinators.through
    programme_coordinators = Programme.coordinators.through
    ombudspeople = Programme.ombudspeople.through
    requests = MentorshipRequest
    return f"""
        SELECT
            EXISTS (SELECT 1 FROM {table(MenteeProfile)}
                    WHERE {column(MenteeProfile, "user")} = %s),
            EXISTS (SELECT 1 FROM {table(MentorProfile)}
                    WHERE {column(MentorProfile, "user")} = %s),
            EXISTS (SELECT 1 FROM {table(coordinators)}
                    WHERE {column(coordinators, "user")} = %s)
            OR EXISTS (SELECT 1 FROM {table(programme_coordinators)}
                       WHERE {column(programme_coordinators, "user")} = %s),
            (SELECT COUNT(*) FROM {table(Notification)}
             WHERE {column(Notification, "recipient")} = %s
               AND {column(Notification, "read_at")} IS NULL),
            (SELECT COUNT(*) FROM {table(requests)}
             WHERE {column(requests, "status")} = %s
               AND ({column(requests, "mentor")} = %s OR {column(requests, "mentee")} = %s)
               AND {column(requests, "created_by")} <> %s),
            (SELECT COUNT(*) FROM {table(Message)}
             WHERE {column(Message, "recipient")} = %s
               AND {column(Message, "read_at")} IS NULL),
            EXISTS (SELECT 1 FROM {table(requests)}
                    WHERE {column(requests, "status")} = %s
                      AND ({column(requests, "mentor")} = %s
                           OR {column(requests, "mentee")} = %s)),
            EXISTS (SELECT 1 FROM {table(Reassessment)}
                    WHERE {column(Reassessment, "respondent")} = %s
                      AND {column(Reassessment, "completed_at")} IS NULL),
            EXISTS (SELECT 1 FROM {table(programme_coordinators)}
                    WHERE {column(programme_coordinators, "user")} = %s)
            OR EXISTS (SELECT 1 FROM {table(ombudspeople)}
                       WHERE {column(ombudspeople, "user")} = %s)
    """  # noqa: S608 - names from the models; every value is a parameter


def roles_of(user):
    """{is_mentee, is_mentor, is_coordinator, unread, to_answer, unread_messages,
    has_pending_requests, has_open_reassessments, hears_concerns} for the
    navigation: the person's MenteeProfile/MentorProfile, Clerkship.objects.coordinated_by(user)
    or Programme.objects.coordinated_by(user),
    Notification.objects.for_user(user).unread(),
    MentorshipRequest.objects.awaiting_answer_from(user), Message.objects.unread_by(user),
    and whether any request involving them is pending or any reassessment of theirs open,
    and hears_concerns: whether confidential concerns may come to them
    (Programme.objects.coordinated_by(user) or Programme.objects.with_ombudsperson(user))."""
    pending = MentorshipRequest.Status.PENDING
    with connection.cursor() as cursor:
        values = [user.pk] * 5 + [pending] + [user.pk] * 4 + [pending] + [user.pk] * 5
        cursor.execute(roles_sql(), values)
        row = cursor.fetchone()
    is_mentee, is_mentor, is_coordinator, unread, to_answer, messages, asks, prompts, hears = row
    # SQLite answers EXISTS with 1 or 0.
    return {
        "is_mentee": bool(is_mentee),
        "is_mentor": bool(is_mentor),
        "is_coordinator": bool(is_coordinator),
        "unread": unread,
        "to_answer": to_answer,
        "unread_messages": messages,
        # Whether the home page need look for requests and reassessments at all.
        "has_pending_requests": bool(asks),
        "has_open_reassessments": bool(prompts),
        "hears_concerns": bool(hears),
    }


def navigation(request):
    site = {"site_name": settings.SITE_NAME}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return site
    return site | {"nav": SimpleLazyObject(lambda: roles_of(user))}
