"""Rotations waiting for sign-up: an imported line whose address had no account yet becomes
the student's rotation when someone confirms that address here.

Only a confirmed address: with an unconfirmed one, anyone could sign up as a student and
read that student's schedule (and bring themselves into a coordinator's scope). The
clerkships app connects address_saved to allauth's EmailAddress (apps.py): a signal,
because addresses are confirmed inside allauth's views, which this app does not own; the
work itself is link_rotations, a plain function.
"""

from collections import Counter, defaultdict

from django.db import transaction

from mentoring.audit.models import RotationsAdded
from mentoring.clerkships.importer import Schedule, notices
from mentoring.clerkships.models import Rotation, WaitingRotation
from mentoring.notifications.services import notify_many


def address_saved(instance, **kwargs):
    """allauth saved an e-mail address: once it is confirmed, its rotations are its user's."""
    if instance.verified:
        link_rotations(instance.user, instance.email)


@transaction.atomic
def link_rotations(user, email):
    """Turn the rotations waiting for this address into the user's, each announced and on
    the audit trail as an import is, and return how many. A waiting rotation that clashes
    with one the student has already (added in the admin meanwhile) is dropped."""
    # Locked, so that the two saves of one confirmation, or two workers, link each once.
    waiting = list(
        WaitingRotation.objects.select_for_update(of=("self",))
        .filter(email=email.lower())
        .select_related("clerkship", "added_by")
        .order_by("clerkship_id", "starts_on", "pk")
    )
    if not waiting:
        return 0
    clerkship_ids = {row.clerkship_id for row in waiting}
    schedules = defaultdict(lambda: Schedule([]))
    for clerkship_id, starts_on, ends_on in Rotation.objects.filter(
        student=user, clerkship_id__in=clerkship_ids
    ).values_list("clerkship_id", "starts_on", "ends_on"):
        schedules[clerkship_id].taken[user.pk].append((starts_on, ends_on, None))
    placed = [
        row
        for row in waiting
        if schedules[row.clerkship_id].add(user.pk, row.starts_on, row.ends_on, row.pk) is None
    ]
    Rotation.objects.bulk_create(
        Rotation(
            student=user, clerkship=row.clerkship, starts_on=row.starts_on, ends_on=row.ends_on
        )
        for row in placed
    )
    # Named after whoever imported it; their address if their account is gone since.
    notify_many(
        [
            notice
            for row in placed
            for notice in notices(
                row.clerkship,
                [(None, user.pk, row.starts_on, row.ends_on)],
                row.added_by or row.added_by_email,
            )
        ]
    )
    counts = Counter((row.added_by_id, row.added_by_email, row.clerkship.name) for row in placed)
    RotationsAdded.objects.bulk_create(
        RotationsAdded(
            user_id=added_by_id,
            email=added_by_email,
            student=user,
            clerkship=clerkship_name,
            rotations=count,
        )
        for (added_by_id, added_by_email, clerkship_name), count in counts.items()
    )
    WaitingRotation.objects.filter(pk__in=[row.pk for row in waiting]).delete()
    return len(placed)
