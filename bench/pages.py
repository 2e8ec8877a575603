"""The pages `make bench` measures, who views each, and the budgets they are held to.

A path may name values the orchestrator finds in the database or the users file:
{interest}, {area}, {q}, {mentorship_id}, {thread_mentorship_id}, {clerkship_id}.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    path: str
    # Which signed-in person views it (a key of the users file), None for anonymous;
    # "pair" is whoever mentors the benchmarked mentorship, "thread" whoever mentors the
    # mentorship with the long message thread (seed_scale makes them the same).
    persona: str | None
    p95_budget_ms: float | None
    is_key_page: bool = True


@dataclass(frozen=True)
class Budgets:
    max_queries: int = 12
    # Each key page's throughput as a share of the signed-in yardstick's (YARDSTICK,
    # /calendar/ as the student), measured in the same run. It replaced "40% of the trivial view"
    # (issue 17): a page that reads a session cannot reach that.
    min_ratio: float = 0.25
    # Server CPU per request, gunicorn's processes and PostgreSQL's together.
    max_cpu_ms: float = 12.0
    concurrency: int = 8
    sweep_seconds: float = 60.0
    sweep_mentorships: int = 100_000


BUDGETS = Budgets()

# The framework's ceiling: the whole middleware stack, no query, no template.
TRIVIAL = Page("trivial", "Trivial view", "/healthz/", None, None, is_key_page=False)

LIST_P95_MS = 100  # directory, search, recommendations
DASHBOARD_P95_MS = 300  # pages that summarise a person's or a school's state

# The signed-in yardstick: a page with one small query of its own. It was /home/ until home
# became "what is next" (issue 19), with work of its own to measure as a key page.
YARDSTICK = "calendar"

PAGES = [
    # The default "Find a mentor" page, as most people first see it: no filter, page 1, a
    # deep page, and each order the sort menu offers (best match without a search is the
    # first page itself).
    Page("mentors", "Directory, no filter", "/mentors/", "student", LIST_P95_MS),
    Page("mentors_deep", "Directory, page 200", "/mentors/?page=200", "student", LIST_P95_MS),
    Page("mentors_room", "Directory, most room", "/mentors/?sort=room", "student", LIST_P95_MS),
    Page(
        "mentors_response",
        "Directory, fastest to answer",
        "/mentors/?sort=response",
        "student",
        LIST_P95_MS,
    ),
    Page("mentors_name", "Directory, by name", "/mentors/?sort=name", "student", LIST_P95_MS),
    Page(
        "directory",
        "Directory, filtered",
        "/mentors/?interest={interest}&area={area}&room=on",
        "student",
        LIST_P95_MS,
    ),
    Page("search", "Search", "/mentors/?q={q}", "student", LIST_P95_MS),
    Page("recommendations", "Recommendations", "/mentors/recommended/", "student", LIST_P95_MS),
    Page("inbox", "Faculty inbox", "/requests/", "faculty", DASHBOARD_P95_MS),
    Page(
        "timeline",
        "Mentorship timeline",
        "/mentorships/{mentorship_id}/timeline/",
        "pair",
        DASHBOARD_P95_MS,
    ),
    # The longest thread of messages in the data (500 with seed_scale), as its mentor reads it.
    Page(
        "thread",
        "Message thread, 500 messages",
        "/mentorships/{thread_mentorship_id}/messages/",
        "thread",
        DASHBOARD_P95_MS,
    ),
    Page(
        "clerkship",
        "Coordinator dashboard",
        "/dashboards/clerkships/{clerkship_id}/",
        "coordinator",
        DASHBOARD_P95_MS,
    ),
    Page("school", "School dashboard", "/dashboards/school/", "staff", DASHBOARD_P95_MS),
    # No latency budget is set for it; it is held to the query and throughput budgets.
    Page("signin", "Sign-in page", "/accounts/login/", None, None),
    # Each person's first page: what waits on them, from every app.
    Page("home", "Home: what is next", "/home/", "student", DASHBOARD_P95_MS),
    # Not a key page but a yardstick: what every signed-in page costs before its own work
    # (session, user, navigation, base.html, one indexed read), to read the others'
    # throughput against.
    Page(
        "calendar", "Calendar settings, signed in", "/calendar/", "student", None, is_key_page=False
    ),
]


def select(keys):
    """The pages named in keys (all when empty), in the order of PAGES, and the yardstick
    with them: the key pages' throughput is judged against it."""
    if not keys:
        return list(PAGES)
    unknown = set(keys) - {page.key for page in PAGES}
    if unknown:
        known = ", ".join(page.key for page in PAGES)
        raise ValueError(f"unknown page {', '.join(sorted(unknown))}; pages are {known}")
    return [page for page in PAGES if page.key in keys or page.key == YARDSTICK]
