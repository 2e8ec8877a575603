"""`make bench`'s harness: its arithmetic, its verdicts and its output, then one short run."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlunsplit

import pytest
from django.conf import settings

from bench import data, report
from bench.config import Config, SetupError, app_env
from bench.loadgen import ResponseParser, percentile, summarise
from bench.pages import BUDGETS, PAGES, TRIVIAL, Page, select
from bench.server import gunicorn_arguments
from bench.sweep import parse_sweep_output

ROOT = Path(__file__).resolve().parent.parent


def database_url(name):
    """The URL of database `name` on the test database's server."""
    database = settings.DATABASES["default"]
    netloc = f"{database['USER']}@{database['HOST']}:{database['PORT'] or 5432}"
    return urlunsplit(("postgres", netloc, f"/{name}", "", ""))


LIST_PAGE = Page("directory", "Directory", "/mentors/", "student", 100)
SIGNIN = Page("signin", "Sign-in page", "/accounts/login/", None, None)


def test_percentile_interpolates_between_ranks():
    assert percentile([4, 1, 3, 2], 50) == 2.5
    assert percentile(list(range(1, 101)), 95) == pytest.approx(95.05)
    assert percentile(list(range(1, 101)), 100) == 100
    assert percentile([7], 99) == 7
    assert percentile([], 50) is None


def test_summary_counts_every_non_200_answer():
    figures = summarise([10.0, 20.0, 30.0, 40.0], {200: 3, 302: 1}, errors=0, seconds=2)
    assert figures["rps"] == 2.0
    assert figures["p50_ms"] == 25.0
    assert figures["non_200"] == 1
    assert figures["statuses"] == {"200": 3, "302": 1}


def test_parser_splits_keep_alive_responses_arriving_in_pieces():
    parser = ResponseParser()
    parser.feed(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel")
    assert parser.next_response() is None
    parser.feed(b"loHTTP/1.1 302 Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
    assert parser.next_response() == (200, True)
    assert parser.next_response() == (302, False)


def test_parser_reads_chunked_bodies():
    parser = ResponseParser()
    parser.feed(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
    assert parser.next_response() is None
    parser.feed(b"0\r\n\r\n")
    assert parser.next_response() == (200, True)


def cpu(app, db):
    return {"app_cpu_ms_per_request": app, "db_cpu_ms_per_request": db}


def test_page_within_every_budget_passes():
    figures = {"queries": 12, "p95_ms": 100, "rps": 250, **cpu(8.0, 4.0)}
    verdicts = report.judge(LIST_PAGE, figures, 1000, BUDGETS)
    assert {name: v["pass"] for name, v in verdicts.items()} == {
        "queries": True,
        "p95": True,
        "ratio": True,
        "cpu": True,
    }


def test_each_budget_fails_on_its_own():
    figures = {"queries": 13, "p95_ms": 100.1, "rps": 249, **cpu(8.0, 4.1)}
    verdicts = report.judge(LIST_PAGE, figures, 1000, BUDGETS)
    assert [name for name, v in verdicts.items() if not v["pass"]] == [
        "queries",
        "p95",
        "ratio",
        "cpu",
    ]
    assert verdicts["ratio"]["value"] == 0.249
    assert verdicts["cpu"]["value"] == 12.1


def test_throughput_is_judged_against_the_signed_in_yardstick_not_the_trivial_view():
    # 300 requests/s is 10% of a trivial view at 3,000 but 30% of a home page at 1,000.
    figures = {"queries": 3, "p95_ms": 50, "rps": 300, **cpu(6.0, 3.0)}
    assert report.judge(LIST_PAGE, figures, 1000, BUDGETS)["ratio"]["pass"] is True
    assert report.judge(LIST_PAGE, figures, 1500, BUDGETS)["ratio"]["pass"] is False


def test_a_missing_figure_fails_and_a_page_without_latency_budget_has_no_p95_verdict():
    verdicts = report.judge(SIGNIN, {"queries": None, "rps": 900, **cpu(3.0, None)}, 1000, BUDGETS)
    assert "p95" not in verdicts
    assert verdicts["queries"]["pass"] is False
    assert verdicts["ratio"]["pass"] is True
    assert verdicts["cpu"]["pass"] is False
    # No yardstick measured: the throughput budget fails rather than passing silently.
    assert report.judge(SIGNIN, {"queries": 0, "rps": 900}, None, BUDGETS)["ratio"]["pass"] is False


def test_the_signed_in_yardstick_is_held_to_the_query_budget_only():
    (yardstick,) = select(["calendar"])
    figures = {"queries": 13, "p95_ms": 500, "rps": 10, **cpu(30.0, 30.0)}
    verdicts = report.judge(yardstick, figures, 1000, BUDGETS)
    assert {name: v["pass"] for name, v in verdicts.items()} == {"queries": False}


def test_the_yardstick_is_measured_whichever_pages_are_asked_for():
    assert [page.key for page in select(["search"])] == ["search", "calendar"]


def test_strict_mode_exits_non_zero_on_a_failed_budget_and_plain_mode_does_not():
    slow = report.judge(
        LIST_PAGE, {"queries": 6, "p95_ms": 80, "rps": 300, **cpu(9.0, 5.0)}, 1000, BUDGETS
    )
    fast = report.judge(
        LIST_PAGE, {"queries": 6, "p95_ms": 80, "rps": 300, **cpu(6.0, 5.0)}, 1000, BUDGETS
    )
    failed = report.failed_budgets([{"key": "mentors", "verdicts": slow}])
    assert failed == ["mentors: cpu"]
    assert report.exit_status([], failed, strict=True) == 1
    assert report.exit_status([], failed, strict=False) == 0
    assert (
        report.exit_status(
            [], report.failed_budgets([{"key": "mentors", "verdicts": fast}]), strict=True
        )
        == 0
    )
    assert report.exit_status(["mentors: statuses {'500': 1}"], [], strict=False) == 1


def test_sweep_budget_and_list_of_failures():
    rows = [
        {
            "key": "search",
            "verdicts": report.judge(
                LIST_PAGE, {"queries": 3, "p95_ms": 250, "rps": 900, **cpu(5, 5)}, 1000, BUDGETS
            ),
        }
    ]
    sweep = {"verdict": report.judge_sweep(61.0, BUDGETS)}
    assert report.judge_sweep(60.0, BUDGETS)["pass"]
    assert report.failed_budgets(rows, sweep) == ["search: p95", "sweep: seconds"]


def test_sweep_line_gives_both_passes_and_the_verdict():
    sweep = {
        "mentorships": 100_000,
        "seconds": 61.0,
        "passes": [{"seconds": 61.0}, {"seconds": 1.5}],
        "verdict": report.judge_sweep(61.0, BUDGETS),
    }
    line = report.format_sweep(sweep)
    assert "100,000" in line and "61.0 s" in line and "FAIL" in line and "1.5 s" in line
    assert report.format_sweep(None).endswith("not run (BENCH_SWEEP=0).")


def row(label, rps, p95, queries, verdicts):
    return {
        "label": label,
        "rps": rps,
        "p50_ms": 5,
        "p95_ms": p95,
        "p99_ms": 9,
        "queries": queries,
        "ratio": rps / 1000,
        "verdicts": verdicts,
    }


def test_table_aligns_numbers_and_marks_failures():
    verdicts = report.judge(
        LIST_PAGE, {"queries": 9, "p95_ms": 180, "rps": 200, **cpu(9, 4)}, 1000, BUDGETS
    )
    table = report.format_table(
        [row("Trivial view", 1000, 2, 0, {}), row("Directory", 200, 180.04, 9, verdicts)], BUDGETS
    )
    header, rule, trivial, directory = table.splitlines()
    assert header.split()[:3] == ["page", "rps", "p50"]
    assert len(rule) == len(header)
    assert trivial.index("1,000.0") + len("1,000.0") == directory.index("200.0") + len("200.0")
    assert "FAIL (100 ms)" in directory and "20%" in directory
    assert directory.split()[-2:] == ["FAIL", "FAIL"]  # under 25% of home, over 12 ms of CPU
    assert trivial.split()[-4:] == ["-", "-", "-", "-"]


def test_a_host_that_changed_speed_during_the_run_is_called_out():
    assert report.ceiling_drift([3000.0, 2800.0]) == ""
    assert report.ceiling_drift([3000.0]) == ""
    warning = report.ceiling_drift([2631.8, 934.6])
    assert "2,632 requests/s before the pages and 935 after" in warning
    assert "changed by 64%" in warning


def test_generated_part_of_performance_md_is_replaced_and_the_rest_kept():
    first = report.replace_generated(
        "# Performance\n\nHow to run.\n", f"{report.BEGIN_MARK}\nold\n{report.END_MARK}"
    )
    assert first.startswith("# Performance\n\nHow to run.\n\n")
    second = report.replace_generated(
        first + "\nAfter.\n", f"{report.BEGIN_MARK}\nnew\n{report.END_MARK}"
    )
    assert "new" in second and "old" not in second
    assert second.endswith("\nAfter.\n")


def test_sweep_output_is_read_pass_by_pass():
    output = """Built 1,000 active mentorships in 0.4 s
First pass: everything due is sent.
sweep                           sent  queries  seconds
quiet relationships              104       12      0.3
periodic reassessments           201       15      0.2
first-meeting fit checks           0        1      0.0
all three                                          0.5
Second pass, as the next beat tick: nothing new to send.
sweep                           sent  queries  seconds
quiet relationships                0        2      0.1
periodic reassessments             0        2      0.1
first-meeting fit checks           0        1      0.0
unanswered messages                0        3      0.1
all sweeps                                         0.3
Rolled back: nothing kept."""
    passes = parse_sweep_output(output)["passes"]
    # The first pass from a report written before the message sweeps ("all three").
    assert [p["seconds"] for p in passes] == [0.5, 0.3]
    assert passes[1]["sweeps"][3]["sweep"] == "unanswered messages"
    assert passes[0]["sweeps"][1] == {
        "sweep": "periodic reassessments",
        "sent": 201,
        "queries": 15,
        "seconds": 0.2,
    }


def test_settings_come_from_the_environment_with_make_bench_defaults():
    assert Config.from_env({}).database_url.endswith("/mentoring_scale")
    config = Config.from_env(
        {"BENCH_DURATION": "2", "BENCH_SWEEP": "0", "BENCH_PAGES": "search,signin"}
    )
    assert (config.duration, config.sweep, config.concurrency) == (2.0, False, 8)
    assert [page.key for page in select(config.pages)] == ["search", "signin", "calendar"]
    with pytest.raises(ValueError, match="unknown page"):
        select(["nope"])


def test_the_server_is_sync_workers_one_more_than_the_cores_unless_told_otherwise():
    assert gunicorn_arguments(Config.from_env({})) == [
        "mentoring.wsgi:application",
        "--worker-class=sync",
        f"--workers={os.cpu_count()}",
    ]
    threaded = Config.from_env(
        {"BENCH_WORKER_CLASS": "gthread", "BENCH_WORKERS": "4", "BENCH_THREADS": "2"}
    )
    assert gunicorn_arguments(threaded)[1:] == [
        "--worker-class=gthread",
        "--workers=4",
        "--threads=2",
        "--keep-alive=5",
    ]


def test_every_key_page_has_a_persona_or_is_anonymous_and_the_trivial_view_is_apart():
    assert TRIVIAL not in PAGES
    assert all(
        page.persona in (None, "student", "faculty", "coordinator", "staff", "pair", "thread")
        for page in PAGES
    )
    assert {page.p95_budget_ms for page in PAGES} == {100, 300, None}


def test_the_default_directory_its_deep_page_and_every_sort_order_are_key_pages():
    from mentoring.matching.directory import SORTS

    measured = [page.path for page in PAGES if page.is_key_page]
    assert "/mentors/" in measured and "/mentors/?page=200" in measured
    for value, _ in SORTS:
        assert value == "" or f"/mentors/?sort={value}" in measured
    assert all(page.p95_budget_ms == 100 for page in PAGES if page.path.startswith("/mentors/"))


@pytest.mark.postgres
@pytest.mark.redis
def test_a_short_run_against_the_demo_school(tmp_path):
    env = {
        **os.environ,
        "BENCH_DATABASE_URL": database_url("mentoring_benchtest"),
        "BENCH_REDIS_URL": settings.REDIS_URL,
        "BENCH_USERS": "demo",
        "BENCH_SEED": "demo",
        "BENCH_PAGES": "directory,inbox,signin",
        "BENCH_WARMUP": "0.3",
        "BENCH_DURATION": "0.5",
        "BENCH_SWEEP_MENTORSHIPS": "200",
        "BENCH_OUTPUT_DIR": str(tmp_path),
        "BENCH_WRITE_DOC": "0",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bench.run"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads((tmp_path / "latest.json").read_text())
    assert [r["key"] for r in result["rows"]] == [
        "trivial",
        "directory",
        "inbox",
        "signin",
        "calendar",
    ]
    assert all(r["requests"] > 0 and r["non_200"] == 0 for r in result["rows"])
    assert 0 < result["rows"][1]["queries"] <= 30
    assert result["sweep"]["passes"] and "Directory" in done.stdout
    assert result["machine"]["python_speed_ms"] > 0
    section = report.generated_section(result, BUDGETS)
    assert f"Host speed: {result['machine']['python_speed_ms']:g} ms" in section
    assert "`gunicorn mentoring.wsgi:application --worker-class=sync --workers=" in section


def test_the_harness_knows_seed_scales_addresses():
    from mentoring.scale import vocabulary

    assert data.SCALE_EMAIL_DOMAIN == vocabulary.EMAIL_DOMAIN


@pytest.mark.postgres
def test_a_fresh_checkout_seeds_the_scale_data_again_to_know_whom_to_sign_in_as(tmp_path):
    url = database_url("mentoring_benchreseed")
    # From nothing, whatever an earlier run left (this one leaves an outsider's account).
    data.run_statement(
        database_url("postgres"), "DROP DATABASE IF EXISTS mentoring_benchreseed", autocommit=True
    )
    sign_ins = tmp_path / "scale_users.json"
    config = Config.from_env(
        {"BENCH_DATABASE_URL": url, "BENCH_USERS": str(sign_ins), "BENCH_SEED_SCALE": "0.002"}
    )
    env = app_env(config)
    data.ensure_database(config, env)
    first = json.loads(sign_ins.read_text())
    # Another checkout seeded the database; this one has no var/scale_users.json.
    sign_ins.unlink()
    data.ensure_database(config, env)
    assert json.loads(sign_ins.read_text()) == first
    assert data.count_users(url)[1] == 0

    # A database holding anyone seed_scale did not make is never emptied.
    data.run_statement(
        url,
        "INSERT INTO accounts_user (password, is_superuser, email, display_name, time_zone,"
        " is_active, is_staff, date_joined) VALUES ('', false, 'dean@med.example.edu',"
        " 'Dean', '', true, false, now())",
        autocommit=True,
    )
    before = data.count_users(url)
    assert before[1] == 1
    sign_ins.unlink()
    with pytest.raises(SetupError, match="1 users that seed_scale did not make"):
        data.ensure_database(config, env)
    assert data.count_users(url) == before
    assert not sign_ins.exists()
