"""Where documents are stored is configuration: DEFAULT_STORAGE_BACKEND names a storage
(django-storages' S3Storage in production, for one) and DEFAULT_STORAGE_OPTIONS its options,
as JSON; a value that is not a JSON object stops start-up with a message."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "from django.core.files.storage import storages; s = storages['default']; "
    "print(type(s).__name__, s.location)"
)


def shell(tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DEFAULT_STORAGE")}
    clean.update(env, VAR_DIR=str(tmp_path), DEBUG="true")
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_backend_and_its_options_come_from_the_environment(tmp_path):
    folder = tmp_path / "documents"
    result = shell(
        tmp_path,
        DEFAULT_STORAGE_BACKEND="django.core.files.storage.FileSystemStorage",
        DEFAULT_STORAGE_OPTIONS=f'{{"location": "{folder}"}}',
    )
    assert result.stdout.strip() == f"FileSystemStorage {folder}", result.stderr


def test_by_default_documents_stay_under_var(tmp_path):
    result = shell(tmp_path)
    assert result.stdout.strip() == f"FileSystemStorage {tmp_path / 'media'}", result.stderr


def test_options_that_are_not_a_json_object_stop_start_up(tmp_path):
    for broken in ("bucket=documents", '["documents"]'):
        result = shell(tmp_path, DEFAULT_STORAGE_OPTIONS=broken)
        assert result.returncode != 0
        assert "DEFAULT_STORAGE_OPTIONS must be a JSON object" in result.stderr
