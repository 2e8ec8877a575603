"""A real OpenID provider for the single sign-on tests: django-oauth-toolkit in a project of
its own, started by tests/sso/conftest.py as a subprocess on a free loopback port.

Its people and their claims are in people.json in IDP_DIR, read at each request, so that a
test can give someone an affiliation or a second factor before they sign in.
"""

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

IDP_DIR = Path(os.environ["IDP_DIR"])
PORT = os.environ["IDP_PORT"]

SECRET_KEY = "oidc-test-provider-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oauth2_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.sso.oidc_idp.urls"
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(IDP_DIR / "idp.sqlite3")}
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_TZ = True
LOGIN_URL = "/login/"
# The provider's session cookie must not be the site's, which runs on the same host.
SESSION_COOKIE_NAME = "idp_sessionid"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]

_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": _key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode(),
    "OIDC_ISS_ENDPOINT": f"http://127.0.0.1:{PORT}/o",
    "SCOPES": {"openid": "OpenID Connect", "profile": "Profile", "email": "E-mail"},
    "OAUTH2_VALIDATOR_CLASS": "tests.sso.oidc_idp.views.Validator",
    "PKCE_REQUIRED": False,
}
