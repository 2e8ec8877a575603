"""Headers every page carries (CSP, no-store) and sign-in redirects that stay on the site."""

import base64
import hashlib
import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from tests.factories import make_mentorship, make_user
from tests.security.test_authorization_matrix import MATRIX, url_for

EXPECTED_CSP = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "frame-ancestors": {"'none'"},
    "form-action": {"'self'"},
    "img-src": {"'self'", "data:"},
}
INLINE = [
    ("inline <script>", re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)),
    ("<style> block", re.compile(r"<style[\s>]", re.I)),
    ("style attribute", re.compile(r"<[^>]+\sstyle\s*=", re.I)),
    ("event handler", re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)),
    ("javascript: link", re.compile(r"javascript:", re.I)),
]


def policy(response):
    header = response["Content-Security-Policy"]
    return {
        name: set(sources)
        for name, *sources in (part.split() for part in header.split(";") if part.strip())
    }


def style_hash(html):
    """The CSP source that allows the page's <style> block."""
    css = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"


def inline_code(html):
    return [what for what, pattern in INLINE if pattern.search(html)]


def assert_strict(response):
    directives = policy(response)
    for name, sources in EXPECTED_CSP.items():
        assert directives[name] == sources, name
    # Styles from our files, plus only 500.html's hashed block: never 'unsafe-inline'.
    assert "'self'" in directives["style-src"]
    assert all(s == "'self'" or s.startswith("'sha256-") for s in directives["style-src"])


@pytest.mark.django_db
def test_landing_page_has_the_policy(client):
    response = client.get(reverse("landing"))
    assert response.status_code == 200
    assert_strict(response)


def test_signed_in_page_has_the_policy(client, mentee):
    client.force_login(mentee)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert_strict(response)


def test_admin_has_the_policy_and_needs_no_inline_code(client, security_world):
    client.force_login(security_world.people["staff"])
    pages, details = [reverse("admin:index")], []
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        pages.append(reverse("admin:{}_{}_changelist".format(*info)))
        row = model._default_manager.first()
        if row is not None:
            details.append(reverse("admin:{}_{}_change".format(*info), args=[row.pk]))
    for url in pages + details:
        response = client.get(url)
        # Some change pages are closed on purpose (rows only their pair's actions write).
        assert response.status_code == 200 or url in details, url
        assert_strict(response)
        assert not inline_code(response.content.decode()), url


def test_500_page_stays_self_contained_and_styled(client):
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert "<link" not in html and "<script" not in html
    # The hash in settings must match the page's <style>, or browsers would drop it.
    assert style_hash(html) in policy(client.get("/no-such-page/"))["style-src"]


def test_no_page_needs_inline_script_or_style(client, security_world):
    """Every page in the authorization matrix, seen by someone it answers 200 to."""
    problems = []
    for route, row in MATRIX.items():
        persona = next((p for p, answer in row["GET"].items() if answer == 200), None)
        if persona is None or route.startswith("admin:"):  # the admin has its own test
            continue
        client.logout()
        if security_world.people[persona] is not None:
            client.force_login(security_world.people[persona])
        response = client.get(url_for(route, security_world))
        if not response["Content-Type"].startswith("text/html"):
            continue
        problems += [f"{route}: {what}" for what in inline_code(response.content.decode())]
    assert not problems, "\n".join(problems)


def test_signed_in_pages_are_not_stored(client, mentor, mentee):
    mentorship = make_mentorship(mentor, mentee)
    client.force_login(mentee)
    for url in (
        reverse("mentorships:detail", args=[mentorship.pk]),
        reverse("records:record-json"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url


def test_static_files_and_public_pages_keep_their_caching(settings, mentee):
    # Let whitenoise serve from the finders, as it does in DEBUG, without collectstatic.
    settings.WHITENOISE_USE_FINDERS = settings.WHITENOISE_AUTOREFRESH = True
    client = Client()
    assert "no-store" not in client.get(reverse("landing")).get("Cache-Control", "")
    client.force_login(mentee)
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_calendar_feed_keeps_its_own_caching(client, security_world):
    client.force_login(security_world.people["mentee"])
    response = client.get(url_for("meetings:feed", security_world))
    assert response["Cache-Control"] == "private, max-age=300"


@pytest.fixture
def verified_user(db):
    user = make_user()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.parametrize(
    "target", ["//evil.example", "https:evil.example", "https://evil.example/", "/\\evil.example"]
)
@pytest.mark.parametrize("where", ["query", "form"])
def test_sign_in_never_redirects_off_site(client, verified_user, target, where):
    credentials = {"login": verified_user.email, "password": "a-long-test-password"}
    url = reverse("account_login")
    if where == "query":
        response = client.post(url, credentials, query_params={"next": target})
    else:
        response = client.post(url, {**credentials, "next": target})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert response["Location"] == reverse("home")


def test_sign_in_follows_a_next_on_the_site(client, verified_user):
    credentials = {"login": verified_user.email, "password": "a-long-test-password"}
    response = client.post(reverse("account_login"), {**credentials, "next": "/notifications/"})
    assert response["Location"] == "/notifications/"
