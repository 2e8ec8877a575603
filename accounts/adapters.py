from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import user_email
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse

from accounts import idp_sign_in
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
        if not email_domain_allowed(email):
            raise forms.ValidationError(
                "Sign-up is open to school addresses only: "
                + ", ".join(f"@{d}" for d in settings.SIGNUP_EMAIL_DOMAINS)
                + "."
            )
        return email

    def is_open_for_signup(self, request):
        # With SSO_ONLY people sign up by signing in through the school (SocialAccountAdapter).
        return not settings.SSO_ONLY

    def pre_authenticate(self, request, **credentials):
        # Refused before the password is checked, so that the answer says nothing about it.
        super().pre_authenticate(request, **credentials)
        if settings.SSO_ONLY and not idp_sign_in.is_break_glass(credentials.get("email")):
            raise forms.ValidationError(idp_sign_in.sso_only_message())

    def get_login_redirect_url(self, request):
        # The first sign-in by any route (a sign-up, an account the admin made, single
        # sign-on) leads to the set-up, until the person finishes or skips it. A `next`
        # address the person was going to still wins: allauth asks this only without one.
        if request.user.setup_done_at is None:
            return reverse("profiles:setup")
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request):
        return self.get_login_redirect_url(request)

    def post_login(self, request, user, **kwargs):
        sociallogin = (kwargs.get("signal_kwargs") or {}).get("sociallogin")
        if sociallogin is not None:
            idp_sign_in.signed_in(request, user, sociallogin, is_new_account=kwargs["signup"])
        return super().post_login(request, user, **kwargs)

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


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Sign-in through the school's identity provider (allauth.socialaccount)."""

    def is_open_for_signup(self, request, sociallogin):
        # Reached only for an address no account here has (verified), so refusing creates
        # nothing; the page says why instead of allauth's generic "sign-up is closed".
        # An address outside SIGNUP_EMAIL_DOMAINS never gets this far: clean_email drops it.
        email = user_email(sociallogin.user) or ""
        if not email:
            reason = "domain" if settings.SIGNUP_EMAIL_DOMAINS else "no_email"
        elif not settings.SSO_SIGNUP:
            reason = "no_account"
        else:
            return True
        raise ImmediateHttpResponse(
            render(
                request,
                "socialaccount/signup_refused.html",
                {
                    "reason": reason,
                    "email": email,
                    "provider_name": sociallogin.provider.name,
                    "domains": settings.SIGNUP_EMAIL_DOMAINS,
                },
                status=403,
            )
        )

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        name = data.get("name") or " ".join(
            part for part in (data.get("first_name"), data.get("last_name")) if part
        )
        # One line: the name goes into e-mail subjects (User.display_name refuses breaks).
        user.display_name = " ".join((name or user.email.partition("@")[0]).split())[:120]
        return user


def email_domain_allowed(email):
    domains = settings.SIGNUP_EMAIL_DOMAINS
    return not domains or email.lower().rpartition("@")[2] in domains
