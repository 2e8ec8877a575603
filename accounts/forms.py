from django import forms

from accounts.models import User
from mentoring.lib.text import SINGLE_LINE_ERRORS


class AccountSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "time_zone"]
        error_messages = {"display_name": SINGLE_LINE_ERRORS}
