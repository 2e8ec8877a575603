"""A real SAML IdP for the single sign-on tests: pysaml2, signing its assertions with
Debian's xmlsec1, served on loopback by tests/sso/conftest.py (IDP_DIR, IDP_PORT set).

It reads at each request the people in IDP_DIR/people.json and the metadata of the site
(IDP_DIR/sp-*.xml, written by the tests from the site's own metadata page). A person may
carry "authn_context" (the AuthnContextClassRef asserted, e.g. the REFEDS MFA profile) and
"tamper" (turn a student affiliation into faculty after signing: a bad signature).
"""

import datetime
import html
import json
import os
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT, NameID
from saml2.server import Server

IDP_DIR = Path(os.environ["IDP_DIR"])
BASE = f"http://127.0.0.1:{os.environ['IDP_PORT']}"
PASSWORD_CONTEXT = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"


def make_key_and_certificate():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test University IdP")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    (IDP_DIR / "idp.key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
    )
    (IDP_DIR / "idp.crt").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))


def server():
    config = IdPConfig()
    config.load(
        {
            "entityid": f"{BASE}/metadata",
            "service": {
                "idp": {
                    "endpoints": {
                        "single_sign_on_service": [(f"{BASE}/sso/redirect", BINDING_HTTP_REDIRECT)]
                    },
                    "policy": {
                        "default": {"lifetime": {"minutes": 5}, "name_form": NAME_FORMAT_URI}
                    },
                    "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                    "want_authn_requests_signed": False,
                }
            },
            "key_file": str(IDP_DIR / "idp.key"),
            "cert_file": str(IDP_DIR / "idp.crt"),
            "xmlsec_binary": "/usr/bin/xmlsec1",
            "metadata": {"local": [str(p) for p in sorted(IDP_DIR.glob("sp-*.xml"))]},
        }
    )
    return Server(config=config)


def page(body, status="200 OK"):
    return status, [("Content-Type", "text/html; charset=utf-8")], body.encode()


def sign_in_form(saml_request, relay_state, error=""):
    return page(
        f"""<!doctype html><title>University sign-in</title><h1>University sign-in</h1>
<form method="post" action="/sso/login">
<input type="hidden" name="SAMLRequest" value="{html.escape(saml_request)}">
<input type="hidden" name="RelayState" value="{html.escape(relay_state)}">
<label>Username <input name="username"></label>
<label>Password <input name="password" type="password"></label>
<button type="submit">Sign in at the university</button></form><p>{error}</p>"""
    )


def respond(form):
    people = json.loads((IDP_DIR / "people.json").read_text())
    person = people.get(form.get("username", ""))
    if not person or person["password"] != form.get("password"):
        return sign_in_form(form["SAMLRequest"], form.get("RelayState", ""), "Wrong password")
    idp = server()
    request = idp.parse_authn_request(form["SAMLRequest"], BINDING_HTTP_REDIRECT).message
    arguments = idp.response_args(request, [BINDING_HTTP_POST])
    response = idp.create_authn_response(
        person["attributes"],
        userid=form["username"],
        name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=form["username"]),
        authn={"class_ref": person.get("authn_context", PASSWORD_CONTEXT), "authn_auth": BASE},
        sign_assertion=True,
        sign_response=False,
        # SHA-256: the site refuses SHA-1 signatures (python3-saml's default, kept).
        sign_alg="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
        digest_alg="http://www.w3.org/2001/04/xmlenc#sha256",
        **arguments,
    )
    response = str(response)
    if person.get("tamper"):
        # After signing: the assertion now says something its signature does not cover.
        tampered = response.replace(">student<", ">faculty<")
        assert tampered != response, "nothing to tamper with: give the person a student affiliation"
        response = tampered
    http = idp.apply_binding(
        BINDING_HTTP_POST,
        response,
        arguments["destination"],
        form.get("RelayState", ""),
        response=True,
    )
    return page(http["data"])


def app(environ, start_response):
    from urllib.parse import parse_qs

    path = environ["PATH_INFO"]
    query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    if path == "/ready":
        status, headers, body = page("ready")
    elif path == "/sso/redirect":
        status, headers, body = sign_in_form(query["SAMLRequest"], query.get("RelayState", ""))
    elif path == "/sso/login" and environ["REQUEST_METHOD"] == "POST":
        length = int(environ.get("CONTENT_LENGTH") or 0)
        form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(length).decode()).items()}
        status, headers, body = respond(form)
    else:
        status, headers, body = page("not found", "404 Not Found")
    start_response(status, headers)
    return [body]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    make_key_and_certificate()
    make_server(
        "127.0.0.1", int(os.environ["IDP_PORT"]), app, handler_class=QuietHandler
    ).serve_forever()
