"""Planning the messages each pair exchanged: turns of one side's runs, each answered by the
other after a delay drawn around the time they agreed, with pauses of days between topics;
the last run of every thread waits for its answer. As the send path writes them, a run's
messages share the answered_at of the partner's next message. The benchmark's mentorship
gets a thread of THREAD_LENGTH messages (bench measures its page).

Messages come out as tuples for COPY in the order of MESSAGE_FIELDS; they use their own
generator, so adding them changed none of the other data a seed makes."""

import datetime
import math

from mentoring.mentorships.models import Mentorship
from mentoring.scale import vocabulary as words
from mentoring.scale.draws import Weighted

MESSAGE_FIELDS = ["id", "mentorship", "sender", "recipient", "text", "created_at"]
MESSAGE_FIELDS += ["read_at", "answered_at"]
THREAD_LENGTH = 500
MINUTE = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)
RUN_LENGTHS = Weighted({1: 60, 2: 28, 3: 12})
# An answer's delay as a share of the agreed response time: log-normal around these
# medians (sigma 1), so that mentors answer late about one time in nine, students less.
MEDIAN_SHARE = {"mentor": 0.3, "mentee": 0.2}
SPREAD = 1.0
TOPIC_PAUSE_SHARE = 0.15  # after an answer, the pair falls quiet for days before the next


def allocate(rng, plans, total, thread_id):
    """How many messages each mentorship has: THREAD_LENGTH for the benchmark's, the rest in
    proportion to how long each pair has been together (largest remainders, so that the
    total is exact)."""
    counts = {plan.id: 0 for plan in plans}
    if thread_id is not None:
        counts[thread_id] = min(THREAD_LENGTH, total)
    others = [plan for plan in plans if plan.id != thread_id]
    left = total - sum(counts.values())
    weights = [(plan, _window_days(plan)) for plan in others]
    whole = sum(days for _, days in weights)
    if not whole or not left:
        return counts
    shares = [(plan, days * left / whole) for plan, days in weights]
    for plan, share in shares:
        counts[plan.id] = int(share)
    spare = left - sum(counts[plan.id] for plan in others)
    for plan, _ in sorted(shares, key=lambda ps: ps[1] - int(ps[1]), reverse=True)[:spare]:
        counts[plan.id] += 1
    return counts


def _window_days(plan):
    end = plan.ended_at or plan.last_held_at or plan.started_at + 30 * DAY
    return max((end - plan.started_at) / DAY, 1)


def _window(plan, now):
    """From the start to now (open pairs), or to the pause or the end."""
    end = now if plan.status == Mentorship.Status.ACTIVE else plan.ended_at
    return plan.started_at, min(end or now, now)


def thread_offsets(rng, plan, count):
    """(sender side, offset from the thread's first message) for `count` messages."""
    side = "mentee" if rng.random() < 0.6 else "mentor"
    offsets, at = [], datetime.timedelta(0)
    while len(offsets) < count:
        for k in range(min(RUN_LENGTHS.draw(rng), count - len(offsets))):
            if k:
                at += rng.uniform(2, 40) * MINUTE
            offsets.append((side, at))
        side = "mentor" if side == "mentee" else "mentee"
        share = rng.lognormvariate(math.log(MEDIAN_SHARE[side]), SPREAD)
        at += max(share * plan.response_hours * HOUR, 3 * MINUTE)
        if rng.random() < TOPIC_PAUSE_SHARE:
            at += rng.uniform(2, 14) * DAY
    return offsets


def thread_rows(rng, plan, count, ids, now):
    """The rows of one thread, placed to end a little before its window closes (squeezed
    into the window if it is longer)."""
    if not count:
        return []
    offsets = thread_offsets(rng, plan, count)
    start, end = _window(plan, now)
    span = offsets[-1][1]
    room = end - start - MINUTE
    if span > room:
        scale = room / span
        offsets = [(side, offset * scale) for side, offset in offsets]
        first = start
    else:
        # Open pairs wrote last a day or two ago, some within the hour.
        is_open = plan.status == Mentorship.Status.ACTIVE
        quiet = rng.expovariate(1 / 1.5) * DAY if is_open else datetime.timedelta(0)
        first = max(start, end - span - min(quiet, room - span) - MINUTE)
    people = {"mentor": plan.mentor.user_id, "mentee": plan.mentee.user_id}
    times = [(side, first + offset) for side, offset in offsets]
    rows, run = [], []

    def close_run(answered_at):
        for message_id, side, at in run:
            read = answered_at or _read_by_now(rng, at, now)
            rows.append(
                (
                    message_id,
                    plan.id,
                    people[side],
                    people["mentee" if side == "mentor" else "mentor"],
                    rng.choice(words.MESSAGE_LINES),
                    at,
                    read,
                    answered_at,
                )
            )

    for side, at in times:
        if run and run[-1][1] != side:
            close_run(at)
            run = []
        run.append((ids(), side, at))
    close_run(None)  # the last run waits for its answer
    return rows


def _read_by_now(rng, at, now):
    read = at + rng.uniform(0.1, 20) * HOUR
    return read if read <= now and rng.random() < 0.6 else None


def message_rows(rng, plans, total, thread_id, ids, now):
    counts = allocate(rng, plans, total, thread_id)
    for plan in plans:
        yield from thread_rows(rng, plan, counts[plan.id], ids, now)
