"""Start the test OpenID provider: python -m tests.sso.serve_oidc (IDP_DIR, IDP_PORT set).

Creates its tables and the site's client (client id "mentoring", secret "s3cret"), then
serves until killed."""

import os

import django
from django.core.management import call_command

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.sso.oidc_idp.settings"
django.setup()

from oauth2_provider.models import Application  # noqa: E402

call_command("migrate", verbosity=0)
Application.objects.get_or_create(
    client_id="mentoring",
    defaults={
        "client_secret": "s3cret",
        "client_type": Application.CLIENT_CONFIDENTIAL,
        "authorization_grant_type": Application.GRANT_AUTHORIZATION_CODE,
        "redirect_uris": "http://testserver/accounts/oidc/institution/login/callback/",
        "algorithm": Application.RS256_ALGORITHM,
        "skip_authorization": True,
        "name": "Mentoring",
    },
)
call_command("runserver", f"127.0.0.1:{os.environ['IDP_PORT']}", use_reloader=False, verbosity=0)
