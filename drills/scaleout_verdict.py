"""The scale-out drill's figures and promises, from what the users recorded, the moments of
each fault, what the database holds and what the SMTP server received. Pure functions."""

from collections import Counter

from drills.verdict import latency, mail_figures


def failed(hit):
    return hit.status == 0 or hit.status >= 500


def in_flight(hit, moment):
    return moment is not None and hit.started <= moment <= hit.started + hit.seconds


def describe(hit):
    what = hit.error or hit.status
    return f"{hit.method} {hit.label} at {hit.started:.1f} s: {what} ({hit.seconds:.1f} s)"


def seconds_between(marks, start, end):
    if start in marks and end in marks:
        return round(marks[end] - marks[start], 1)
    return None


def figures(hits, marks, writes, missing_writes, expected, received, by_status, extra):
    load = [h for h in hits if h.started >= 0]
    failures = [h for h in load if failed(h)]
    kill = marks.get("web_kill")
    at_kill = [h for h in failures if in_flight(h, kill)]
    otherwise = [h for h in failures if not in_flight(h, kill)]
    back = marks.get("web_back")
    outage = (marks.get("redis_stop"), marks.get("redis_start"))
    during_outage = [
        h for h in load if None not in outage and h.started <= outage[1] and h.started >= outage[0]
    ]
    stops = extra.get("graceful_stops", {})
    result = {
        "requests": len(hits),
        "statuses": dict(sorted(Counter(str(h.status) for h in hits).items())),
        "load": latency(load),
        "sign_in_phase": latency([h for h in hits if h.started < 0]),
        "failed_requests": {
            "in_flight_on_the_killed_instance": len(at_kill),
            "other": len(otherwise),
            "after_the_instance_came_back": sum(
                back is not None and h.started > back for h in failures
            ),
            "which": [describe(h) for h in failures][:20],
        },
        "in_flight_at_the_kill": sum(in_flight(h, kill) for h in load),
        "during_redis_outage": latency(during_outage),
        "writes": {
            "acknowledged": len(writes),
            "by_action": dict(Counter(w.action for w in writes)),
            "found": len(writes) - len(missing_writes),
            "lost": len(missing_writes),
            "missing": missing_writes[:20],
        },
        "notifications": {"rows": sum(by_status.values()), "by_status": dict(by_status)},
        "emails": {
            **mail_figures(expected, received),
            "sent_twice_in_flight_at_the_kill": extra.get("sent_twice_in_flight_at_the_kill", 0),
            "sent_twice_which": extra.get("sent_twice", []),
        },
        "reminder_sweep": {
            "owed": extra.get("quiet_reminders_owed"),
            "written_when_the_worker_was_killed": extra.get("reminders_at_kill"),
            "killed_mid_sweep": extra.get("killed_mid_sweep"),
            "written": extra.get("quiet_reminders_written"),
        },
        "reassessments": {
            "waiting_at_the_start": extra.get("reassessments_waiting"),
            "answered": sum(w.action == "reassess" for w in writes),
        },
        "recovery_seconds": {
            "web_instance_killed_to_serving": seconds_between(marks, "web_kill", "web_back"),
            "web_instance_graceful_restart": seconds_between(
                marks, "web_restart", "web_restart_back"
            ),
            "worker_killed_to_sweep_done": seconds_between(marks, "worker_kill", "sweep_done"),
            "redis_back_to_workers_answering": seconds_between(
                marks, "redis_start", "workers_answer"
            ),
        },
        "rolling_restart_stop": extra.get("rolling_restart_stop"),
        # Started again by the drill as systemd would; not a promise broken, but reported.
        "died_by_themselves": extra.get("died_unprompted", []),
        "graceful_stops": stops,
    }
    result["promises"] = promises(result)
    return result


def promises(result):
    failures, mail = result["failed_requests"], result["emails"]
    sweep, stops = result["reminder_sweep"], result["graceful_stops"]
    rolling = result["rolling_restart_stop"] or {}
    return {
        "failed requests only those in flight on the killed instance": failures["other"] == 0,
        "no failed request once the instance was back": failures["after_the_instance_came_back"]
        == 0,
        "every acknowledged write in the database": result["writes"]["lost"] == 0
        and result["writes"]["acknowledged"] > 0,
        # At most one copy too many per pool process of the killed worker (two), and only of
        # an e-mail the SMTP server accepted in the instant before the SIGKILL.
        "every notification e-mailed, none twice but in flight at the kill": mail["missing"] == 0
        and mail["duplicates"] == mail["sent_twice_in_flight_at_the_kill"] <= 2
        and mail["unexpected"] == 0,
        "the killed sweep's reminders all written, once": sweep["written"] == sweep["owed"],
        "every process stopped by itself on SIGTERM": bool(stops)
        and rolling.get("exit") == 0
        and all(stop["exit"] == 0 for stop in stops.values()),
    }


def format_table(result):
    failures, writes, mail = result["failed_requests"], result["writes"], result["emails"]
    sweep, load, outage = result["reminder_sweep"], result["load"], result["during_redis_outage"]
    lines = [
        f"requests: {result['requests']:,} (load: {load['requests']:,}, p50 {load['p50_ms']} ms,"
        f" p95 {load['p95_ms']} ms); statuses {result['statuses']}",
        f"in flight when the gunicorn master was killed: {result['in_flight_at_the_kill']}",
        f"failed requests: {failures['in_flight_on_the_killed_instance']} in flight on the killed"
        f" instance, {failures['other']} other, {failures['after_the_instance_came_back']} after"
        " it came back",
        *(f"  {line}" for line in failures["which"]),
        f"during the Redis outage: {outage['requests']:,} requests, {outage['5xx']} 5xx,"
        f" max {outage['max_ms']} ms",
        f"writes acknowledged {writes['acknowledged']:,} {writes['by_action']}, in the database"
        f" {writes['found']:,}, lost {writes['lost']}",
        f"reassessments: {result['reassessments']['answered']:,} answered through the form of"
        f" {result['reassessments']['waiting_at_the_start']:,} waiting at the start",
        f"notification rows {result['notifications']['rows']:,}"
        f" {result['notifications']['by_status']}",
        f"e-mails expected {mail['expected']:,}, received {mail['received']:,}: missing"
        f" {mail['missing']}, sent twice {mail['duplicates']} (of which in flight at the worker's"
        f" SIGKILL {mail['sent_twice_in_flight_at_the_kill']}), unexpected {mail['unexpected']}",
        f"reminder sweep: {sweep['written_when_the_worker_was_killed']:,} of {sweep['owed']:,}"
        f" written when its worker was killed; {sweep['written']:,} at the end",
        f"recovery (s): {result['recovery_seconds']}",
        f"died by themselves (started again 2 s later): {result['died_by_themselves'] or 'none'}",
        f"SIGTERM stops: rolling restart {result['rolling_restart_stop']}; at the end"
        f" {result['graceful_stops']}",
        "",
    ]
    for promise, kept in result["promises"].items():
        lines.append(f"{'PASS' if kept else 'FAIL'}  {promise}")
    return "\n".join(lines)
