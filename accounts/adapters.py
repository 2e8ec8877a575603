from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email):
        email = super().clean_email(email).lower()
        domains = settings.SIGNUP_EMAIL_DOMAINS
        if domains and email.rpartition("@")[2] not in domains:
            raise forms.ValidationError(
                "Sign-up is open to school addresses only: "
                + ", ".join(f"@{d}" for d in domains)
                + "."
            )
        return email
