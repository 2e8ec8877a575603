"""A small closed-loop HTTP/1.1 load generator for loopback, run in its own process.

    python -m bench.loadgen --port 8123 --path /healthz/ --concurrency 8 --warmup 3 --duration 10

Each of `concurrency` keep-alive connections sends one GET, waits for the whole response,
then sends the next. Requests that finish inside the measured window (after the warm-up)
count; the latency of each runs from its first byte sent to its last byte received.
Prints one JSON object on stdout.

Why not threads and http.client: the generator shares the two cores with gunicorn and
PostgreSQL, and http.client costs several times more CPU per request than a bare asyncio
Protocol parsing the few headers we need. The generator reports its own CPU time so that
its share of the machine is visible next to every figure.
"""

import argparse
import asyncio
import json
import math
import os
import resource
import sys
import time
from pathlib import Path

LOOPBACK_PREFIXES = ("127.", "localhost", "::1")
REQUEST_TIMEOUT = 30.0  # seconds; a slower answer counts as an error


def percentile(values, q):
    """The q-th percentile (0-100) of values, interpolating linearly between ranks (the
    method numpy calls "linear"). None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summarise(latencies_ms, statuses, errors, seconds):
    """Figures for one measured window: throughput, latency percentiles, failures."""
    count = len(latencies_ms)
    non_200 = sum(n for status, n in statuses.items() if status != 200)
    return {
        "requests": count,
        "seconds": round(seconds, 3),
        "rps": round(count / seconds, 1) if seconds > 0 else 0.0,
        "p50_ms": _round(percentile(latencies_ms, 50)),
        "p95_ms": _round(percentile(latencies_ms, 95)),
        "p99_ms": _round(percentile(latencies_ms, 99)),
        "mean_ms": _round(sum(latencies_ms) / count if count else None),
        "max_ms": _round(max(latencies_ms) if count else None),
        "statuses": {str(status): n for status, n in sorted(statuses.items())},
        "non_200": non_200,
        "errors": errors,
    }


def _round(value):
    return None if value is None else round(value, 2)


class ResponseParser:
    """Splits a byte stream into HTTP/1.1 responses: Content-Length, chunked, or close."""

    def __init__(self):
        self.buffer = bytearray()

    def feed(self, data):
        self.buffer += data

    def next_response(self, closed=False):
        """(status, keep_alive) for the first complete response in the buffer, removing it;
        None while it is incomplete."""
        head_end = self.buffer.find(b"\r\n\r\n")
        if head_end < 0:
            return None
        head = bytes(self.buffer[:head_end]).decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        headers = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip().lower()
        keep_alive = headers.get("connection") != "close" and head[0].startswith("HTTP/1.1")
        body_start = head_end + 4
        if "content-length" in headers:
            end = body_start + int(headers["content-length"])
            if len(self.buffer) < end:
                return None
        elif headers.get("transfer-encoding") == "chunked":
            end = self._chunked_end(body_start)
            if end is None:
                return None
        elif closed:  # the body runs to the end of the connection
            end, keep_alive = len(self.buffer), False
        else:
            return None
        del self.buffer[:end]
        return status, keep_alive

    def _chunked_end(self, position):
        while True:
            line_end = self.buffer.find(b"\r\n", position)
            if line_end < 0:
                return None
            size = int(bytes(self.buffer[position:line_end]).split(b";")[0], 16)
            if size == 0:
                trailer_end = self.buffer.find(b"\r\n\r\n", line_end)
                return None if trailer_end < 0 else trailer_end + 4
            position = line_end + 2 + size + 2
            if position > len(self.buffer):
                return None


class Connection(asyncio.Protocol):
    def __init__(self):
        self.parser = ResponseParser()
        self.waiter = None
        self.transport = None
        self.lost = asyncio.get_running_loop().create_future()

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.parser.feed(data)
        self._deliver(closed=False)

    def eof_received(self):
        self._deliver(closed=True)
        return False

    def connection_lost(self, exc):
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("connection closed mid-response"))
        if not self.lost.done():
            self.lost.set_result(None)

    def _deliver(self, closed):
        if self.waiter is None or self.waiter.done():
            return
        response = self.parser.next_response(closed=closed)
        if response is not None:
            self.waiter.set_result(response)

    def send(self, request):
        self.waiter = asyncio.get_running_loop().create_future()
        self.transport.write(request)
        return self.waiter


async def client(host, port, request, window, results):
    """One closed loop: send, wait, record, until the window ends."""
    loop = asyncio.get_running_loop()
    start_measuring, stop = window
    connection = None
    while (now := time.perf_counter()) < stop:
        try:
            if connection is None or connection.transport.is_closing():
                _, connection = await asyncio.wait_for(
                    loop.create_connection(Connection, host, port), REQUEST_TIMEOUT
                )
                results["connections"] += 1
            began = time.perf_counter()
            status, keep_alive = await asyncio.wait_for(connection.send(request), REQUEST_TIMEOUT)
            ended = time.perf_counter()
        except (OSError, TimeoutError, ValueError, IndexError) as error:
            if now >= start_measuring:
                results["errors"] += 1
                results["error_kinds"][type(error).__name__] = (
                    results["error_kinds"].get(type(error).__name__, 0) + 1
                )
            if connection is not None and connection.transport is not None:
                connection.transport.abort()
            connection = None
            await asyncio.sleep(0.01)
            continue
        # Completions inside the window count, so throughput has no edge bias.
        if start_measuring <= ended <= stop:
            results["latencies_ms"].append((ended - began) * 1000)
            results["statuses"][status] = results["statuses"].get(status, 0) + 1
        if not keep_alive:
            connection.transport.close()
            connection = None
    if connection is not None:
        connection.transport.close()


def process_cpu_seconds(pid):
    """User plus system CPU seconds a process has used so far (Linux /proc); 0 when gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child_pids(pid):
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def postgres_pids():
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "postgres":
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def cpu_snapshot(server_pid):
    """CPU seconds so far of the server (master and workers) and of every PostgreSQL
    process, by pid, so that the window's share of each can be told apart."""
    app = [server_pid, *child_pids(server_pid)] if server_pid else []
    return {
        "app": {pid: process_cpu_seconds(pid) for pid in app},
        "db": {pid: process_cpu_seconds(pid) for pid in postgres_pids()},
    }


def cpu_used(before, after, part):
    return sum(seconds - before[part].get(pid, 0.0) for pid, seconds in after[part].items())


async def sample_cpu(server_pid, warmup, duration, snapshots):
    await asyncio.sleep(warmup)
    snapshots.append(cpu_snapshot(server_pid))
    await asyncio.sleep(duration)
    snapshots.append(cpu_snapshot(server_pid))


def build_request(host, port, path, cookie="", headers=()):
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: {host}:{port}",
        "User-Agent: mentoring-bench",
        "Accept: text/html,*/*",
        "Accept-Encoding: identity",
        "Connection: keep-alive",
    ]
    if cookie:
        lines.append(f"Cookie: {cookie}")
    lines.extend(headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def drive(host, port, path, cookie, concurrency, warmup, duration, server_pid=None):
    request = build_request(host, port, path, cookie)
    results = {
        "latencies_ms": [],
        "statuses": {},
        "errors": 0,
        "error_kinds": {},
        "connections": 0,
        "cpu": [],
    }
    started = time.perf_counter()
    window = (started + warmup, started + warmup + duration)
    await asyncio.gather(
        sample_cpu(server_pid, warmup, duration, results["cpu"]),
        *(client(host, port, request, window, results) for _ in range(concurrency)),
    )
    return results


def run(host, port, path, cookie="", concurrency=8, warmup=3.0, duration=10.0, server_pid=None):
    if not host.startswith(LOOPBACK_PREFIXES):
        raise SystemExit(f"bench.loadgen only targets loopback addresses, not {host!r}")
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    results = asyncio.run(
        drive(host, port, path, cookie, concurrency, warmup, duration, server_pid)
    )
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    summary = summarise(results["latencies_ms"], results["statuses"], results["errors"], duration)
    summary.update(
        concurrency=concurrency,
        warmup_seconds=warmup,
        connections_opened=results["connections"],
        error_kinds=results["error_kinds"],
        # Share of one core the generator itself used over warm-up and measurement.
        loadgen_cpu_share=round(cpu / (warmup + duration), 3),
    )
    if len(results["cpu"]) == 2 and summary["requests"]:
        # Where the time goes per request: the app's processes against PostgreSQL's.
        before, after = results["cpu"]
        for part in ("app", "db"):
            used = cpu_used(before, after, part)
            summary[f"{part}_cpu_ms_per_request"] = round(used * 1000 / summary["requests"], 2)
            summary[f"{part}_cpu_cores"] = round(used / duration, 2)
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--cookie", default="")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--server-pid", type=int, help="gunicorn's master, to read its CPU time")
    args = parser.parse_args(argv)
    summary = run(
        args.host,
        args.port,
        args.path,
        args.cookie,
        args.concurrency,
        args.warmup,
        args.duration,
        args.server_pid,
    )
    json.dump(summary, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
