"""The optional error tracker (sentry-sdk, on with SENTRY_DSN) reports a failing page with
its exception and view, and without the words that were posted, the person's address, the
query string or cookies: the event is read as it would leave, through a test transport."""

import pytest
import sentry_sdk
from django.test import Client
from sentry_sdk.transport import Transport

from mentoring.operations import sentry
from tests.factories import make_user
from tests.operations.conftest import CANARY_EMAIL, CANARY_TEXT

pytestmark = pytest.mark.django_db


class Captured(Transport):
    """Keeps each envelope as the SDK would have sent it."""

    def __init__(self, options=None):
        super().__init__(options)
        self.sent = []

    def capture_envelope(self, envelope):
        self.sent.append(envelope.serialize().decode())


@pytest.fixture
def transport():
    captured = Captured()
    sentry.start("https://public@errors.example.invalid/1", transport=captured)
    yield captured
    sentry_sdk.init()  # no DSN: reports nowhere


def test_an_error_report_carries_no_personal_data(transport, settings):
    settings.ROOT_URLCONF = "tests.operations.failing_urls"
    client = Client(raise_request_exception=False)
    client.force_login(make_user(email=CANARY_EMAIL))

    response = client.post(
        f"/failing/?to={CANARY_EMAIL}",
        {"text": CANARY_TEXT},
        headers={"X-Request-ID": "r-12345678"},
    )
    sentry_sdk.flush()

    assert response.status_code == 500
    [event] = transport.sent
    assert "RuntimeError" in event and "No mailbox for [address]" in event
    assert "fail_while_sending" in event and "r-12345678" in event
    assert "canary" not in event
    assert "sessionid" not in event and "csrftoken" not in event


def test_addresses_are_blanked_wherever_they_are():
    event = {
        "message": f"Bounce from <{CANARY_EMAIL}>",
        "extra": {"rows": [CANARY_EMAIL, 3]},
        "request": {"url": f"https://site/x/?e={CANARY_EMAIL}", "headers": {"Cookie": "a"}},
        "user": {"email": CANARY_EMAIL},
    }
    scrubbed = sentry.scrub(event)
    assert "canary" not in str(scrubbed)
    assert scrubbed["message"] == "Bounce from <[address]>"
    assert scrubbed["request"] == {"url": "https://site/x/", "headers": {}}
