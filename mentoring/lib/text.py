"""Checks on short, single-line text that people type.

A name or a short line can end up in an e-mail subject (a notification's title is
"{name} asked you to be their mentor"). A line break there makes Django refuse the whole
message with BadHeaderError, and since the subject is stored, every retry fails the same
way. So single-line fields refuse control characters when they are written; multi-line
text (bios, notes) keeps its line breaks, since it never reaches a header.
"""

import re

from django.core.exceptions import ValidationError

# C0 and C1 controls (line feed, carriage return, tab, NUL, escape, NEL...), DEL, and the
# Unicode line and paragraph separators, which mail software also takes for line breaks.
# Escapes, not the characters: the same pattern serves as a __regex lookup, and both
# Python and PostgreSQL read them.
CONTROL_CHARACTERS_PATTERN = r"[\x00-\x1f\x7f-\x9f\u2028\u2029]"
CONTROL_CHARACTERS = re.compile(CONTROL_CHARACTERS_PATTERN)

CONTROL_CHARACTERS_MESSAGE = "Remove line breaks and other control characters from this field."


def reject_control_characters(value):
    """Validator for single-line model and form fields."""
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")


def without_control_characters(value, replacement=" "):
    """The value with each run of control characters (and the spaces around it) replaced,
    then stripped: "Maya\\r\\n Patel" becomes "Maya Patel". For cleaning rows written before
    the validator existed."""
    return re.sub(rf"\s*{CONTROL_CHARACTERS_PATTERN}+\s*", replacement, value).strip()


# A form field refuses NUL before the model's validators run, in words of its own; forms
# pass this as error_messages so that every control character gets the one message.
SINGLE_LINE_ERRORS = {"null_characters_not_allowed": CONTROL_CHARACTERS_MESSAGE}
