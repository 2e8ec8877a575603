"""Sending a concern, and who receives it: the designated people of the mentee's programme.

The sender chooses the route: the programme's ombudsperson (the default where staff named
one) or its coordinators. A route whose only people are in the mentorship itself is not
offered: the partner never receives the concern, even as a coordinator.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from mentoring.concerns.models import Concern, Route
from mentoring.lib.working_days import working_days_after
from mentoring.notifications.services import notify
from mentoring.programmes.models import Programme

REMIND_AFTER_WORKING_DAYS = 2
ESCALATE_AFTER_WORKING_DAYS = 5
# A notice says that something waits, never what: e-mail leaves the school's hands.
NOT_BY_EMAIL = "Open it on the site: what a concern says is never sent by e-mail."


class NoOneToReceive(Exception):
    """Nobody is named for this programme who is not one of the pair."""


def programme_of(mentorship):
    """The mentee's programme, whose designated people handle concerns about the pair; the
    default programme for a mentee who has not said theirs."""
    programme = (
        Programme.objects.filter(students__user=mentorship.mentee_id).order_by().first()
        if mentorship.mentee_id
        else None
    )
    return programme or Programme.objects.default()


def people_of(programme, route):
    relation = programme.ombudspeople if route == Route.OMBUDSPERSON else programme.coordinators
    return relation.filter(is_active=True)


def pair_ids(concern):
    mentorship = concern.mentorship
    return (mentorship.mentor_id, mentorship.mentee_id) if mentorship else ()


def designated_people(programme, route, mentorship):
    """The active people of this route for this programme, never the pair themselves."""
    people = people_of(programme, route)
    if mentorship is not None:
        people = people.exclude(pk__in=[mentorship.mentor_id, mentorship.mentee_id])
    return list(people.order_by("pk"))


def designated_ids(programme_ids):
    """{(programme id, route): [active user ids]} for these programmes, in two queries: the
    sweeps' designated_people for many concerns at once (without the pair: see pair_ids)."""
    found = {}
    for route, through in (
        (Route.OMBUDSPERSON, Programme.ombudspeople.through),
        (Route.COORDINATOR, Programme.coordinators.through),
    ):
        rows = through.objects.filter(programme_id__in=programme_ids, user__is_active=True)
        for programme_id, user_id in rows.order_by("user_id").values_list(
            "programme_id", "user_id"
        ):
            found.setdefault((programme_id, route), []).append(user_id)
    return found


def routes_for(programme, mentorship):
    """[(route, label)] the sender may choose, the ombudsperson first (the default)."""
    return [
        (route.value, route.label)
        for route in Route
        if people_of(programme, route)
        .exclude(pk__in=[mentorship.mentor_id, mentorship.mentee_id])
        .exists()
    ]


def link(concern):
    return reverse("concerns:detail", args=[concern.pk])


def tell(recipients, kind, title, body, concern):
    """One notice per recipient, in the caller's transaction. A sender who deleted their
    account (None) is told nothing."""
    for person in recipients:
        if person is not None:
            notify(person, kind, title, body=body, url=link(concern))


@transaction.atomic
def send_concern(mentorship, sender, *, route, category, details, wants_contact, source=None):
    """Write the concern and tell its designated people. Raises NoOneToReceive when the
    route has no one (the form offers only routes with someone)."""
    programme = programme_of(mentorship)
    recipients = designated_people(programme, route, mentorship)
    if not recipients:
        raise NoOneToReceive(f"No one is named to receive concerns for {programme}.")
    now = timezone.now()
    concern = Concern.objects.create(
        mentorship=mentorship,
        programme=programme,
        route=route,
        sender=sender,
        source=source or Concern.Source.MENTORSHIP,
        category=category,
        details=details,
        wants_contact=wants_contact,
        created_at=now,
        remind_at=working_days_after(now, REMIND_AFTER_WORKING_DAYS),
        escalate_at=working_days_after(now, ESCALATE_AFTER_WORKING_DAYS),
    )
    tell(
        recipients,
        "concern.new",
        f"A confidential concern from the {programme} programme",
        NOT_BY_EMAIL,
        concern,
    )
    return concern


def staff_people():
    return list(User.objects.filter(is_staff=True, is_active=True).order_by("pk"))
