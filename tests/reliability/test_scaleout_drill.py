"""`make drill-scaleout` at a small size: ten users for 45 s through nginx in front of two
gunicorn instances, with two workers and one beat, every fault compressed into it.

Holds the drill to running whole, injecting every fault, reporting every figure and leaving
nothing running, and the product to keeping every promise at this size."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from drills.services import group_members
from tests.deploy.conftest import program
from tests.reliability.test_soak_drill import listening
from tests.test_bench_harness import database_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.postgres
@pytest.mark.redis
def test_a_short_scaleout_drill_keeps_every_promise(tmp_path):
    for name in ("redis-server", "nginx", "openssl"):
        program(name)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "drills.scaleout",
            "--users=10",
            "--seconds=45",
            "--outage-seconds=3",
            "--quiet-pairs=1100",
            "--drain-seconds=150",
            f"--database-url={database_url('mentoring_scaleouttest')}",
            f"--output-dir={tmp_path}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode in (0, 1), done.stderr[-3000:]
    result = json.loads((tmp_path / "scaleout.json").read_text())

    assert result["signed_in"] == 10
    assert result["drill_problems"] == []
    assert result["requests"] > 100
    faults = " | ".join(event["what"] for event in result["faults"])
    for fault in (
        "killed gunicorn master",
        "stopped with SIGTERM",
        "killed worker",
        "stopped Redis",
        "started Redis again",
    ):
        assert fault in faults
    # The worker died in the middle of the sweep: some reminders written, not all (1,100
    # quiet pairs are two batches of the sweep).
    sweep = result["reminder_sweep"]
    assert sweep["killed_mid_sweep"], sweep
    assert 0 < sweep["written_when_the_worker_was_killed"] < sweep["owed"] == sweep["written"]
    # Asking, declining, accepting (a mentorship begins), logging a meeting in it, answering
    # a reassessment the product's sweep prompted (its notice e-mailed once like the rest).
    assert set(result["writes"]["by_action"]) == {"ask", "decline", "accept", "log", "reassess"}
    reassessments = result["reassessments"]
    assert 0 < reassessments["answered"] <= reassessments["waiting_at_the_start"]
    assert result["emails"]["received"] >= sweep["owed"]
    recovery = result["recovery_seconds"]
    assert all(seconds is not None for seconds in recovery.values()), recovery
    assert recovery["web_instance_killed_to_serving"] < 30
    assert result["promises"] == dict.fromkeys(result["promises"], True), done.stdout[-3000:]
    assert done.returncode == 0
    assert "PASS  every notification e-mailed, none twice but in flight" in done.stdout
    # Nothing the drill started is left: nginx, gunicorn, Celery, Redis, the SMTP server.
    settings = result["settings"]
    for port in (*settings["ports"]["web"], settings["ports"]["nginx"], settings["ports"]["redis"]):
        assert not listening(port)
    for group in settings["process_groups"]:
        assert group_members(group) == []
