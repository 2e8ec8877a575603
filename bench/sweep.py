"""The reminder-sweep budget: run `manage.py bench_sweeps` and read its report."""

import re
import subprocess
import time

from bench import report
from bench.config import log, manage
from bench.pages import BUDGETS

SWEEP_LINE = re.compile(
    r"^(?P<label>[a-z -]+?)\s+(?P<sent>[\d,]+)\s+(?P<queries>[\d,]+)\s+(?P<seconds>[\d.]+)$"
)
# "all three" in reports written before the message sweeps joined.
TOTAL_LINE = re.compile(r"^all (?:sweeps|three)\s+(?P<seconds>[\d.]+)$")


def parse_sweep_output(text):
    """bench_sweeps' report as {"passes": [{"sweeps": [...], "seconds": total}, ...]}."""
    passes, current = [], []
    for line in text.splitlines():
        line = line.strip()
        if match := TOTAL_LINE.match(line):
            passes.append({"sweeps": current, "seconds": float(match["seconds"])})
            current = []
        elif match := SWEEP_LINE.match(line):
            current.append(
                {
                    "sweep": match["label"],
                    "sent": int(match["sent"].replace(",", "")),
                    "queries": int(match["queries"].replace(",", "")),
                    "seconds": float(match["seconds"]),
                }
            )
    return {"passes": passes}


def run_sweep(config, env):
    log(f"reminder sweeps over {config.sweep_mentorships:,} mentorships (bench_sweeps)")
    started = time.monotonic()
    try:
        done = manage(
            env,
            "bench_sweeps",
            f"--mentorships={config.sweep_mentorships}",
            timeout=1800,
            capture=True,
        )
    except subprocess.CalledProcessError as error:
        return {"error": f"bench_sweeps failed: {error.stderr[-500:]}"}
    except subprocess.TimeoutExpired:
        return {"error": "bench_sweeps took over 30 minutes"}
    parsed = parse_sweep_output(done.stdout)
    if not parsed["passes"]:
        return {"error": f"could not read bench_sweeps' output: {done.stdout[-500:]}"}
    # The budget holds the first pass, where everything due is sent; the second pass (the
    # next beat tick, nothing new) is reported alongside.
    seconds = parsed["passes"][0]["seconds"]
    return {
        "mentorships": config.sweep_mentorships,
        "seconds": seconds,
        "wall_seconds_with_setup": round(time.monotonic() - started, 1),
        "passes": parsed["passes"],
        "output": done.stdout,
        "verdict": report.judge_sweep(seconds, BUDGETS),
    }
