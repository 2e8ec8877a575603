"""A real browser against the app served by pytest-django's live_server.

Debian's Chromium, not a browser Playwright downloads: CI installs the distribution's
package. Without it these tests skip, or fail under REQUIRE_SERVICES=1 like the other
services. The live server runs in a thread of this process, so tests use transactional
database access (pytest-django asks for it with live_server) and read mail.outbox directly.
"""

import os
import shutil
from importlib import import_module

import pytest
from django.apps import apps
from playwright.sync_api import sync_playwright

from tests.browser.helpers import PHONE, SCREEN
from tests.conftest import service_missing

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_runtest_setup(item):
    if item.get_closest_marker("browser") and shutil.which("chromium") is None:
        service_missing("Chromium: apt-get install chromium")


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API keeps its event loop marked as running between calls, and Django
    # refuses ORM calls from a thread with a running loop. The test's own ORM calls are
    # plain synchronous ones, so allow them, only while the browser is up.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=shutil.which("chromium"), headless=True, args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _migrated_rows(transactional_db):
    """The areas and the default programme with its stages come from data migrations, and
    each transactional test ends by flushing every table. Django's serialized rollback cannot
    put them back here: it keeps the rows on the connection object, and with Playwright's
    loop running the ORM hands this thread another one. So the migrations' own functions
    add them again."""
    import_module("mentoring.profiles.migrations.0002_areas").add_areas(apps, None)
    import_module("mentoring.programmes.migrations.0002_default_programme").default_programme(apps)


@pytest.fixture
def new_page(browser, live_server):
    """new_page(phone=False, dark=False): a page in a fresh browser context (its own
    cookies), at a phone's size and with the system asking for a dark theme if told."""
    contexts = []

    def make(phone=False, dark=False):
        context = browser.new_context(
            base_url=live_server.url,
            viewport=PHONE if phone else SCREEN,
            is_mobile=phone,
            has_touch=phone,
            color_scheme="dark" if dark else "light",
        )
        # Fail in seconds, not Playwright's default 30: the server is local.
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
