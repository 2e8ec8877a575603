"""allauth's pages and e-mails in the site's layout and words: sentence case, "e-mail" spelled
as everywhere else, and the site called by its name (SITE_NAME), never by its host."""

import gettext
import html
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import make_user

pytestmark = pytest.mark.django_db

CATALOG = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"

SIGNED_OUT = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
SIGNED_IN = ["/accounts/email/", "/accounts/password/change/", "/accounts/2fa/"]
# Two or more capitalised words in a row, as allauth writes its titles ("Sign In",
# "Two-Factor Authentication", "Forgot Password?").
TITLE_CASE = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b")


def visible_text(page):
    """What a reader sees: the page without its scripts, tags and attributes, each element's
    text kept apart from the next one's ("Mentoring | Skip to content")."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " | ", page)))


def check_wording(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    page = response.content.decode()
    assert 'class="site-header"' in page and "Skip to content" in page, f"{path}: not the layout"
    text = visible_text(page)
    assert not re.findall(r"\b[Ee]mail", text), f"{path}: {re.findall(r'.{30}[Ee]mail.{30}', text)}"
    assert not TITLE_CASE.findall(text), f"{path}: {TITLE_CASE.findall(text)}"
    return text


@pytest.mark.parametrize("path", SIGNED_OUT)
def test_sign_in_sign_up_and_reset_pages_use_the_sites_words(client, path):
    check_wording(client, path)


@pytest.mark.parametrize("path", SIGNED_IN)
def test_account_pages_use_the_sites_words(client, path):
    client.force_login(make_user(email="sam@med.example.edu"))
    check_wording(client, path)


def test_the_sign_in_page_reads_sign_in_and_e_mail(client):
    text = check_wording(client, "/accounts/login/")
    assert "Sign in" in text and "E-mail" in text and "Remember me" in text


def test_buttons_wear_the_sites_classes(client):
    page = client.get("/accounts/login/").content.decode()
    assert re.search(r'<button[^>]* type="submit" class="primary">\s*Sign in\s*</button>', page)


def test_the_password_reset_e_mail_names_the_site_not_its_host(client, mailoutbox):
    make_user(email="sam@med.example.edu")
    client.post("/accounts/password/reset/", {"email": "sam@med.example.edu"})
    [message] = mailoutbox
    assert message.subject == f"[{settings.SITE_NAME}] Password reset e-mail"
    assert message.body.startswith(f"Hello from {settings.SITE_NAME}!")
    assert f"Thank you for using {settings.SITE_NAME}!" in message.body
    assert "[testserver]" not in message.subject and "from testserver" not in message.body
    assert not re.search(r"\b[Ee]mail\b", message.body), message.body


def test_the_sign_up_e_mail_names_the_site_and_not_its_host(client, mailoutbox):
    client.post(
        "/accounts/signup/",
        {
            "email": "new.student@med.example.edu",
            "display_name": "Priya Raman",
            "roles": ["mentee"],
            "password1": "stethoscope-lantern-42",
            "password2": "stethoscope-lantern-42",
        },
    )
    [message] = mailoutbox
    assert message.subject == f"[{settings.SITE_NAME}] Please confirm your e-mail address"
    assert message.body.startswith(f"Hello from {settings.SITE_NAME}!")
    assert "because Priya Raman gave this address when signing up." in message.body
    assert "on testserver" not in message.body
    assert not re.search(r"[^-]\b[Ee]mail\b", message.body), message.body  # but confirm-email/


def po_entries(path):
    """(context, msgid) -> msgstr of a .po file: the few forms this catalog uses."""
    entries, current, field = {}, {}, None
    for line in [*path.read_text().splitlines(), ""]:
        if not line.strip():
            if current.get("msgid"):
                key = (current.get("msgctxt"), current["msgid"])
                entries[key] = current["msgstr"]
            current, field = {}, None
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            current[field] += bytes(line[1:-1], "utf-8").decode("unicode_escape")
        else:
            field, value = line.split(" ", 1)
            current[field] = bytes(value[1:-1], "utf-8").decode("unicode_escape")
    return entries


def test_the_compiled_catalog_matches_its_source():
    """The .mo Django reads is compiled from the .po people edit (msgfmt, see its header)."""
    with open(CATALOG / "django.mo", "rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)
    source = po_entries(CATALOG / "django.po")
    assert source
    for (context, msgid), msgstr in source.items():
        found = catalog.pgettext(context, msgid) if context else catalog.gettext(msgid)
        assert found == msgstr, msgid
