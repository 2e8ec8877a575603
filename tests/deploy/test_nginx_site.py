"""deploy/nginx/mentoring.conf passes `nginx -t` with a certificate made for the test, and
keeps the promises README makes of it."""

import re

from django.conf import settings

from drills import nginx
from tests.deploy.conftest import program


def test_the_site_passes_nginx_t(tmp_path):
    program("nginx")
    program("openssl")
    cert, key = nginx.self_signed_certificate(tmp_path)
    done = nginx.check(nginx.write_conf(tmp_path, nginx.site_with_certificate(cert, key)))
    assert done.returncode == 0, done.stderr
    assert "[warn]" not in done.stderr and "[emerg]" not in done.stderr


def test_the_loopback_site_of_the_drill_passes_nginx_t(tmp_path):
    program("nginx")
    program("openssl")
    cert, key = nginx.self_signed_certificate(tmp_path)
    site = nginx.loopback_site(18443, [18001, 18002, 18003], cert, key, tmp_path)
    assert site.count("server 127.0.0.1:1800") == 3 and "listen 80" not in site
    done = nginx.check(nginx.write_conf(tmp_path, site))
    assert done.returncode == 0, done.stderr


def test_uploads_the_site_accepts_fit_the_proxy_and_no_post_is_sent_twice():
    site = nginx.SITE.read_text()
    limit = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))
    # A little more than the largest document, so that the site, not nginx, says "too big".
    assert settings.ATTACHMENT_MAX_MB < limit <= settings.ATTACHMENT_MAX_MB + 5
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    assert re.search(r"proxy_next_upstream error timeout;", site)
    assert "non_idempotent" not in site.replace("`non_idempotent`", "")
