"""The optional error tracker: sentry-sdk, started by settings only when SENTRY_DSN is set.

What it may send is held down three ways: no personal data by the SDK's own rule
(send_default_pii=False: no user e-mail, no cookies, no IP address), no request bodies and
no local variables (where a message's words would sit), and before_send, which drops the
query string and every header but a few, and blanks anything shaped like an e-mail address
in what is left (an exception's text can quote a value, e.g. a unique constraint's).
Imported by settings, so nothing here touches the app registry.
"""

import re

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration

EMAIL = re.compile(r"[^\s@<>\"'(),;:]+@[^\s@<>\"'(),;:]+\.[A-Za-z]{2,}")
KEPT_HEADERS = {"Host", "User-Agent", "X-Request-Id", "X-Request-ID", "Content-Type"}


def start(dsn, environment="", release="", traces_sample_rate=0.0, **options):
    """`options` for tests (a transport of their own)."""
    sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        release=release or None,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
        before_send=scrub,
        before_breadcrumb=scrub_breadcrumb,
        **options,
    )


def scrub(event, hint=None):
    request = event.get("request")
    if request:
        request.pop("data", None)
        request.pop("cookies", None)
        request.pop("query_string", None)
        request["headers"] = {
            name: value
            for name, value in request.get("headers", {}).items()
            if name in KEPT_HEADERS
        }
        if "url" in request:
            request["url"] = request["url"].split("?", 1)[0]
    event.pop("user", None)
    # The request id of the log lines (request_log.py), to find the failing request's line.
    from mentoring.operations.request_log import current_request_id

    if request_id := current_request_id.get():
        event.setdefault("tags", {})["request_id"] = request_id
    return blank_addresses(event)


def scrub_breadcrumb(crumb, hint=None):
    # SQL breadcrumbs carry their parameters (a message's words among them), logs their text.
    crumb.pop("data", None)
    if crumb.get("category") in ("query", "redis"):
        crumb.pop("message", None)
    return blank_addresses(crumb)


def blank_addresses(value):
    if isinstance(value, str):
        return EMAIL.sub("[address]", value)
    if isinstance(value, dict):
        return {key: blank_addresses(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [blank_addresses(item) for item in value]
    return value
