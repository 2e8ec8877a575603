"""`make bench`: serve the app with gunicorn on PostgreSQL and Redis, load each key page,
judge the figures against the budgets, write var/bench/latest.json and PERFORMANCE.md.

    .venv/bin/python -m bench.run

Steps: make sure the bench database exists, is migrated and holds data (seeding it when
empty); sign the personas in by writing sessions straight into that database; count each
page's SQL with Django's test client; start gunicorn on a free loopback port; check every
page answers 200 there; drive the trivial view, each page, then the trivial view again
with bench.loadgen in its own process; stop gunicorn; time the reminder sweeps.

Settings come from the environment (PERFORMANCE.md lists them); the defaults are those of
`make bench`. Exit status: 0 when every page answered 200 throughout, whatever the budgets
say (BENCH_STRICT=1 also fails on a budget); 1 when a page erred under load; 2 when the
setup failed (no data, a page that does not answer 200, a server that does not start).
"""

import json
import os
import sys
from dataclasses import asdict
from urllib.parse import urlsplit

from bench import data, report, server, sweep
from bench.config import ROOT, Config, SetupError, app_env, log, manage
from bench.pages import BUDGETS, TRIVIAL, YARDSTICK, select


def measure_pages(config, pages, cookies, values, port, process):
    """Load the trivial view, each page, then the trivial view again."""
    ceiling_runs, rows, page_errors = [], [], []

    def run_trivial(when):
        log(f"trivial view ({when})")
        figures = server.drive(config, port, TRIVIAL.path, "", process.pid)
        ceiling_runs.append(figures)
        if figures["non_200"] or figures["errors"]:
            page_errors.append(f"trivial view: {figures['statuses']} errors {figures['errors']}")

    run_trivial("before the pages")
    for page in pages:
        path = page.path.format(**values)
        log(f"{page.label}: {path}")
        figures = server.drive(config, port, path, cookies.get(page.persona, ""), process.pid)
        if figures["non_200"] or figures["errors"]:
            page_errors.append(
                f"{page.label}: statuses {figures['statuses']}, errors {figures['error_kinds']}"
            )
        rows.append({"key": page.key, "label": page.label, "path": path, **figures})
    run_trivial("after the pages")
    return ceiling_runs, rows, page_errors


def main():
    config = Config.from_env(os.environ)
    try:
        pages = select(config.pages)
    except ValueError as error:
        log(str(error))
        return 2
    output_dir = ROOT / config.output_dir
    output_dir.mkdir(parents=True, exist_ok=True)
    env = app_env(config)
    try:
        data.ensure_database(config, env)
        users = data.load_users(config)
        data.setup_django(env)
        log("collecting static files")
        manage(env, "collectstatic", "--noinput", "-v0")
        people, values = data.resolve_values(users)
        cookies = data.session_cookies(people)
        counts = data.dataset_counts()
        log("data: " + ", ".join(f"{n:,} {name}" for name, n in counts.items()))

        queries = {}
        for page in pages:
            path = page.path.format(**values)
            status, statements = data.count_queries(path, cookies.get(page.persona, ""))
            if status != 200:
                raise SetupError(f"{page.label} ({path}) answered {status} to the test client")
            queries[page.key] = statements

        port = server.free_port()
        log(f"starting gunicorn on 127.0.0.1:{port}")
        process = server.start_server(config, env, port)
        try:
            for page in pages:
                path = page.path.format(**values)
                status, location, _ = server.http_get(port, path, cookies.get(page.persona, ""))
                if status != 200:
                    raise SetupError(
                        f"{page.label} ({path}) answered {status}"
                        + (f" to {location}" if location else "")
                        + " under gunicorn, before any load"
                    )
            ceiling_runs, rows, page_errors = measure_pages(
                config, pages, cookies, values, port, process
            )
        finally:
            server.stop_server(process)
        facts = data.machine_facts(config)
    except SetupError as error:
        log(f"cannot run: {error}")
        return 2

    swept = sweep.run_sweep(config, env) if config.sweep else None

    ceiling = sum(run["rps"] for run in ceiling_runs) / len(ceiling_runs)
    yardstick = next((row["rps"] for row in rows if row["key"] == YARDSTICK), None)
    for row, page in zip(rows, pages, strict=True):
        statements = queries[page.key]
        row["queries"] = len(statements)
        row["sql"] = statements
        row["sql_ms"] = round(sum(statement["ms"] for statement in statements), 1)
        row["ratio"] = report.throughput_ratio(row["rps"], yardstick)
        row["verdicts"] = report.judge(page, row, yardstick, BUDGETS)
    trivial_row = {
        "key": TRIVIAL.key,
        "label": f"{TRIVIAL.label} ({TRIVIAL.path})",
        "path": TRIVIAL.path,
        **ceiling_runs[0],
        "rps": round(ceiling, 1),
        "runs_rps": [run["rps"] for run in ceiling_runs],
        "queries": 0,
        "sql_ms": 0.0,
        "ratio": report.throughput_ratio(ceiling, yardstick),
        "verdicts": {},
    }
    result = {
        "machine": facts,
        "dataset": {"database": urlsplit(config.database_url).path.lstrip("/"), "counts": counts},
        "server": {
            "command": " ".join(["gunicorn", *server.gunicorn_arguments(config)]),
            "settings": "DEBUG=false, SECURE_SSL_REDIRECT=false, Redis cache, whitenoise",
        },
        "load": {
            "concurrency": config.concurrency,
            "warmup_seconds": config.warmup,
            "duration_seconds": config.duration,
        },
        "budgets": asdict(BUDGETS),
        "ceiling_rps": round(ceiling, 1),
        "yardstick_rps": yardstick,
        "rows": [trivial_row, *rows],
        "sweep": swept,
        "page_errors": page_errors,
        "values": values,
    }
    result["failed_budgets"] = report.failed_budgets(result["rows"], swept)
    write_outputs(config, result)
    if page_errors:
        log("pages that erred under load: " + "; ".join(page_errors))
    return report.exit_status(page_errors, result["failed_budgets"], config.strict)


def write_outputs(config, result):
    output_dir = ROOT / config.output_dir
    table = report.format_table(result["rows"], BUDGETS)
    shares = [row["loadgen_cpu_share"] for row in result["rows"] if "loadgen_cpu_share" in row]
    lines = [
        "",
        table,
        "",
        report.format_cost_table(result["rows"]),
        "",
        report.format_sweep(result["sweep"]),
        f"Load generator: {min(shares):.0%}-{max(shares):.0%} of one core." if shares else "",
        "Budgets failed: " + (", ".join(result["failed_budgets"]) or "none"),
        report.ceiling_drift(result["rows"][0].get("runs_rps", [])),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    (output_dir / "latest.json").write_text(json.dumps(result, indent=2) + "\n")
    (output_dir / "latest.txt").write_text(text)
    log(f"wrote {output_dir / 'latest.json'} and latest.txt")
    if config.write_doc:
        doc = ROOT / "PERFORMANCE.md"
        current = doc.read_text() if doc.exists() else "# Performance\n"
        doc.write_text(report.replace_generated(current, report.generated_section(result, BUDGETS)))
        log("updated PERFORMANCE.md")


if __name__ == "__main__":
    sys.exit(main())
