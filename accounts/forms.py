from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings

from accounts import idp_sign_in
from accounts.models import User
from mentoring.lib.text import SINGLE_LINE_ERRORS


class AccountSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "time_zone"]
        error_messages = {"display_name": SINGLE_LINE_ERRORS}


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def clean_email(self):
        email = super().clean_email()
        if settings.SSO_ONLY and not idp_sign_in.is_break_glass(email):
            raise forms.ValidationError(idp_sign_in.sso_only_message())
        return email
