"""nginx with the site in deploy/nginx/mentoring.conf, run as an ordinary program: checked
with `nginx -t` (tests/deploy) and, with its addresses moved to loopback ports, in front of
the scale-out drill's gunicorn instances.

The site is the file a school installs; only the values an administrator changes (the
certificate, the ports, the static folder) are replaced, each exactly once, so that a site
file whose shape changed fails here instead of being run half-rewritten."""

import re
import shutil
import subprocess
from pathlib import Path

from bench.config import ROOT, SetupError

SITE = ROOT / "deploy" / "nginx" / "mentoring.conf"
CERTIFICATE = "/etc/ssl/mentoring/fullchain.pem"
PRIVATE_KEY = "/etc/ssl/mentoring/privkey.pem"
STATIC_ROOT = "/var/lib/mentoring/staticfiles/"
UPSTREAM_LINE = re.compile(r"^    server 127\.0\.0\.1:\d+ (max_fails=.*)$", re.MULTILINE)


def nginx_program():
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if Path(p).exists()), None
    )


def self_signed_certificate(folder):
    """A throwaway certificate for 127.0.0.1 and localhost; (certificate, key) paths."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            shutil.which("openssl") or "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def replace_once(text, old, new):
    if text.count(old) != 1:
        raise SetupError(f"{SITE.name}: expected {old!r} once, found it {text.count(old)} times")
    return text.replace(old, new)


def site_with_certificate(cert, key, text=None):
    """The site as installed, with this certificate in place of the example paths."""
    text = SITE.read_text() if text is None else text
    text = replace_once(text, CERTIFICATE, str(cert))
    return replace_once(text, PRIVATE_KEY, str(key))


def loopback_site(listen_port, upstream_ports, cert, key, static_root):
    """The site on 127.0.0.1:listen_port (TLS, with `cert`) in front of the gunicorn
    instances on `upstream_ports`, serving `static_root`; the port-80 redirect left out."""
    text = site_with_certificate(cert, key)
    redirect = text.index("# Plain HTTP only redirects")
    text = text[:redirect] + text[text.index("server {\n    listen 443") :]
    text = replace_once(text, "    listen 443 ssl;\n", f"    listen 127.0.0.1:{listen_port} ssl;\n")
    text = replace_once(text, "    listen [::]:443 ssl;\n", "")
    text = replace_once(text, STATIC_ROOT, f"{static_root}/")
    servers = UPSTREAM_LINE.findall(text)
    if len(servers) < 2:
        raise SetupError(f"{SITE.name}: expected two or more upstream servers")
    lines = "".join(f"    server 127.0.0.1:{port} {servers[0]}\n" for port in upstream_ports)
    first = UPSTREAM_LINE.search(text)
    text = text[: first.start()] + lines.rstrip("\n") + UPSTREAM_LINE.sub("", text[first.end() :])
    return re.sub(r"\n{3,}", "\n\n", text)


def main_conf(folder, site_path):
    """nginx.conf for an unprivileged run in `folder`: its own pid, logs and temp files."""
    temp = folder / "temp"
    temp.mkdir(exist_ok=True)
    temp.chmod(0o777)  # nginx's workers drop root's privileges when the master has them
    return f"""daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {site_path};
}}
"""


def write_conf(folder, site_text):
    site = folder / "mentoring.conf"
    site.write_text(site_text)
    conf = folder / "nginx.conf"
    conf.write_text(main_conf(folder, site))
    return conf


def check(conf):
    """`nginx -t` on the configuration; the CompletedProcess (its answer is on stderr)."""
    return subprocess.run(  # noqa: S603 - fixed arguments
        [nginx_program(), "-t", "-p", str(conf.parent), "-c", str(conf)],
        capture_output=True,
        text=True,
        timeout=30,
    )


def start(conf, log_path):
    with open(log_path, "a") as log:
        return subprocess.Popen(  # noqa: S603 - fixed arguments
            [nginx_program(), "-p", str(conf.parent), "-c", str(conf)],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
