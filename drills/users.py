"""Simulated users: each a thread with its own cookies and its own loopback address (so that
allauth's per-address sign-in limit counts people, not the drill), signing in through the
real form, then reading pages and making writes that notify someone.

Every request is recorded (start, label, status, latency); every write the app acknowledged
(a redirect after the POST) is recorded with what must then be in the database."""

import html.parser
import http.client
import itertools
import random
import re
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

REQUEST_TIMEOUT = 30
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REQUEST_LINK = re.compile(r'href="/requests/(\d+)/"')
REQUEST_PATH = re.compile(r"^/requests/(\d+)/$")
MENTORSHIP_PATH = re.compile(r"^/mentorships/(\d+)/$")
WAITING_PROMPT = re.compile(
    r'href="/reassessments/(\d+)/">[^<]*</a>\s*<span class="muted">· waiting'
)


@dataclass
class Hit:
    started: float  # time.monotonic() at the start; the drill makes it relative to the load
    method: str
    label: str
    status: int  # 0 when no answer came (connection refused or reset, timeout)
    seconds: float
    error: str = ""


@dataclass
class Write:
    """A write the app acknowledged, and what it promises: the request row and the
    notification (kind, recipient) that must exist for request `request_id`."""

    action: str
    request_id: int
    mentee: str
    mentor: str
    status: str  # the request's status the write leaves
    notification_kind: str
    notified: str
    message: str = ""
    mentorship_id: int = 0  # accept: the mentorship it started; log: the meeting's
    reassessment_id: int = 0  # reassess: the prompt answered (by `mentor`, in `message`)


@dataclass
class Person:
    email: str
    password: str
    role: str  # student, mentor or coordinator
    address: str  # the loopback address the person's requests come from


@dataclass
class School:
    """What the simulated users need to know of the database."""

    mentor_profiles: dict  # mentor e-mail -> MentorProfile pk
    clerkships: list = field(default_factory=list)  # the coordinator's clerkship pks
    reassessments: int = 0  # open prompts of the people who sign in: they answer them


class Recorder:
    def __init__(self):
        self.hits, self.writes, self.problems = [], [], []
        self.lock = threading.Lock()

    def hit(self, hit):
        with self.lock:
            self.hits.append(hit)

    def write(self, write):
        with self.lock:
            self.writes.append(write)

    def problem(self, text):
        with self.lock:
            self.problems.append(text)


class FormFields(html.parser.HTMLParser):
    """The fields of the page's POST form to `action` (or to the page itself) with the values
    the page filled in: what a browser sends when the person changes nothing."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields = action, False, []
        self.choices = {}  # radio buttons' name -> values, whether ticked or not
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            posts = (a.get("method") or "").lower() == "post"
            self.inside = posts and a.get("action") in (None, "", self.action)
        elif not self.inside or not a.get("name", tag == "option"):
            return
        elif tag == "input" and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") == "radio":
                self.choices.setdefault(a["name"], []).append(a.get("value") or "")
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "select":
            self.select = {"name": a["name"], "chosen": [], "first": None}
        elif tag == "option" and self.select is not None:
            value = a.get("value") or ""
            self.select["first"] = value if self.select["first"] is None else self.select["first"]
            if "selected" in a:
                self.select["chosen"].append(value)
        elif tag == "textarea":
            self.textarea = [a["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            chosen = self.select["chosen"] or [self.select["first"] or ""]
            self.fields += [(self.select["name"], value) for value in chosen]
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None


class Browser:
    """One person's HTTP client: cookies kept, redirects not followed; HTTPS when given an
    ssl context (the scale-out drill's nginx)."""

    def __init__(self, port, address, recorder, tls=None):
        self.port, self.address, self.recorder, self.tls = port, address, recorder, tls
        self.cookies = {}

    def request(self, method, path, label, form=None):
        body, headers = None, {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            from urllib.parse import urlencode

            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            if self.tls is not None:
                # As a browser sends it: over HTTPS, Django's CSRF check wants the origin.
                headers["Origin"] = f"https://127.0.0.1:{self.port}"
        started = time.monotonic()
        status, location, text, error = 0, None, "", ""
        options = {"timeout": REQUEST_TIMEOUT, "source_address": (self.address, 0)}
        if self.tls is None:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, **options)
        else:
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.port, context=self.tls, **options
            )
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            status, location = response.status, response.getheader("Location")
            for header in response.headers.get_all("Set-Cookie") or []:
                self.keep_cookie(header)
        except (OSError, http.client.HTTPException) as failure:
            error = type(failure).__name__
        finally:
            connection.close()
        seconds = time.monotonic() - started
        self.recorder.hit(Hit(started, method, label, status, seconds, error))
        return status, location, text

    def keep_cookie(self, header):
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            if morsel["max-age"] == "0" or not morsel.value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = morsel.value

    def submit(self, path, label, changes, choose=None):
        """GET the form at `path`, then POST what it holds with `changes` (and what
        `choose` picks given the radio buttons' choices); None if it did not load."""
        status, _, page = self.request("GET", path, f"{label} form")
        if status != 200:
            return None
        parser = FormFields(path)
        parser.feed(page)
        changes = {**(choose(parser.choices) if choose else {}), **changes}
        kept = [(k, v) for k, v in parser.fields if k not in changes]
        return self.request("POST", path, label, kept + list(changes.items()))

    def post_form(self, form_path, post_path, label, fields):
        """GET the form (for its CSRF token), then POST it; None if the form did not load."""
        status, _, page = self.request("GET", form_path, f"{label} form")
        token = CSRF_INPUT.search(page) if status == 200 else None
        if token is None:
            return None
        return self.request(
            "POST", post_path, label, {"csrfmiddlewaretoken": token.group(1), **fields}
        )


def sign_in(browser, person):
    status, _, _ = browser.post_form(
        "/accounts/login/",
        "/accounts/login/",
        "sign in",
        {"login": person.email, "password": person.password},
    ) or (0, None, "")
    return status == 302 and "sessionid" in browser.cookies


class SimulatedUser(threading.Thread):
    """Signs in, says it is ready, and once `go` is set acts until `stop_at` (which the
    drill sets before `go`), pausing about `think` seconds between steps."""

    def __init__(
        self, person, port, school, recorder, go, think=5.0, seed=0, tls=None, accepts=False
    ):
        """accepts: mentors accept half the requests they answer (else decline them all)
        and log meetings in the mentorships they started."""
        super().__init__(name=f"user {person.email}", daemon=True)
        self.accepts, self.mentorships = accepts, []
        self.person, self.school, self.recorder = person, school, recorder
        self.browser = Browser(port, person.address, recorder, tls)
        self.go, self.ready, self.stop_at = go, threading.Event(), None
        self.think = (0.5 * think, 1.5 * think)
        self.random = random.Random(seed)
        self.serial = itertools.count(1)
        self.signed_in = False
        self.reassessing = bool(school.reassessments)  # until none is left waiting

    def run(self):
        for _ in range(5):  # a sign-in lost to an overloaded server is tried again
            self.signed_in = sign_in(self.browser, self.person)
            if self.signed_in:
                break
            time.sleep(2)
        self.ready.set()
        if not self.signed_in:
            self.recorder.problem(f"{self.person.email} could not sign in")
            return
        self.go.wait()
        step = {"student": self.student_step, "mentor": self.mentor_step}.get(
            self.person.role, self.coordinator_step
        )
        while time.monotonic() < self.stop_at:
            try:
                step()
            except Exception as error:  # a bug in the drill must not end the person's run
                self.recorder.problem(f"{self.person.email}: {type(error).__name__}: {error}")
            time.sleep(self.random.uniform(*self.think))

    def get(self, path, label):
        return self.browser.request("GET", path, label)

    def student_step(self):
        if self.reassessing and self.random.random() < 0.12:
            self.answer_reassessment()
            return
        mentors = self.school.mentor_profiles
        mentor_email = self.random.choice(sorted(mentors))
        profile_pk = mentors[mentor_email]
        choice = self.random.random()
        if choice < 0.15:
            self.get("/home/", "home")
        elif choice < 0.30:
            self.get("/mentors/", "directory")
        elif choice < 0.45:
            self.get(f"/mentors/{profile_pk}/", "mentor page")
        elif choice < 0.60:
            self.get("/notifications/", "inbox")
        elif choice < 0.70:
            self.get("/requests/", "requests")
        else:
            self.ask(mentor_email, profile_pk)

    def ask(self, mentor_email, profile_pk):
        message = f"Drill request {self.person.email} #{next(self.serial)}: help with research?"
        path = f"/requests/ask/{profile_pk}/"
        answer = self.browser.post_form(path, path, "ask", {"message": message})
        if answer is None:
            return
        status, location, _ = answer
        found = REQUEST_PATH.match(location or "")
        if status == 302 and found:
            self.recorder.write(
                Write(
                    "ask",
                    int(found.group(1)),
                    self.person.email,
                    mentor_email,
                    "pending",
                    "request.new",
                    mentor_email,
                    message,
                )
            )

    def mentor_step(self):
        if self.reassessing and self.random.random() < 0.12:
            self.answer_reassessment()
            return
        choice = self.random.random()
        if self.mentorships and choice < 0.15:
            self.log_meeting(self.random.choice(self.mentorships))
        elif choice < 0.15:
            self.get("/home/", "home")
        elif choice < 0.30:
            self.get("/notifications/", "inbox")
        elif choice < 0.40:
            self.get("/mentors/", "directory")
        else:
            self.answer_one()

    def answer_one(self):
        status, _, page = self.get("/requests/", "requests")
        if status != 200:
            return
        waiting = page.split("Waiting for their answer", 1)[0]
        pending = REQUEST_LINK.findall(waiting)
        if not pending:
            return
        pk = int(self.random.choice(pending))
        self.get(f"/requests/{pk}/", "request")
        if self.accepts and self.random.random() < 0.5:
            self.accept(pk)
            return
        message = f"Drill decline by {self.person.email} #{next(self.serial)}"
        path = f"/requests/{pk}/decline/"
        answer = self.browser.post_form(path, path, "decline", {"message": message})
        if answer is None:
            return
        status, location, _ = answer
        if status != 302 or location != f"/requests/{pk}/":
            return
        # The view redirects there on a refusal too ("declined already"); the page says which.
        # Only this mentor answers their requests, so a refusal would be the drill's bug.
        _, _, page = self.get(location, "request")
        if not re.search(r"This was [a-z ]+ already", page):
            self.recorder.write(
                Write("decline", pk, "", self.person.email, "declined", "request.declined", "")
            )

    def accept(self, pk):
        answer = self.browser.submit(f"/requests/{pk}/accept/", "accept", {})
        found = answer and answer[0] == 302 and MENTORSHIP_PATH.match(answer[1] or "")
        if found:
            mentorship = int(found.group(1))
            self.mentorships.append(mentorship)
            self.recorder.write(
                Write(
                    "accept",
                    pk,
                    "",
                    self.person.email,
                    "accepted",
                    "request.accepted",
                    "",
                    mentorship_id=mentorship,
                )
            )

    def log_meeting(self, mentorship):
        note = f"Drill meeting logged by {self.person.email} #{next(self.serial)}"
        path = f"/mentorships/{mentorship}/log/"
        answer = self.browser.submit(path, "log meeting", {"shared_notes": note})
        if answer and answer[0] == 302:
            self.recorder.write(
                Write("log", 0, "", self.person.email, "", "meeting.logged", "", note, mentorship)
            )

    def answer_reassessment(self):
        """Open the list, answer one prompt waiting there: every question, a word of one's
        own in "what is going well"."""
        status, _, page = self.get("/reassessments/", "reassessments")
        if status != 200:
            return
        waiting = WAITING_PROMPT.findall(page)
        if not waiting:
            self.reassessing = False
            return
        pk = int(self.random.choice(waiting))
        path = f"/reassessments/{pk}/"
        words = f"Drill reassessment by {self.person.email} #{next(self.serial)}"
        answer = self.browser.submit(
            path,
            "answer reassessment",
            {"going_well": words},
            lambda choices: {name: self.random.choice(v) for name, v in choices.items()},
        )
        if not answer or answer[0] != 302 or answer[1] != path:
            return
        # A refusal redirects there too ("already in"); the page says which. Only this person
        # answers their prompts, so a refusal would be the drill's bug.
        _, _, page = self.get(path, "reassessment")
        if "Your answers are saved" in page:
            self.recorder.write(
                Write(
                    "reassess",
                    0,
                    "",
                    self.person.email,
                    "",
                    "reassessment.due",
                    "",
                    words,
                    reassessment_id=pk,
                )
            )

    def coordinator_step(self):
        choice = self.random.random()
        if choice < 0.2:
            self.get("/home/", "home")
        elif choice < 0.4:
            self.get("/notifications/", "inbox")
        elif choice < 0.6 or not self.school.clerkships:
            self.get("/dashboards/", "dashboards")
        else:
            pk = self.random.choice(self.school.clerkships)
            self.get(f"/dashboards/clerkships/{pk}/", "clerkship dashboard")
