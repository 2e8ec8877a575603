"""Loaded by pytest before Django reads settings (see addopts in pyproject.toml).

Tests run with production settings (DEBUG off, mandatory e-mail verification),
except for the few values that only make sense behind real TLS.
"""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-used-anywhere-else-0123456789")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ["DEBUG"] = "false"
os.environ.setdefault("SITE_URL", "http://testserver")
# Unit tests run tasks in-process; tests/celery_worker tests switch to a real worker.
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
