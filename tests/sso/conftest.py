"""Real identity providers on loopback, each a subprocess on a free port for the session:
an OpenID provider (django-oauth-toolkit, tests/sso/oidc_idp) and a SAML IdP that signs
its assertions (pysaml2 with Debian's xmlsec1, tests/sso/saml_idp.py)."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings

from accounts.sso_config import form_action_origins, providers_from_environment
from tests.conftest import service_missing

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Provider:
    """A provider process and the people.json it reads at each request."""

    def __init__(self, directory, port, process):
        self.directory, self.port, self.process = directory, port, process
        self.url = f"http://127.0.0.1:{port}"

    def set_people(self, people):
        (self.directory / "people.json").write_text(json.dumps(people))


def start(module, directory, ready_path, extra_env=None):
    port = free_port()
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "people.json").write_text("{}")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "IDP_DIR": str(directory),
        "IDP_PORT": str(port),
        **(extra_env or {}),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log = (directory / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", module], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    provider = Provider(directory, port, process)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{module} exited: {(directory / 'server.log').read_text()}")
        try:
            if requests.get(provider.url + ready_path, timeout=1).ok:
                return provider
        except requests.RequestException:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{module} did not answer in 30 s: {(directory / 'server.log').read_text()}")


def stop(provider):
    provider.process.terminate()
    try:
        provider.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        provider.process.kill()


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    provider = start(
        "tests.sso.serve_oidc",
        tmp_path_factory.mktemp("oidc-idp"),
        "/o/.well-known/openid-configuration",
    )
    yield provider
    stop(provider)


@pytest.fixture(scope="session")
def saml_provider(tmp_path_factory):
    if shutil.which("xmlsec1") is None:
        service_missing("xmlsec1: apt-get install xmlsec1")
    provider = start("tests.sso.saml_idp", tmp_path_factory.mktemp("saml-idp"), "/ready")
    yield provider
    stop(provider)


def environment(**variables):
    return lambda name: variables.get(name, "")


def configure(settings, env):
    """Settings as mentoring/settings.py makes them from these environment variables."""
    settings.SOCIALACCOUNT_PROVIDERS = providers_from_environment(
        env, default_name=django_settings.SSO_NAME
    )
    policy = django_settings.CONTENT_SECURITY_POLICY
    directives = {**policy["DIRECTIVES"], "form-action": ["'self'", *form_action_origins(env)]}
    settings.CONTENT_SECURITY_POLICY = {**policy, "DIRECTIVES": directives}


@pytest.fixture
def oidc(settings, oidc_provider):
    """The site signing in through the test OpenID provider, as a school configures it."""
    configure(
        settings,
        environment(
            SSO_OIDC_SERVER_URL=f"{oidc_provider.url}/o",
            SSO_OIDC_CLIENT_ID="mentoring",
            SSO_OIDC_CLIENT_SECRET="s3cret",
            SSO_OIDC_NAME="Example University",
        ),
    )
    return oidc_provider


def saml_environment(saml_provider, **more):
    return environment(
        SSO_SAML_IDP_ENTITY_ID=f"{saml_provider.url}/metadata",
        SSO_SAML_IDP_SSO_URL=f"{saml_provider.url}/sso/redirect",
        SSO_SAML_IDP_X509_CERT=str(saml_provider.directory / "idp.crt"),
        SSO_SAML_NAME="Example University",
        **more,
    )


def register_site(client, saml_provider, name="localhost", **extra):
    """Give the IdP the site's metadata, from the site's own metadata page."""
    metadata = client.get("/accounts/saml/institution/metadata/", **extra)
    assert metadata.status_code == 200, metadata.content.decode()[:500]
    (saml_provider.directory / f"sp-{name}.xml").write_bytes(metadata.content)


@pytest.fixture
def saml(settings, client, saml_provider):
    """The site signing in through the test SAML IdP, as a school configures it. The test
    client calls the site "localhost": python3-saml refuses a host without a dot such as
    Django's "testserver" in the SP's addresses."""
    client.defaults["HTTP_HOST"] = "localhost"
    configure(settings, saml_environment(saml_provider))
    register_site(client, saml_provider)
    return saml_provider
