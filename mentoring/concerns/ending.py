"""The no-fault ending: either side ends the mentorship with a fixed, kind message to the
partner; the reason, if the person chooses to give one, goes only to the designated people
of the programme, as a concern (Source.ENDING) they can answer.

The close itself is mentorships' own (lifecycle.close): the slot is freed and the closing
survey follows as for any ending. This app sits above mentorships, so the extra step lives
here, in the same transaction.
"""

from django.db import transaction

from mentoring.concerns.models import Concern
from mentoring.concerns.sending import send_concern
from mentoring.mentorships import lifecycle
from mentoring.mentorships.models import Mentorship

# What the partner reads, in the notice and on the mentorship's page. The same words
# whoever ends it and whatever the reason: nobody is at fault.
NEUTRAL_MESSAGE = (
    "Thank you for the time you have given each other. This mentorship has come to a "
    "natural end: it is nobody's fault, and it takes nothing away from what you did "
    "together. The programme is there if you would like another mentoring relationship."
)


@transaction.atomic
def end_without_fault(mentorship, by, *, reason="", route=None, category=None, wants_contact=False):
    """Close the mentorship with NEUTRAL_MESSAGE; with a reason and a route, send the reason
    to the designated people. Returns the concern written, or None."""
    lifecycle.close(
        mentorship,
        by,
        Mentorship.CloseReason.NO_FAULT,
        reflection=NEUTRAL_MESSAGE,
        partner_message=NEUTRAL_MESSAGE,
    )
    if not reason:
        return None
    return send_concern(
        mentorship,
        by,
        route=route,
        category=category or Concern.Category.OTHER,
        details=reason,
        wants_contact=wants_contact,
        source=Concern.Source.ENDING,
    )
