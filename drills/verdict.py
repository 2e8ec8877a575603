"""The soak's figures and its promises, from what the users recorded, what the database
holds and what the SMTP server received. Pure functions: no Django, no processes."""

from collections import Counter

from bench.loadgen import percentile

SLOW_SECONDS = 2.0


def latency(hits):
    seconds = [h.seconds for h in hits if h.status]
    ms = [s * 1000 for s in seconds]
    return {
        "requests": len(hits),
        "answered": len(seconds),
        "p50_ms": round(percentile(ms, 50), 1) if ms else None,
        "p95_ms": round(percentile(ms, 95), 1) if ms else None,
        "max_ms": round(max(ms), 1) if ms else None,
        "over_2s": sum(s > SLOW_SECONDS for s in seconds),
        "5xx": sum(h.status >= 500 for h in hits),
        "no_answer": sum(h.status == 0 for h in hits),
    }


def by_page(hits):
    pages = {}
    for hit in hits:
        pages.setdefault(f"{hit.method} {hit.label}", []).append(hit)
    return {page: latency(rows) for page, rows in sorted(pages.items())}


def slowest(hits, count=10):
    rows = [
        {"page": h.label, "at_s": round(h.started, 1), "ms": round(h.seconds * 1000)}
        for h in hits
        if h.seconds > SLOW_SECONDS
    ]
    return sorted(rows, key=lambda row: -row["ms"])[:count]


def in_window(hit, window):
    """A request that was in flight at any moment of the outage."""
    start, end = window
    return hit.started <= end and hit.started + hit.seconds >= start


def mail_figures(expected, received):
    """expected and received: Counters of (address, notification id)."""
    keys = set(expected) | set(received)
    return {
        "expected": sum(expected.values()),
        "received": sum(received.values()),
        "delivered_once": sum(min(expected[k], received[k]) for k in keys),
        "missing": sum(max(expected[k] - received[k], 0) for k in keys),
        # More copies of a notification than there are rows for it: sent twice.
        "duplicates": sum(max(received[k] - expected[k], 0) for k in expected),
        "unexpected": sum(received[k] for k in received if k not in expected),
    }


def figures(hits, outage, writes, missing_writes, expected, received, by_status, processes):
    five_xx = Counter(h.label for h in hits if h.status >= 500)
    no_answer = Counter(f"{h.label}: {h.error}" for h in hits if h.status == 0)
    signing_in = [h for h in hits if h.started < 0]
    load = [h for h in hits if h.started >= 0]
    during = [h for h in load if outage and in_window(h, outage)]
    outside = [h for h in load if not (outage and in_window(h, outage))]
    mail = mail_figures(expected, received)
    result = {
        "requests": len(hits),
        "statuses": dict(sorted(Counter(str(h.status) for h in hits).items())),
        "5xx": sum(five_xx.values()),
        "5xx_by_page": dict(five_xx),
        "no_answer": dict(no_answer),
        "outage_window_s": [round(t, 1) for t in outage] if outage else None,
        "sign_in_phase": latency(signing_in),
        "during_outage": latency(during),
        "outside_outage": latency(outside),
        "pages_during_outage": by_page(during),
        "pages_outside_outage": by_page(outside),
        "slowest_during_outage": slowest(during),
        "slowest_outside_outage": slowest(outside),
        "writes": {
            "acknowledged": len(writes),
            "by_action": dict(Counter(w.action for w in writes)),
            "found": len(writes) - len(missing_writes),
            "missing": missing_writes[:20],
        },
        "notifications": {"rows": sum(by_status.values()), "by_status": dict(by_status)},
        "emails": mail,
        "processes": processes,
    }
    result["promises"] = promises(result)
    return result


def promises(result):
    mail = result["emails"]
    return {
        "zero 5xx": result["5xx"] == 0,
        "no request over 2 s during the outage": result["during_outage"]["over_2s"] == 0,
        "every acknowledged write in the database": not result["writes"]["missing"]
        and result["writes"]["found"] == result["writes"]["acknowledged"],
        "every notification e-mailed exactly once": mail["missing"] == 0
        and mail["duplicates"] == 0,
        "worker alive or restarted": result["processes"]["worker"]["alive_at_end"],
    }


def format_table(result):
    def ms(value):
        return "-" if value is None else f"{value:,.0f} ms"

    during, outside = result["during_outage"], result["outside_outage"]
    writes, mail, worker = result["writes"], result["emails"], result["processes"]["worker"]
    lines = [
        f"{'':<34}{'during outage':>16}{'outside it':>16}",
        f"{'requests':<34}{during['requests']:>16,}{outside['requests']:>16,}",
        f"{'p50':<34}{ms(during['p50_ms']):>16}{ms(outside['p50_ms']):>16}",
        f"{'p95':<34}{ms(during['p95_ms']):>16}{ms(outside['p95_ms']):>16}",
        f"{'max':<34}{ms(during['max_ms']):>16}{ms(outside['max_ms']):>16}",
        f"{'over 2 s':<34}{during['over_2s']:>16,}{outside['over_2s']:>16,}",
        f"{'5xx':<34}{during['5xx']:>16,}{outside['5xx']:>16,}",
        f"{'no answer (reset, refused)':<34}{during['no_answer']:>16,}{outside['no_answer']:>16,}",
        "",
        f"requests in all: {result['requests']:,} ({result['sign_in_phase']['requests']:,} while"
        f" signing in first, p95 {ms(result['sign_in_phase']['p95_ms'])}); statuses"
        f" {result['statuses']}",
        f"5xx by page: {result['5xx_by_page'] or 'none'}",
        f"acknowledged writes in the database: {writes['found']:,} / {writes['acknowledged']:,}"
        f" {writes['by_action']}",
        f"notification rows: {result['notifications']['rows']:,}"
        f" {result['notifications']['by_status']}",
        f"e-mails expected {mail['expected']:,}, received {mail['received']:,}: delivered once"
        f" {mail['delivered_once']:,}, missing {mail['missing']:,}, duplicates"
        f" {mail['duplicates']:,}, unexpected {mail['unexpected']:,}",
        f"web: {result['processes']['web']}",
        f"worker: {worker}",
        f"beat: {result['processes']['beat']}",
        "",
    ]
    for promise, kept in result["promises"].items():
        lines.append(f"{'PASS' if kept else 'FAIL'}  {promise}")
    return "\n".join(lines)
