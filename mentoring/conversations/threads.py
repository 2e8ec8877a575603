"""A conversation as one of its two people sees it: a mentorship's thread, or a request's.

A mentor may ask a question before accepting, and the student answer, on the request; once
accepted, the mentorship's thread shows those messages first (models.thread_q). A closed
mentorship, or a request no longer waiting, keeps its messages readable and takes no more.
"""

from dataclasses import dataclass
from functools import cached_property

from django.urls import reverse

from mentoring.conversations.models import Message, thread_q
from mentoring.mentorships.models import Mentorship, MentorshipRequest


@dataclass
class Thread:
    subject: Mentorship | MentorshipRequest
    viewer: object  # the User looking, one of the two

    @property
    def is_mentorship(self):
        return isinstance(self.subject, Mentorship)

    @property
    def partner(self):
        subject = self.subject
        return subject.mentee if self.viewer.pk == subject.mentor_id else subject.mentor

    @property
    def url(self):
        name = "conversations:thread" if self.is_mentorship else "conversations:request-thread"
        return reverse(name, args=[self.subject.pk])

    @property
    def back_url(self):
        name = "mentorships:detail" if self.is_mentorship else "mentorships:request"
        return reverse(name, args=[self.subject.pk])

    @property
    def about(self):
        """What the thread is about, in words for a notification's title."""
        if self.is_mentorship:
            return ""
        return f"the {self.subject.get_kind_display().lower()}"

    @cached_property
    def condition(self):
        return thread_q(self.subject)  # read once for the page: a mentorship's costs a query

    def messages(self):
        return Message.objects.in_thread(self.condition)

    def refusal(self):
        """Why no message can be sent here now, in words for the page, or ""."""
        subject = self.subject
        if self.is_mentorship:
            if subject.status == Mentorship.Status.CLOSED:
                return (
                    "This mentorship is closed, so no new messages can be sent. "
                    "You can still read what you both wrote."
                )
            return ""
        if subject.is_pending:
            return ""
        status = subject.get_status_display().lower()
        if subject.mentorship_id:
            return (
                f"This {subject.get_kind_display().lower()} was {status}: "
                "the conversation continues in the mentorship's messages."
            )
        return (
            f"This {subject.get_kind_display().lower()} is no longer waiting for an answer "
            f"({status}), so no new messages can be sent here. You can still read them."
        )

    @property
    def continues_at(self):
        """The mentorship thread a request's conversation moved to, if it became one."""
        if self.is_mentorship or not self.subject.mentorship_id:
            return ""
        return reverse("conversations:thread", args=[self.subject.mentorship_id])

    def lock(self):
        """Re-read the status under a row lock, so that a message cannot slip into a
        mentorship that is being closed (or a request being answered) at the same moment."""
        subject = self.subject
        status = (
            type(subject)
            .objects.select_for_update()
            .filter(pk=subject.pk)
            .values_list("status", flat=True)
            .first()
        )
        subject.status = status

    def new_message(self, text, **fields):
        return Message(
            mentorship=self.subject if self.is_mentorship else None,
            request=None if self.is_mentorship else self.subject,
            sender=self.viewer,
            recipient=self.partner,
            text=text,
            **fields,
        )


def thread_of_message(message, viewer):
    """The thread a message was written in, for one of its two people."""
    subject = message.mentorship if message.mentorship_id else message.request
    return Thread(subject, viewer)
