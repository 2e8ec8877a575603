"""Messages written the way the send path writes them, for the response-commitment tests:
a new message answers every earlier unanswered message from the partner in its thread."""

from mentoring.conversations.models import Message


def send(thread, sender, at, text="A message"):
    """A message from `sender` to the other side of `thread` (a mentorship), written at `at`."""
    recipient = thread.partner_of(sender)
    Message.objects.filter(
        mentorship=thread, sender=recipient, recipient=sender, answered_at=None
    ).update(answered_at=at)
    return Message.objects.create(
        mentorship=thread, sender=sender, recipient=recipient, text=text, created_at=at
    )


def send_on_request(request_obj, sender, at, text="A message"):
    recipient = request_obj.mentor if sender == request_obj.mentee else request_obj.mentee
    Message.objects.filter(
        request=request_obj, mentorship=None, sender=recipient, answered_at=None
    ).update(answered_at=at)
    return Message.objects.create(
        request=request_obj, sender=sender, recipient=recipient, text=text, created_at=at
    )
