"""Contact details a person chooses to show their mentoring partners, and how they are checked.

DESIGN.md, "Who sees what": a person's contact details are theirs, and their partner's
while the mentorship is active; no one else's, not even staff in the admin (the model is
not registered there). The mentorship page (mentorships/views.py) decides "while active".
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

from mentoring.lib.text import reject_control_characters

# A number as people write it, "+1 (617) 555-0100", "pager 4-1234" without the word, and
# an optional extension, "x204" or "ext. 204".
PHONE = re.compile(
    r"(?P<number>\+?[0-9(][0-9 ()./-]*)(?:\s*(?:x|ext\.?)\s*(?P<ext>[0-9]{1,6}))?", re.I
)
PHONE_MESSAGE = (
    "Enter a phone or pager number: digits, with spaces, +, -, brackets or dots if you like, "
    "and an extension as x204."
)
# ITU's longest number is 15 digits; a few more allow for an outside-line prefix.
PHONE_DIGITS = (3, 20)


def phone_parts(value):
    """(digits with a leading + if written, extension digits) or None if not a number."""
    match = PHONE.fullmatch(value.strip())
    if match is None:
        return None
    number = match["number"]
    digits = re.sub(r"[^0-9]", "", number)
    if not PHONE_DIGITS[0] <= len(digits) <= PHONE_DIGITS[1]:
        return None
    return ("+" if number.startswith("+") else "") + digits, match["ext"] or ""


def validate_phone(value):
    if phone_parts(value) is None:
        raise ValidationError(PHONE_MESSAGE, code="phone")


validate_https = URLValidator(
    schemes=["https"],
    message="Enter the meeting link as it starts, with https:// (for example "
    "https://zoom.us/j/123456789).",
)


class ContactDetailsQuerySet(models.QuerySet):
    def of(self, user_id):
        """This person's details, or None: one query, for the mentorship page."""
        return self.filter(user_id=user_id).first()


class ContactDetails(models.Model):
    """Ways to reach a person, each optional, shown only to their partners in active
    mentorships (DESIGN.md)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_details"
    )
    email = models.EmailField(
        "preferred e-mail", blank=True, validators=[reject_control_characters]
    )
    phone = models.CharField(
        "phone or pager", max_length=40, blank=True, validators=[validate_phone]
    )
    video_url = models.URLField(
        "video-meeting link",
        max_length=300,
        blank=True,
        validators=[validate_https, reject_control_characters],
    )
    best_hours = models.CharField(
        "best hours to reach me", max_length=120, blank=True, validators=[reject_control_characters]
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContactDetailsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "contact details"

    def __str__(self):
        return f"Contact details of {self.user}"

    @property
    def is_empty(self):
        return not (self.email or self.phone or self.video_url or self.best_hours)

    @property
    def tel_uri(self):
        """The phone as a tel: link (RFC 3966), "tel:+16175550100;ext=204"."""
        parts = phone_parts(self.phone) if self.phone else None
        if parts is None:
            return ""
        number, extension = parts
        return f"tel:{number}" + (f";ext={extension}" if extension else "")
