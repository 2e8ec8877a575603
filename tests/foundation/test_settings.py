import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from mentoring.lib.env import database_from_url, env_bool, env_hours, env_int

ROOT = Path(__file__).resolve().parents[2]


def django_check(tmp_path, **env):
    """Run `manage.py check` in a clean process with only the given settings variables."""
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    clean.update(env, VAR_DIR=str(tmp_path))
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_without_secret_key_refuses_to_start(tmp_path):
    result = django_check(tmp_path, DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_development_starts_without_secret_key(tmp_path):
    assert django_check(tmp_path, DEBUG="true").returncode == 0


def test_typo_in_a_boolean_names_the_variable(tmp_path):
    result = django_check(tmp_path, DEBUG="ture")
    assert "DEBUG must be true or false, not 'ture'" in result.stderr


def test_env_readers(monkeypatch):
    monkeypatch.setenv("FLAG", "TRUE")
    monkeypatch.setenv("NUMBER", "12")
    monkeypatch.setenv("BROKEN", "twelve")
    assert env_bool("FLAG", False) is True
    assert env_bool("MISSING_FLAG", True) is True
    assert env_int("NUMBER", 0) == 12
    with pytest.raises(ImproperlyConfigured, match="BROKEN must be a whole number"):
        env_int("BROKEN", 0)
    monkeypatch.setenv("QUIET", "22-6")
    assert env_hours("QUIET", (21, 7)) == (22, 6)
    monkeypatch.setenv("QUIET", "off")
    assert env_hours("QUIET", (21, 7)) is None
    monkeypatch.setenv("QUIET", "25-6")
    with pytest.raises(ImproperlyConfigured, match="between 0 and 23"):
        env_hours("QUIET", (21, 7))


def test_database_urls():
    pg = database_from_url("postgres://app:s%40cret@db.internal:5433/mentoring", ROOT)
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert (pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"], pg["NAME"]) == (
        "app",
        "s@cret",
        "db.internal",
        "5433",
        "mentoring",
    )
    assert database_from_url("sqlite:///var/x.sqlite3", ROOT)["NAME"] == ROOT / "var/x.sqlite3"
    assert str(database_from_url("sqlite:////tmp/x.sqlite3", ROOT)["NAME"]) == "/tmp/x.sqlite3"
    with pytest.raises(ImproperlyConfigured, match="must start with postgres:// or sqlite:///"):
        database_from_url("mysql://localhost/x", ROOT)


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_applications_postgresql_sessions_are_tuned_for_short_queries_in_memory():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("1.1",)


def email_settings(tmp_path, **env):
    """The e-mail settings a clean process reads from these environment variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    clean.update(env, VAR_DIR=str(tmp_path), DEBUG="true")
    names = ["EMAIL_TIMEOUT", "EMAIL_FILE_PATH", "EMAIL_SSL_CERTFILE", "SERVER_EMAIL"]
    code = (
        "import django; from django.conf import settings; django.setup(); "
        f"print([getattr(settings, n) for n in {names!r}])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "mentoring.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout.strip()


def test_a_silent_mail_server_cannot_hold_a_worker_by_default(tmp_path):
    assert email_settings(tmp_path).startswith("[10, ")


def test_every_email_setting_comes_from_the_environment(tmp_path):
    printed = email_settings(
        tmp_path,
        EMAIL_TIMEOUT="3",
        EMAIL_FILE_PATH="/srv/mail",
        EMAIL_SSL_CERTFILE="/etc/ssl/client.pem",
        SERVER_EMAIL="ops@med.example.edu",
    )
    assert printed == "[3, '/srv/mail', '/etc/ssl/client.pem', 'ops@med.example.edu']"
