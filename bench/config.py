"""What every part of `make bench` shares: its settings, its environment, how it runs
manage.py and how it says what it is doing."""

import os
import secrets
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.pages import BUDGETS

ROOT = Path(__file__).resolve().parent.parent


class SetupError(Exception):
    """The benchmark cannot run: its message says what to do."""


@dataclass
class Config:
    database_url: str = "postgres://postgres@127.0.0.1:5432/mentoring_scale"
    redis_url: str = "redis://127.0.0.1:6379/7"
    users: str = "var/scale_users.json"  # or "demo" for the demo school's personas
    seed: str = "scale"  # what fills an empty bench database: scale or demo
    seed_scale: float = 1.0  # seed_scale --scale, for trying the seeding path small
    pages: list = field(default_factory=list)
    warmup: float = 3.0
    duration: float = 10.0
    concurrency: int = BUDGETS.concurrency
    # gunicorn's sync workers, one a core (PERFORMANCE.md, "Server").
    worker_class: str = "sync"
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    threads: int = 1
    sweep: bool = True
    sweep_mentorships: int = BUDGETS.sweep_mentorships
    output_dir: str = "var/bench"
    write_doc: bool = True
    strict: bool = False

    @classmethod
    def from_env(cls, environ):
        def flag(name, default):
            value = environ.get(name, "")
            return default if value == "" else value.lower() in ("1", "true", "yes")

        defaults = cls()
        return cls(
            database_url=environ.get("BENCH_DATABASE_URL") or defaults.database_url,
            redis_url=environ.get("BENCH_REDIS_URL") or defaults.redis_url,
            users=environ.get("BENCH_USERS") or defaults.users,
            seed=environ.get("BENCH_SEED") or defaults.seed,
            seed_scale=float(environ.get("BENCH_SEED_SCALE") or defaults.seed_scale),
            pages=[key for key in environ.get("BENCH_PAGES", "").split(",") if key.strip()],
            warmup=float(environ.get("BENCH_WARMUP") or defaults.warmup),
            duration=float(environ.get("BENCH_DURATION") or defaults.duration),
            concurrency=int(environ.get("BENCH_CONCURRENCY") or defaults.concurrency),
            worker_class=environ.get("BENCH_WORKER_CLASS") or defaults.worker_class,
            workers=int(environ.get("BENCH_WORKERS") or defaults.workers),
            threads=int(environ.get("BENCH_THREADS") or defaults.threads),
            sweep=flag("BENCH_SWEEP", defaults.sweep),
            sweep_mentorships=int(
                environ.get("BENCH_SWEEP_MENTORSHIPS") or defaults.sweep_mentorships
            ),
            output_dir=environ.get("BENCH_OUTPUT_DIR") or defaults.output_dir,
            write_doc=flag("BENCH_WRITE_DOC", defaults.write_doc),
            strict=flag("BENCH_STRICT", defaults.strict),
        )


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def app_env(config):
    """The environment of every process that runs the app: production settings, loopback.

    The same SECRET_KEY for gunicorn and for this process, which writes the sessions
    (a session stores a hash keyed by it). VAR_DIR keeps collected static files apart
    from a developer's var/.
    """
    env = dict(os.environ)
    env.update(
        DATABASE_URL=config.database_url,
        REDIS_URL=config.redis_url,
        DEBUG="false",
        SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        # Plain HTTP on loopback: no redirect to https. HSTS and secure cookies stay on.
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1",
        VAR_DIR=str(ROOT / config.output_dir),
        CELERY_TASK_ALWAYS_EAGER="false",
        PYTHONPATH=str(ROOT),
    )
    return env


def manage(env, *args, timeout=None, capture=False):
    """Run manage.py; its output goes to stderr (stdout is for the table) unless captured."""
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    streams = {"capture_output": True} if capture else {"stdout": sys.stderr}
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        command, env=env, cwd=ROOT, check=True, timeout=timeout, text=True, **streams
    )
