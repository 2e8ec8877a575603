"""What account deletion (records/account_deletion.py) does to a person's messages.

Their own words go: every message they sent, its document (the file after commit, see
stored_files.py) and the notifications that quoted it. The partner's words stay with the
partner: messages written to the departing person remain in the mentorship's thread,
addressed to the placeholder. Those the partner wrote on a request that became the
mentorship move onto the mentorship itself, since the request goes with the account;
those on a request that never became one go with it.
"""

from django.db.models import OuterRef, Subquery

from mentoring.conversations.models import Message
from mentoring.conversations.sending import notification_key
from mentoring.mentorships.models import MentorshipRequest
from mentoring.notifications.services import withdraw


def forget_person(user, placeholder):
    sent = Message.objects.filter(sender=user)
    withdraw(notification_key(pk) for pk in sent.values_list("pk", flat=True))
    sent.delete()

    received = Message.objects.filter(recipient=user)
    led_to = MentorshipRequest.objects.filter(pk=OuterRef("request_id")).values("mentorship_id")
    received.filter(request__mentorship__isnull=False).update(
        mentorship=Subquery(led_to[:1]), request=None
    )
    received.update(recipient=placeholder)
