"""The whole redirect dance in Chromium (Debian's, as tests/browser): the site, the real
provider's sign-in page, and back, for OpenID Connect and for SAML."""

import shutil

import pytest
import requests
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from accounts.models import User
from mentoring.profiles.models import MentorProfile

# tests/browser's fixtures: Debian's Chromium, a fresh context per page, the areas again.
from tests.browser.conftest import _migrated_rows, browser, new_page  # noqa: F401
from tests.browser.helpers import Screenshots
from tests.conftest import service_missing
from tests.factories import make_clerkship, make_mentee, make_rotation, make_user
from tests.sso.conftest import configure, saml_environment
from tests.sso.test_oidc import person as oidc_person
from tests.sso.test_saml import REFEDS_MFA
from tests.sso.test_saml import person as saml_person

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _chromium():
    if shutil.which("chromium") is None:
        service_missing("Chromium: apt-get install chromium")


def sign_in_at_the_university(page, username):
    expect(page.get_by_role("heading", name="University sign-in")).to_be_visible()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Sign in at the university").click()


def test_a_faculty_member_signs_in_through_the_openid_provider(new_page, oidc):  # noqa: F811
    oidc.set_people({"ada": oidc_person("ada@med.example.edu", ["faculty"])})
    shots = Screenshots("sso-oidc")
    page = new_page()
    page.goto("/accounts/login/")
    shots.take(page, "sign-in")
    page.get_by_role("link", name="Sign in with Example University").click()
    page.get_by_role("button", name="Continue").click()
    sign_in_at_the_university(page, "ada")
    page.wait_for_url("**/profile/setup/**")
    shots.take(page, "set-up")
    user = User.objects.get(email="ada@med.example.edu")
    assert MentorProfile.objects.filter(user=user).exists()


def test_a_coordinator_signs_in_through_saml_with_mfa_and_opens_the_dashboard(
    new_page,  # noqa: F811
    live_server,
    saml_provider,
    settings,
):
    settings.MFA_REQUIRED_FOR_OVERSIGHT = True
    configure(settings, saml_environment(saml_provider))
    metadata = requests.get(f"{live_server.url}/accounts/saml/institution/metadata/", timeout=10)
    (saml_provider.directory / "sp-live.xml").write_bytes(metadata.content)
    coordinator = make_user(email="casey@med.example.edu", display_name="Casey Coordinator")
    EmailAddress.objects.create(
        user=coordinator, email=coordinator.email, verified=True, primary=True
    )
    clerkship = make_clerkship("Internal Medicine", coordinators=[coordinator])
    make_rotation(make_mentee(make_user(email="sam@med.example.edu")), clerkship)
    saml_provider.set_people(
        {"casey": saml_person(coordinator.email, ["staff"], authn_context=REFEDS_MFA)}
    )
    shots = Screenshots("sso-saml")
    page = new_page()
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Sign in with Example University").click()
    page.get_by_role("button", name="Continue").click()
    sign_in_at_the_university(page, "casey")
    page.wait_for_url(f"{live_server.url}/home/**")
    page.goto(f"/dashboards/clerkships/{clerkship.pk}/")
    expect(page.get_by_role("heading", name="Internal Medicine")).to_be_visible()
    shots.take(page, "dashboard")
