"""What the browser tests do over and over: sign in, read tables, take screenshots, run axe."""

import re
import shutil
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from tests.factories import make_user

PASSWORD = "a-long-test-password"  # tests/factories.py gives every user this one
SCREEN = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}  # an iPhone 12 to 15, in CSS pixels
SCREENSHOTS = Path(settings.VAR_DIR) / "screenshots"
# Served by the app itself, so the page's script-src 'self' allows it: the pages are
# checked under the same Content-Security-Policy they ship with.
AXE_URL = "/static/vendor/axe-core/axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")


def make_person(email, name, **fields):
    """A user who can sign in through the form: verification is mandatory, so already done."""
    user = make_user(email=email, display_name=name, password=PASSWORD, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def sign_in(page, email, password=PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    # Attached, not visible: on a phone it waits behind the Menu button.
    expect(page.get_by_role("button", name="Sign out", include_hidden=True)).to_be_attached()


def sign_in_as(page, user, base_url):
    """Sign in without the form, for tests about something else: a session cookie from
    Django's test client, set on the page's browser context."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": base_url, "httpOnly": True}]
    )


def open_menu(page, link):
    """Follow a link of the site's main navigation (pages often repeat its links), opening
    the menu first where it folds behind a button (a phone)."""
    button = page.get_by_role("button", name="Menu")
    if button.is_visible():
        button.click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name=link).click()


def verification_link(address):
    """The link in the newest verification e-mail allauth sent to this address."""
    for message in reversed(mail.outbox):
        if address in message.to and "confirm-email" in message.body:
            return re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    raise AssertionError(f"No verification e-mail to {address} in {len(mail.outbox)} sent.")


class Screenshots:
    """Full-page screenshots of one test under var/screenshots/<folder>/, numbered by step."""

    def __init__(self, folder):
        self.folder = SCREENSHOTS / folder
        # A rerun replaces the last run's pictures, so no stale step lingers among them.
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        self.count = 0

    def take(self, page, step):
        self.count += 1
        path = self.folder / f"{self.count:02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path


def table_row(page, table_id, first_cell):
    """The cells of a dashboard table's row, by its heading cell: ["All stages", "1", ...]."""
    row = page.locator(f"#table-{table_id} tbody tr").filter(
        has=page.get_by_role("rowheader", name=first_cell, exact=True)
    )
    return [cell.strip() for cell in row.locator("th, td").all_inner_texts()]


def axe_violations(page):
    """axe-core's violations of impact serious or critical on the page as it is now."""
    page.add_script_tag(url=AXE_URL)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"  at {', '.join(map(str, node['target']))}: {node['html'][:160]}")
    return "\n".join(lines)
