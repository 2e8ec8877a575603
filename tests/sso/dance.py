"""The redirect dance with a real provider, through Django's test client for the site and
`requests` for the provider: what a browser does, one hop at a time."""

import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import requests

SITE = "http://testserver"


def site_path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def provider_hops(browser, url, *, until):
    """Follow the provider's redirects until one leads back to the site (`until`)."""
    for _ in range(10):
        if url.startswith(until):
            return url
        response = browser.get(url, allow_redirects=False, timeout=10)
        if response.status_code in (301, 302, 303):
            url = urljoin(url, response.headers["Location"])
            continue
        return response
    raise AssertionError("Too many redirects at the provider")


def oidc_sign_in(client, username, password="pw"):  # noqa: S107
    """Press "Sign in with ..." on the site, sign in at the provider, come back: the
    site's answer to the callback."""
    start = client.post("/accounts/oidc/institution/login/")
    assert start.status_code == 302, start.content.decode()[:500]
    browser = requests.Session()
    form = provider_hops(browser, start["Location"], until=SITE)
    assert isinstance(form, requests.Response) and "University sign-in" in form.text
    signed_in = browser.post(
        form.url,
        data={"username": username, "password": password, "next": next_of(form.text)},
        allow_redirects=False,
        timeout=10,
    )
    back = provider_hops(browser, urljoin(form.url, signed_in.headers["Location"]), until=SITE)
    return client.get(site_path(back))


def oidc_callback_url(client, username, password="pw"):  # noqa: S107
    """As oidc_sign_in, without delivering the callback: its address on the site."""
    start = client.post("/accounts/oidc/institution/login/")
    browser = requests.Session()
    form = provider_hops(browser, start["Location"], until=SITE)
    signed_in = browser.post(
        form.url,
        data={"username": username, "password": password, "next": next_of(form.text)},
        allow_redirects=False,
        timeout=10,
    )
    return site_path(
        provider_hops(browser, urljoin(form.url, signed_in.headers["Location"]), until=SITE)
    )


def next_of(page):
    return unescape(re.search(r'name="next" value="([^"]*)"', page).group(1))
