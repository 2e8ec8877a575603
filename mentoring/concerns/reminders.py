"""Reminding the designated people of an unacknowledged concern after two working days, and
telling staff after five that one waits, without anything it says.

Both moments are written on the concern when it is sent (sending.py), so a sweep reads the
due ones through a partial index. A reminder is claimed by a conditional update and each
notice carries a dedupe key (concern, step, recipient) under the notifications' unique
constraint: a doubled beat tick, a retry or two workers send nothing twice.
"""

from django.db import transaction
from django.urls import reverse

from mentoring.concerns.models import Concern
from mentoring.concerns.sending import designated_ids, link, pair_ids, staff_people
from mentoring.lib.batches import id_batches
from mentoring.notifications.services import notify_many


def _claim(ids, field, now):
    """The ids of these concerns still unacknowledged and not yet done for `field`, marked
    done in the same statement's transaction; a second worker finds none of them."""
    rows = Concern.objects.unacknowledged().filter(pk__in=ids, **{field: None})
    claimed = list(rows.select_for_update(skip_locked=True).values_list("pk", flat=True))
    Concern.objects.filter(pk__in=claimed).update(**{field: now})
    return claimed


def send_reminders(now, batch_size=200):
    """Remind each designated person once of a concern waiting two working days. Returns
    how many notices were new."""
    due = Concern.objects.unacknowledged().filter(remind_at__lte=now, reminded_at=None)
    sent = 0
    for ids in id_batches(due, batch_size):
        with transaction.atomic():
            claimed = _claim(ids, "reminded_at", now)
            concerns = list(Concern.objects.filter(pk__in=claimed).select_related("mentorship"))
            people = designated_ids({concern.programme_id for concern in concerns})
            notices = [
                {
                    "recipient_id": person_id,
                    "kind": "concern.reminder",
                    "title": "A confidential concern has waited two working days",
                    "body": "Please acknowledge it: the person who sent it is waiting to hear "
                    "that someone has read it.",
                    "url": link(concern),
                    "dedupe_key": f"concern:{concern.pk}:reminder:{person_id}",
                }
                for concern in concerns
                for person_id in people.get((concern.programme_id, concern.route), [])
                if person_id not in pair_ids(concern)
            ]
            sent += notify_many(notices)
    return sent


def send_escalations(now, batch_size=200):
    """Tell staff once of each concern still unacknowledged after five working days: its
    programme and age only, never its category, words or people. Returns how many notices
    were new."""
    due = Concern.objects.unacknowledged().filter(escalate_at__lte=now, escalated_at=None)
    staff = staff_people()
    sent = 0
    for ids in id_batches(due, batch_size):
        with transaction.atomic():
            claimed = _claim(ids, "escalated_at", now)
            concerns = Concern.objects.filter(pk__in=claimed).select_related("programme")
            notices = [
                {
                    "recipient_id": person.pk,
                    "kind": "concern.escalated",
                    "title": f"A concern in the {concern.programme} programme is unacknowledged "
                    "after five working days",
                    "body": "What it says stays with the people designated for it. Check that "
                    "the programme's coordinators or ombudsperson can answer, or name another "
                    "in the admin.",
                    "url": reverse(
                        "admin:programmes_programme_change", args=[concern.programme_id]
                    ),
                    "dedupe_key": f"concern:{concern.pk}:escalation:{person.pk}",
                }
                for concern in concerns
                for person in staff
            ]
            sent += notify_many(notices)
    return sent
