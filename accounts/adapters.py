from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.conf import settings
from django.urls import reverse

from mentoring.lib.mail import message_id


@dataclass(frozen=True)
class NamedSite:
    """What allauth's e-mail templates read as current_site: without django.contrib.sites
    allauth names the site by its host ("Hello from localhost:8000!"); people know it by
    SITE_NAME."""

    name: str
    domain: str


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

    def get_login_redirect_url(self, request):
        # The first sign-in by any route (a sign-up, an account the admin made, single
        # sign-on) leads to the set-up, until the person finishes or skips it. A `next`
        # address the person was going to still wins: allauth asks this only without one.
        if request.user.setup_done_at is None:
            return reverse("profiles:setup")
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return self.get_login_redirect_url(request)

    def render_mail(self, template_prefix, email, context, headers=None):
        # Sign-in mail (verification, password reset) carries the site's domain in its
        # Message-ID like the notifications do, and greets people in the site's name.
        site = context.get("current_site")
        context = {
            **context,
            "current_site": NamedSite(settings.SITE_NAME, getattr(site, "domain", "")),
        }
        return super().render_mail(
            template_prefix, email, context, headers={"Message-ID": message_id(), **(headers or {})}
        )
