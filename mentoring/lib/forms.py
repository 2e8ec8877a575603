"""Form helpers for ids typed into URLs and POSTs, and the confirmation of a previewed import."""

import re

from django import forms
from django.core.exceptions import ValidationError

# The largest id a 64-bit integer column holds; SQLite raises OverflowError beyond it.
MAX_ID = 2**63 - 1


def as_id(value):
    """`value` as a positive id an integer column can hold, or None."""
    text = str(value)
    if re.fullmatch(r"[0-9]{1,19}", text) and 0 < int(text) <= MAX_ID:
        return int(text)
    return None


def out_of_range(value):
    return bool(re.fullmatch(r"-?[0-9]+", str(value))) and abs(int(value)) > MAX_ID


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Model choices by id, an id no column can hold being an invalid value, not a 500."""

    def clean(self, value):
        if isinstance(value, list | tuple):
            for pk in value:
                if out_of_range(pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": str(pk)[:40]},
                    )
        return super().clean(value)


class ConfirmPreviewForm(forms.Form):
    """Which preview of an import (rotations, the roster) is confirmed, and whether to skip
    its bad rows. The rows themselves come from the session, never from the form."""

    preview = forms.CharField(max_length=64)
    skip_bad = forms.BooleanField(required=False)
