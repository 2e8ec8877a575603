"""Where one page spends its time, in Python: cProfile over requests through the test client.

    .venv/bin/python -m bench.profile directory [--requests 50] [--explain-ms 20]

Same database, settings and personas as `make bench` (the same BENCH_* variables); it
needs the database already seeded. Prints the page's SQL with each statement's time, the
plan (EXPLAIN ANALYZE) of each statement slower than --explain-ms, then the functions with
the most time of their own and the most time under them.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time

from bench import data
from bench.config import Config, app_env, manage
from bench.pages import select


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help="a page key from bench/pages.py, e.g. directory")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--explain-ms", type=float, default=20.0, help="0 for no plans")
    parser.add_argument(
        "--callers", metavar="PATTERN", help="also who calls the functions matching this"
    )
    args = parser.parse_args(argv)
    key, count = args.page, args.requests
    config = Config.from_env(os.environ)
    env = app_env(config)
    data.setup_django(env)
    manage(env, "collectstatic", "--noinput", "-v0")
    people, values = data.resolve_values(data.load_users(config))
    cookies = data.session_cookies(people)
    page = next(page for page in select([key]) if page.key == key)
    path = page.path.format(**values)
    cookie = cookies.get(page.persona, "")

    status, statements = data.count_queries(path, cookie)
    print(f"{page.label}: {path} -> {status}, {len(statements)} queries")
    for statement in statements:
        print(f"  {statement['ms']:8.2f} ms  {statement['sql'][:300]}")
    if args.explain_ms:
        explain([s for s in statements if s["ms"] >= args.explain_ms])

    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    if cookie:
        name, _, value = cookie.partition("=")
        client.cookies[name] = value
    client.get(path)
    started = time.perf_counter()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        client.get(path)
    profiler.disable()
    seconds = time.perf_counter() - started
    print(f"\n{count} requests in {seconds:.2f} s: {seconds / count * 1000:.1f} ms each (profiled)")
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(40)
    if args.callers:
        stats.print_callers(args.callers)
    return 0


def explain(statements):
    """EXPLAIN (ANALYZE, BUFFERS) each statement; read-only pages, so running them is safe."""
    from django.db import connection

    for statement in statements:
        print(f"\n--- {statement['ms']:.0f} ms: {statement['sql'][:200]}")
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement["sql"])
            for (line,) in cursor.fetchall():
                print("  " + line)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
