"""The app's instructions per request for one page, counted by valgrind's callgrind: the
same count whatever else the host is doing, where CPU time is not. For A/B comparisons of
Python work on a busy host; PostgreSQL's work is not counted (another process).

    .venv/bin/python -m bench.instructions timeline [--requests 20]

Runs itself again under `valgrind --tool=callgrind --instr-atstart=no`, serves a warm-up
through Django's test client uncounted, then switches counting on (callgrind_control) for
the measured requests only. Needs valgrind; the bench database as for bench.profile.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

from bench import data
from bench.config import Config, app_env
from bench.pages import select

WARM_UP = 5


def measured(key, count):
    """Inside valgrind: warm up, then count `count` requests."""
    config = Config.from_env(os.environ)
    data.setup_django(app_env(config))
    people, values = data.resolve_values(data.load_users(config))
    cookies = data.session_cookies(people)
    page = next(page for page in select([key]) if page.key == key)
    path = page.path.format(**values)

    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    cookie = cookies.get(page.persona, "")
    if cookie:
        name, _, value = cookie.partition("=")
        client.cookies[name] = value
    for _ in range(WARM_UP):
        assert client.get(path).status_code == 200, path
    control = shutil.which("callgrind_control")
    pid = str(os.getpid())
    subprocess.run([control, "--instr=on", pid], check=True, capture_output=True)  # noqa: S603
    for _ in range(count):
        client.get(path)
    subprocess.run([control, "--instr=off", pid], capture_output=True)  # noqa: S603


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help="a page key from bench/pages.py, e.g. timeline")
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inside:
        measured(args.page, args.requests)
        return 0
    valgrind = shutil.which("valgrind")
    if not valgrind:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    run = subprocess.run(  # noqa: S603 - this module again, with fixed arguments
        [valgrind, "--tool=callgrind", "--instr-atstart=no", "--callgrind-out-file=/dev/null",
         sys.executable, "-m", "bench.instructions", args.page, "--inside",
         "--requests", str(args.requests)],
        capture_output=True, text=True,
    )  # fmt: skip
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode or not found:
        print(run.stderr[-3000:], file=sys.stderr)
        return 1
    per_request = int(found.group(1)) / args.requests / 1e6
    print(f"{args.page}: {per_request:.1f} M instructions a request (app only)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
