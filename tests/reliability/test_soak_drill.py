"""`make drill-soak` at a small size: ten users for a minute, the three faults compressed into it.

Holds the drill to running whole, injecting every fault, reporting every figure and leaving
nothing running, and the product to keeping every promise at this size; `make drill` runs
the full size (50 users, five minutes, a 60 s Redis outage)."""

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from drills.services import group_members
from tests.test_bench_harness import database_url

ROOT = Path(__file__).resolve().parents[2]


def listening(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.postgres
@pytest.mark.redis
def test_a_short_soak_injects_the_faults_and_reports_the_figures(tmp_path):
    if not shutil.which("redis-server"):
        pytest.skip("needs the redis-server program")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "drills.soak",
            "--users=10",
            "--seconds=60",
            "--outage-seconds=10",
            "--drain-seconds=60",
            "--sweep-seconds=10",
            "--think-seconds=2",
            f"--database-url={database_url('mentoring_drilltest')}",
            f"--output-dir={tmp_path}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr[-3000:]
    result = json.loads((tmp_path / "soak.json").read_text())

    assert result["signed_in"] == 10
    assert result["drill_problems"] == []
    assert result["requests"] > 100
    faults = " | ".join(event["what"] for event in result["faults"])
    for fault in ("killed gunicorn worker", "killed the Celery worker", "stopped Redis"):
        assert fault in faults
    # gunicorn replaced the worker the drill killed.
    assert result["processes"]["web"]["workers_after_kill"] == 3
    assert result["processes"]["web"]["alive_at_end"]
    start, end = result["outage_window_s"]
    assert 9 <= end - start <= 15
    assert result["during_outage"]["requests"] > 0
    # Both kinds of write happened, and what they wrote is in the database: it is written in
    # the request's transaction, so no fault can lose it once the app answered.
    assert set(result["writes"]["by_action"]) == {"ask", "decline"}
    assert result["writes"]["found"] == result["writes"]["acknowledged"] > 0
    assert result["notifications"]["rows"] >= result["writes"]["acknowledged"]
    assert result["emails"]["received"] > 0
    assert set(result["promises"]) == {
        "zero 5xx",
        "no request over 2 s during the outage",
        "every acknowledged write in the database",
        "every notification e-mailed exactly once",
        "worker alive or restarted",
    }
    # Every promise holds (issue 23): no 5xx and no slow request while Redis is down, nothing
    # lost, every e-mail once, the worker back after it was killed.
    assert result["promises"] == dict.fromkeys(result["promises"], True), done.stdout[-3000:]
    assert done.returncode == 0
    assert "PASS  every acknowledged write in the database" in done.stdout
    # Nothing the drill started is left: gunicorn, the SMTP server, the private Redis, and
    # the Celery processes (a killed worker's pool too).
    for port in result["settings"]["ports"].values():
        assert not listening(port)
    for group in result["settings"]["celery_process_groups"]:
        assert group_members(group) == []
