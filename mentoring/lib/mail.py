"""What every e-mail the site sends shares, whoever builds it (notifications, allauth)."""

import re
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]+")


def site_domain():
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def message_id():
    """A Message-ID in the site's own domain. Django's default names the host the worker
    runs on, often "localhost", which receiving servers count against the message."""
    return make_msgid(domain=site_domain())


def one_line(text):
    """Text safe in a mail header: control characters (a line break typed into a name
    before names were validated) become one space. Django refuses a header holding a line
    break, and a row whose subject it refuses would fail on every attempt."""
    return CONTROL_CHARACTERS.sub(" ", text).strip()
