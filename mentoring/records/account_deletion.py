"""Deleting one's own account: what goes, what stays with the other person, and why.

What goes (the person's own content, by the database's CASCADE once the user row is
deleted): both profiles, goals and their updates, outcomes and their ties to mentorships
(with the mentors' confirmations), the private notes they wrote, the
feedback they wrote, their reassessment answers, their proposals to change an agreement,
every request or invitation they were part of (after the pending ones are withdrawn or
declined, so that the other side is told and the mentor's pending count stays right),
notifications and their settings, the calendar feed, clerkship roles and rotations,
e-mail addresses and sign-in records. The words and threads of the confidential concerns
they sent go (the concern stays, anonymised, as a count: concerns/departure.py). The
messages they sent go too, with their documents: the stored files are deleted once the
deletion has committed (conversations/departure.py).

What stays (it belongs to the partner as much as to the person, or to the school):
- The mentorship row. Mentorship.mentor and .mentee are CASCADE: deleting the user would
  delete the mentorship and with it every meeting, the partner's private notes on them
  and the feedback the partner wrote. So the departed side is pointed at one placeholder
  user, "Former member" (inactive, unusable password, no profile), before the delete.
- Meetings with their shared notes, agendas and action items: the pair's joint record,
  which the partner still reads; Meeting.created_by becomes NULL (SET_NULL).
- The partner's own private notes, feedback and reassessment answers: untouched.
- The partner's messages to the person, and their documents: they stay in the mentorship's
  thread, addressed to the placeholder.
- AccessLog rows where the person is the viewer: the audit trail of coordinators' looks
  at student data must outlive the account (the FK PROTECTs), so the viewer becomes the
  placeholder. Rows where the person was looked at keep the row with subject NULL.
- Mentorship.closed_by and MentorshipEvent.by: closed_by is pointed at the placeholder
  ("closed by Former member"); event authors become NULL (SET_NULL).

When the partner has already left too (the other side is the placeholder), nobody is
left to own the mentorship: it is deleted with everything under it.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction

from mentoring.concerns.departure import forget_sender
from mentoring.conversations.departure import forget_person
from mentoring.dashboards.models import AccessLog
from mentoring.mentorships import asking, lifecycle
from mentoring.mentorships.models import Mentorship, MentorshipRequest

PLACEHOLDER_EMAIL = "former-member@placeholder.invalid"  # .invalid can never receive mail
PLACEHOLDER_NAME = "Former member"
LEFT_MESSAGE = "This person has left the mentoring programme and deleted their account."


def placeholder_user():
    """The one stand-in for everyone who deleted their account; created on first use."""
    user, created = get_user_model().objects.get_or_create(
        email=PLACEHOLDER_EMAIL,
        defaults={"display_name": PLACEHOLDER_NAME, "is_active": False},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@transaction.atomic
def delete_account(user):
    """Delete this person and their own content; hand shared rows to the placeholder."""
    User = get_user_model()
    user = User.objects.select_for_update().get(pk=user.pk)  # two clicks delete once
    placeholder = placeholder_user()

    # 1. Close open mentorships the ordinary way: the partner is told, the slot is freed.
    for mentorship in Mentorship.objects.involving(user).open():
        lifecycle.close(mentorship, by=user, reason=Mentorship.CloseReason.OTHER)

    # 2. Pending requests: withdraw those sent, decline those waiting for this person.
    for request_obj in MentorshipRequest.objects.visible_to(user).pending():
        if request_obj.created_by_id == user.pk:
            asking.withdraw(request_obj, user)
        else:
            asking.decline(request_obj, user, LEFT_MESSAGE)

    # 3. Their messages go; the partner's stay, addressed to the placeholder. The concerns
    # they sent lose their words, thread and sender (concerns/departure.py).
    forget_person(user, placeholder)
    forget_sender(user)

    # 4. Shared rows: keep them for the partner, with the departed side anonymised.
    involving = Mentorship.objects.involving(user)
    involving.filter(mentor=placeholder).delete()  # both sides gone: nobody owns it
    involving.filter(mentee=placeholder).delete()
    Mentorship.objects.filter(mentor=user).update(mentor=placeholder)
    Mentorship.objects.filter(mentee=user).update(mentee=placeholder)
    Mentorship.objects.filter(closed_by=user).update(closed_by=placeholder)
    AccessLog.objects.filter(viewer=user).update(viewer=placeholder)

    # 5. Everything else that points at the person is theirs: CASCADE (see above).
    user.delete()


class ConfirmDeletionForm(forms.Form):
    """Typing one's own e-mail address: a deliberate act, not a stray click."""

    email = forms.EmailField(
        label="Your e-mail address",
        help_text="Type the address you sign in with to confirm.",
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email != self.user.email.lower():
            raise forms.ValidationError(
                "That is not the address you sign in with. Nothing was deleted."
            )
        return email
