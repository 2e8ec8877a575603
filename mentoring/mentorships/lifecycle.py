"""Starting and ending mentorships: the writes that must keep the mentor's load count true."""

import datetime

from django.db import transaction
from django.utils import timezone

from mentoring.mentorships.models import Mentorship
from mentoring.profiles.models import MentorProfile

FIRST_REASSESSMENT_AFTER = datetime.timedelta(days=30)


class MentorFull(Exception):
    """The mentor has no room left, or is not accepting."""


@transaction.atomic
def start_mentorship(mentor, mentee, *, started_on=None, focus_areas=(), **expectations):
    """Create an active mentorship, taking one of the mentor's slots.

    The slot is taken by a conditional UPDATE, so two accepts racing for the last
    slot cannot both succeed; the loser gets MentorFull and nothing is written.
    """
    if not MentorProfile.objects.take_slot(mentor.pk):
        raise MentorFull(f"{mentor} has no room for another mentee.")
    started_on = started_on or timezone.localdate()
    mentorship = Mentorship.objects.create(
        mentor=mentor,
        mentee=mentee,
        started_on=started_on,
        reassess_on=started_on + FIRST_REASSESSMENT_AFTER,
        **expectations,
    )
    mentorship.focus_areas.set(focus_areas)
    return mentorship
