"""A coordinator turns on two-factor sign-in in the browser and signs in with it, when the
school requires it for dashboards: the set-up page's QR code must show under the site's
Content Security Policy, and the pages must have no serious accessibility violation."""

import pytest
from allauth.mfa.models import Authenticator
from django.test import override_settings
from playwright.sync_api import expect

from tests.browser.helpers import PASSWORD, Screenshots, axe_violations, describe, make_person
from tests.factories import make_clerkship, make_mentee, make_rotation
from tests.security.test_sign_in_protection import current_code

pytestmark = pytest.mark.browser


@override_settings(MFA_REQUIRED_FOR_OVERSIGHT=True)
def test_a_coordinator_sets_up_two_factor_sign_in_and_signs_in_with_it(new_page):
    coordinator = make_person("coordinator@med.example.edu", "Casey Coordinator")
    clerkship = make_clerkship("Internal Medicine", coordinators=[coordinator])
    make_rotation(make_mentee(make_person("sam@med.example.edu", "Sam Okafor")), clerkship)
    shots = Screenshots("two-factor")
    page = new_page()
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)

    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(coordinator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/dashboards/clerkships/{clerkship.pk}/")
    expect(page.get_by_text("need two-factor sign-in")).to_be_visible()
    shots.take(page, "told-to-set-up")
    # allauth asks for the password again before adding an authenticator.
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Activate Authenticator App")).to_be_visible()
    qr = page.get_by_role("img")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth") > 0, "the QR code did not load"
    assert describe(axe_violations(page)) == ""
    shots.take(page, "activate")

    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(current_code(secret))
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_role("heading", name="Recovery Codes")).to_be_visible()
    assert Authenticator.objects.filter(user=coordinator, type="totp").exists()
    shots.take(page, "recovery-codes")

    page.get_by_role("button", name="Sign out").click()
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(coordinator.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Two-Factor Authentication")).to_be_visible()
    shots.take(page, "second-factor")
    page.get_by_label("Code").fill(current_code(secret))
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/dashboards/clerkships/{clerkship.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(clerkship.name)
    assert blocked == []
