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


def saml_response(client, username, password="pw"):  # noqa: S107
    """Press "Sign in with ..." and sign in at the IdP: the signed response it hands the
    browser to post to the site, as {"SAMLResponse": ..., "RelayState": ...}."""
    start = client.post("/accounts/saml/institution/login/")
    assert start.status_code == 302, start.content.decode()[:500]
    browser = requests.Session()
    form = browser.get(start["Location"], timeout=10)
    assert "University sign-in" in form.text, form.text[:500]
    fields = dict(re.findall(r'name="(SAMLRequest|RelayState)" value="([^"]*)"', form.text))
    posted = browser.post(
        urljoin(form.url, "/sso/login"),
        data={
            **{k: unescape(v) for k, v in fields.items()},
            "username": username,
            "password": password,
        },
        timeout=10,
    )
    values = dict(re.findall(r'name="(SAMLResponse|RelayState)" value="([^"]*)"', posted.text))
    assert "SAMLResponse" in values, posted.text[:1000]
    acs = unescape(re.search(r'action="([^"]*)"', posted.text).group(1))
    return site_path(acs), {k: unescape(v) for k, v in values.items()}


def saml_post(client, acs, response):
    """The browser posting the IdP's answer to the site, then following the site."""
    answer = client.post(acs, response)
    if answer.status_code == 302 and answer["Location"].startswith("/accounts/saml/"):
        answer = client.get(answer["Location"])
    return answer


def saml_sign_in(client, username, password="pw"):  # noqa: S107
    return saml_post(client, *saml_response(client, username, password))
