"""What every e-mail the site sends shares, whoever builds it (notifications, allauth)."""

from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings


def site_domain():
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def message_id():
    """A Message-ID in the site's own domain. Django's default names the host the worker
    runs on, often "localhost", which receiving servers count against the message."""
    return make_msgid(domain=site_domain())
