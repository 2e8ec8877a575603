"""Every URL, every persona, GET and POST: the answer DESIGN.md's "Who sees what" calls for.

Answers: 200, 403, 404, 405, LOGIN (a redirect to sign-in) or 302 (any other redirect).
Outside your scope is 404, so that existence does not leak; in scope but the wrong side
(a sender answering their own request) is 403. POSTs are sent empty: a form re-renders with
its errors (200), an action redirects (302). Each case starts from the same fresh world (see
the world fixture), so a POST that pauses or withdraws something changes no other answer.
"""

import pytest
from django.db import transaction
from django.urls import NoReverseMatch, URLResolver, get_resolver, reverse
from django.utils import timezone

from accounts.sso_config import providers_from_environment
from mentoring.notifications.preferences import unsubscribe_token
from mentoring.operations.models import Heartbeat
from mentoring.operations.scheduler import SCHEDULER
from mentoring.portfolio.pdf import pdf_available
from tests.security.personas import PERSONAS, build_world

LOGIN = "login"
SIGNED_IN = PERSONAS[1:]


class Bug:
    """The answer DESIGN.md calls for, which the product does not give yet: write a cell as
    Bug(404, "why") and its case becomes a strict xfail until the product is fixed."""

    def __init__(self, expected, reason):
        self.expected, self.reason = expected, reason


def only(default, anonymous=LOGIN, **cells):
    """One answer per persona: `default` for everyone signed in unless named."""
    unknown = set(cells) - set(SIGNED_IN)
    assert not unknown, f"Unknown personas: {unknown}"
    return {"anonymous": anonymous, **{p: cells.get(p, default) for p in SIGNED_IN}}


def page(get, post=None):
    """A page or a form: POST answers as GET does unless given."""
    return {"GET": get, "POST": get if post is None else post}


def action(post):
    """An @require_POST action: GET is 405 for everyone signed in."""
    return {"GET": only(405), "POST": post}


# Pages of the product show a mentorship to its two people only. DESIGN.md lets an in-scope
# coordinator and staff see who, since and cadence: they do so on dashboards and in the admin.
PAIR = only(404, mentee=200, mentor=200)
# DESIGN.md: the mentee, their mentor, faculty with a request between them, an in-scope
# coordinator and staff.
# The coordinator of the mentee's programme too (programmes, issue 20).
MENTEE_PROFILE = only(
    404,
    mentee=200,
    mentor=200,
    asked_mentor=200,
    coordinator=200,
    programme_coordinator=200,
    staff=200,
)
# A request: its two people only. The mentee's own mentor is not a party to it.
REQUEST = only(404, mentee=200, asked_mentor=200)
# A clerkship's pages: its coordinators and staff.
RUNS = only(404, coordinator=200, staff=200)
# A programme's dashboards: its coordinators and staff.
PROGRAMME_RUNS = only(404, programme_coordinator=200, staff=200)
# The roster's pages: staff, and the coordinators of a programme or of one of its clerkships.
ROSTER = only(
    404,
    coordinator=200,
    coordinator_out=200,
    programme_coordinator=200,
    programme_coordinator_out=200,
    staff=200,
)
# A person with a mentor's role: their own portfolio.
MENTOR_PERSONAS = ("mentor", "other_faculty", "asked_mentor")
MENTORS = only(404, **dict.fromkeys(MENTOR_PERSONAS, 200))
# Answering a request: its receiver; the sender is in scope but the wrong side.
ANSWER = only(404, mentee=403, asked_mentor=200)

MATRIX = {
    # Public; a signed-in visitor is sent home.
    "landing": page(only(302, anonymous=200)),
    "home": page(only(200)),
    # The health check: anyone, GET or HEAD only.
    "healthz": page(only(200, anonymous=200), post=only(405, anonymous=405)),
    # Readiness for monitoring: counts only, anyone, GET or HEAD only.
    "readyz": page(only(200, anonymous=200), post=only(405, anonymous=405)),
    "delivery-ready": page(only(200, anonymous=200), post=only(405, anonymous=405)),
    # The test client comes from loopback, which METRICS_ALLOWED_IPS allows by default; any
    # other address, or a request through the proxy, gets 404 (tests/operations/test_metrics.py).
    "metrics": page(only(200, anonymous=200), post=only(405, anonymous=405)),
    # allauth's pages are public by design; it sends a signed-in visitor on.
    "account_login": page(only(302, anonymous=200)),
    "account_signup": page(only(302, anonymous=200)),
    # Staff only; the admin sends everyone else to its own sign-in page, not ours.
    "admin:index": page(only(302, anonymous=302, staff=200)),
    "notifications:inbox": page(only(200)),
    "notifications:open": action(only(404, mentee=302)),
    "notifications:read-all": action(only(302)),
    "notifications:settings": page(only(200)),
    # The signed token is the credential: the same answer signed in or not.
    "notifications:unsubscribe": page(only(200, anonymous=200), post=only(302, anonymous=302)),
    # Mentor profiles and the directory: every signed-in person.
    "matching:directory": page(only(200)),
    "matching:recommendations": page(only(200)),
    "matching:mentor": page(only(200)),
    "matching:mentee": page(MENTEE_PROFILE),
    # One's own profile: 404 for someone without that role.
    "profiles:edit-mentor": page(only(404, mentor=200, other_faculty=200, asked_mentor=200)),
    "profiles:edit-mentee": page(only(404, mentee=200, outsider=200)),
    "profiles:account-settings": page(only(200)),
    # Availability check-ins and contact details (issue 18). The check-in is a mentor's
    # own (404 without the role); contact details are everyone's own, shown to partners.
    "profiles:availability": page(only(404, mentor=200, other_faculty=200, asked_mentor=200)),
    "profiles:contact": page(only(200)),
    # One's own account only; an empty POST re-asks for the e-mail and deletes nothing.
    "records:account-delete": page(only(200)),
    # The goodbye page, seen after signing out.
    "records:account-deleted": page(only(200, anonymous=200)),
    "profiles:add-role": action(only(302)),
    # Verifying faculty (issue 20): the queue is staff's alone, 404 for everyone else (so
    # that it does not say who waits); an empty refusal re-asks for the reason. Asking again
    # after a refusal is a mentor's own (404 without a mentor profile; nothing refused: 302).
    "profiles:verification-queue": page(only(404, staff=200), post=only(405)),
    "profiles:verification-approve": action(only(404, staff=302)),
    "profiles:verification-refuse": page(only(404, staff=200)),
    "profiles:verification-ask-again": action(
        only(404, mentor=302, other_faculty=302, asked_mentor=302)
    ),
    "profiles:suggest-interests": page(only(200)),
    # One's own first-run set-up: every signed-in person has its steps for their roles (the
    # meeting step for all); the start sends to the first step, an empty POST saves and moves on.
    "profiles:setup": page(only(302)),
    "profiles:setup-step": page(only(200), post=only(302)),
    "profiles:setup-finish": action(only(302)),
    "mentorships:requests": page(only(200)),
    "mentorships:request": page(REQUEST),
    "mentorships:accept": page(ANSWER),
    "mentorships:decline": page(ANSWER),
    "matching:refer": page(ANSWER),
    # Withdraw, pause: GET asks for confirmation, POST does it.
    "mentorships:withdraw": page(
        only(404, mentee=200, asked_mentor=403), post=only(404, mentee=302, asked_mentor=403)
    ),
    "mentorships:follow-referral": action(only(404, mentee=302, asked_mentor=403)),
    # Asking needs the mentee role; without it one is sent back to the mentor's page.
    "mentorships:ask": page(only(302, mentee=200, outsider=200)),
    # Inviting the mentee: faculty who may see their profile; others who see it lack the role.
    "mentorships:invite": page(
        only(
            404,
            mentor=200,
            asked_mentor=200,
            mentee=403,
            coordinator=403,
            programme_coordinator=403,
            staff=403,
        )
    ),
    # Recording an existing mentee needs the mentor role; a mentee is sent to the directory
    # to record it from their mentor's page.
    "mentorships:register": page(
        only(403, mentor=200, other_faculty=200, asked_mentor=200, mentee=302, outsider=302)
    ),
    "mentorships:roster": page(only(200)),
    "mentorships:stop-accepting": page(only(200)),
    "mentorships:my-mentors": page(only(200)),
    "mentorships:my-mentees": page(only(200)),
    "mentorships:detail": page(PAIR),
    "mentorships:pause": page(PAIR, post=only(404, mentee=302, mentor=302)),
    "mentorships:resume": action(only(404, mentee=302, mentor=302)),
    "mentorships:close": page(PAIR),
    "mentorships:propose-change": page(PAIR),
    # The change was proposed by the mentor: the mentee answers it, the mentor may not.
    "mentorships:answer-change": action(only(404, mentee=302, mentor=403)),
    # Goals: the mentee's own; the mentor reads one only while it is shared with them, and
    # changing it is the mentee's (403 for the mentor). Lists need the mentee role.
    "goals:list": page(only(404, mentee=200, outsider=200)),
    "goals:create": page(only(404, mentee=200, outsider=200)),
    "goals:detail": page(PAIR),
    "goals:mentorship": page(PAIR),
    "goals:edit": page(only(404, mentee=200, mentor=403)),
    "goals:delete": page(only(404, mentee=200, mentor=403), post=only(404, mentee=302, mentor=403)),
    "goals:move-up": action(only(404, mentee=302, mentor=403)),
    "goals:move-down": action(only(404, mentee=302, mentor=403)),
    # An empty progress POST re-renders the goal page with its errors.
    "goals:progress": action(only(404, mentee=200, mentor=403)),
    # Outcomes: the mentee's own; the mentor reads one tied to their mentorship and confirms
    # it (POST only); changing it is the mentee's (403 for the mentor). Coordinators and
    # staff see counts on the dashboards only. The mentee's list needs the mentee role;
    # everyone signed in has their own (maybe empty) list of mentees' outcomes.
    "outcomes:list": page(only(404, mentee=200, outsider=200), post=only(405)),
    "outcomes:create": page(only(404, mentee=200, outsider=200)),
    "outcomes:mentees": page(only(200), post=only(405)),
    "outcomes:detail": page(PAIR, post=only(405)),
    "outcomes:mentorship": page(PAIR, post=only(405)),
    "outcomes:edit": page(only(404, mentee=200, mentor=403)),
    "outcomes:delete": page(
        only(404, mentee=200, mentor=403), post=only(404, mentee=302, mentor=403)
    ),
    "outcomes:confirm": action(only(404, mentor=302)),
    # Meetings: the pair only; anyone signed in has their own calendar page, and the feed
    # answers to its secret token without sign-in.
    "meetings:list": page(PAIR),
    "meetings:plan": page(PAIR),
    "meetings:log-new": page(PAIR),
    "meetings:quick-log": page(PAIR),
    "meetings:detail": page(PAIR),
    "meetings:edit": page(PAIR),
    "meetings:agenda": page(PAIR),
    "meetings:private-note": page(PAIR),
    "meetings:log": page(PAIR),
    "meetings:cancel": page(PAIR, post=only(404, mentee=302, mentor=302)),
    "meetings:mark-action-item": action(only(404, mentee=302, mentor=302)),
    "meetings:ics": {"GET": PAIR, "POST": only(405)},
    "meetings:calendar": page(only(200)),
    "meetings:reset-calendar": action(only(302)),
    "meetings:feed": {"GET": only(200, anonymous=200), "POST": only(405, anonymous=405)},
    # Office hours: a mentor's own (404 without a mentor profile); booking the mentor's is
    # for their mentees (the mentor's own page is the management one); a booking, its two
    # people. An empty POST re-renders the form (200), or asks what happens to the booked
    # slots before removing (200).
    "meetings:office-hours": page(
        only(404, mentor=200, other_faculty=200, asked_mentor=200), post=only(405)
    ),
    "meetings:office-hours-new": page(only(404, mentor=200, other_faculty=200, asked_mentor=200)),
    "meetings:office-hours-edit": page(only(404, mentor=200)),
    "meetings:office-hours-remove": page(only(404, mentor=200)),
    "meetings:office-hours-book": page(only(404, mentee=200)),
    "meetings:booking-cancel": page(PAIR, post=only(404, mentee=302, mentor=302)),
    "meetings:booking-ics": {"GET": REQUEST, "POST": only(405)},
    # Clerkships: their own coordinators and staff; teaching in one is not enough.
    "clerkships:list": page(only(200), post=only(405)),
    # A student's own rotations: everyone signed in sees their own (or none).
    "clerkships:my-rotations": page(only(200), post=only(405)),
    "clerkships:detail": page(RUNS, post=only(405)),
    "clerkships:import": page(RUNS),
    "clerkships:confirm-import": action(only(404, coordinator=302, staff=302)),
    # The roster: staff, and coordinators for the programmes they run (a programme's own, or
    # one of its clerkships': both clerkships are MD's, so both clerkship coordinators run
    # it); invitations are staff's. An empty invitation POST invites everyone not invited yet
    # and shows the campaign.
    "roster:index": page(ROSTER, post=only(405)),
    "roster:upload": page(ROSTER),
    "roster:confirm-upload": action(
        only(
            404,
            coordinator=302,
            coordinator_out=302,
            programme_coordinator=302,
            programme_coordinator_out=302,
            staff=302,
        )
    ),
    "roster:invite": page(only(404, staff=200), post=only(404, staff=302)),
    "roster:campaign": page(only(404, staff=200), post=only(405)),
    "roster:campaign-progress": page(only(404, staff=200), post=only(405)),
    # Dashboards: coordinators for their clerkships, staff for all and for the school.
    "dashboards:index": page(
        only(
            404,
            coordinator=200,
            coordinator_out=200,
            programme_coordinator=200,
            programme_coordinator_out=200,
            staff=200,
        ),
        post=only(405),
    ),
    # POST: "Recompute now", then back to the page.
    "dashboards:clerkship": page(RUNS, post=only(404, coordinator=302, staff=302)),
    "dashboards:clerkship-students": page(RUNS, post=only(405)),
    "dashboards:clerkship-recommend": action(only(404, coordinator=302, staff=302)),
    "dashboards:programme": page(
        PROGRAMME_RUNS, post=only(404, programme_coordinator=302, staff=302)
    ),
    "dashboards:programme-students": page(PROGRAMME_RUNS, post=only(405)),
    "dashboards:programme-recommend": action(only(404, programme_coordinator=302, staff=302)),
    "dashboards:school": page(only(404, staff=200), post=only(404, staff=302)),
    "dashboards:school-students": page(only(404, staff=200), post=only(405)),
    # Mentors' portfolio totals (issue 21): staff only, counts and no mentee's name.
    "dashboards:portfolio-totals": page(only(404, staff=200), post=only(405)),
    "dashboards:school-recommend": action(only(404, staff=302)),
    # Feedback and the timeline: the pair only (DESIGN.md). Only the mentee asks for
    # feedback; the mentor's POST is turned back with a message.
    "feedback:list": page(PAIR),
    "feedback:give": page(PAIR),
    "feedback:ask": action(only(404, mentee=302, mentor=302)),
    "timeline:mentorship": page(PAIR),
    # The faculty mentoring portfolio (issue 21): one's own, for anyone with a mentor's role;
    # there is no URL for another's, and staff see totals only (dashboards). The PDF needs
    # WeasyPrint's system libraries: without them it sends the mentor back to the page.
    "portfolio:mine": page(MENTORS, post=only(405)),
    "portfolio:csv": page(MENTORS, post=only(405)),
    "portfolio:json": page(MENTORS, post=only(405)),
    "portfolio:pdf": page(
        only(404, **{p: 200 if pdf_available() else 302 for p in MENTOR_PERSONAS}),
        post=only(405),
    ),
    # What the mentor's portfolio shows of the mentee: the mentee's choice alone, so the
    # mentor too gets a 404. An empty POST saves "nothing shown" and redirects.
    "portfolio:consent": page(only(404, mentee=200), post=only(404, mentee=302)),
    # Reassessment answers: the respondent's own (a partner's only once shared and done).
    "feedback:reassessments": page(only(200)),
    "feedback:reassessment": page(only(404, mentee=200)),
    # A prompt's notice: leads to the person's own prompt for that mentorship.
    "feedback:open-reassessment": page(only(404, mentee=302)),
    # Confidential concerns (issue 21): the sender (the mentee) and the designated people of
    # the mentee's programme by the route the sender chose (its coordinators:
    # programme_coordinator); never the partner, other coordinators or staff. Answering and
    # closing are the designated person's: the sender is in scope but the wrong side (403).
    # An empty reply re-renders the concern with its error; an empty close asks again.
    "concerns:list": page(only(200), post=only(405)),
    "concerns:detail": page(only(404, mentee=200, programme_coordinator=200), post=only(405)),
    "concerns:acknowledge": action(only(404, mentee=403, programme_coordinator=302)),
    "concerns:reply": action(only(404, mentee=200, programme_coordinator=200)),
    "concerns:close": page(only(404, mentee=403, programme_coordinator=200)),
    "concerns:raise": page(PAIR),
    # The respondent's own answered reassessment with a warning sign ticked.
    "concerns:from-reassessment": page(only(404, mentee=200)),
    # The no-fault ending: the pair; an empty POST asks for confirmation and ends nothing.
    "concerns:no-fault-ending": page(PAIR),
    # Counts only: the coordinators of a programme (for theirs) and staff.
    "dashboards:concerns": page(
        only(404, programme_coordinator=200, programme_coordinator_out=200, staff=200),
        post=only(405),
    ),
    # One's own record: everyone signed in gets their own, never anyone else's.
    "records:record": page(only(200)),
    "records:record-json": page(only(200)),
    # Messages and documents: the pair only (DESIGN.md), never a coordinator or staff. An
    # empty POST re-renders the thread with its errors. Editing is the sender's (the mentee
    # wrote the world's message); the partner is in scope but may not change it.
    "conversations:thread": page(PAIR),
    "conversations:request-thread": page(REQUEST),
    "conversations:edit": page(only(404, mentee=200, mentor=403)),
    "conversations:attachment": {"GET": PAIR, "POST": only(405)},
    # Single sign-on (allauth.socialaccount), with the school's IdP configured (the
    # school_idp fixture): the sign-in pages are public like allauth's others. "Sign in
    # with" asks first on GET and goes to the IdP on POST (the OpenID provider here is
    # down: the page that says so, 502).
    "openid_connect_login": page(only(200, anonymous=200), post=only(502, anonymous=502)),
    # A callback with no state of this browser's: refused, 401, whoever asks.
    "openid_connect_callback": page(only(401, anonymous=401)),
    "saml_login": page(only(200, anonymous=200), post=only(302, anonymous=302)),
    # The IdP posts here; allauth keeps the post and moves on to finish (a GET of it too).
    "saml_acs": page(only(302, anonymous=302)),
    "saml_finish_acs": page(only(401, anonymous=401)),
    # What the school's IT registers at the IdP: public. (Asked as "localhost": python3-saml
    # refuses a host without a dot, such as the test client's "testserver".)
    "saml_metadata": page(only(200, anonymous=200)),
    # Single logout with no message from the IdP: refused by python3-saml.
    "saml_sls": page(only(400, anonymous=400)),
    "socialaccount_connections": page(only(200)),
    # The sign-up form for an IdP sign-in that gave no usable address: without one
    # pending in this session, allauth sends everyone to sign in.
    "socialaccount_signup": page(only(LOGIN, anonymous=LOGIN)),
    "socialaccount_login_cancelled": page(only(200, anonymous=200), post=only(405, anonymous=405)),
    "socialaccount_login_error": page(only(401), post=only(405)),
}

# URL patterns the matrix leaves to others. A row in MATRIX takes precedence.
EXCLUDED_NAMESPACES = {
    # Django admin: every page sits behind admin_view's staff check; admin:index checks it here.
    "admin",
}
EXCLUDED_URLCONFS = {
    # allauth's own pages (logout, password reset, e-mail confirmation...) are public by
    # design and guarded by allauth; its login and signup pages have rows above.
    "allauth.urls",
}


def all_routes(patterns, prefix="", namespace="", excluded=False):
    """(route, excluded) for every URL pattern, includes followed. A route is its
    namespaced name ("mentorships:accept"), or its full pattern when it has no name."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from all_routes(
                entry.url_patterns,
                prefix + str(entry.pattern),
                ":".join(filter(None, [namespace, entry.namespace])),
                excluded
                or entry.namespace in EXCLUDED_NAMESPACES
                or getattr(entry.urlconf_name, "__name__", None) in EXCLUDED_URLCONFS,
            )
        elif entry.name:
            yield ":".join(filter(None, [namespace, entry.name])), excluded
        else:
            yield prefix + str(entry.pattern), excluded


def url_for(route, world):
    """The route's URL, its pk and profile_pk taken from the world."""
    people = world.people
    kwargs = {
        "notifications:open": {"pk": world.notification.pk},
        "profiles:setup-step": {"step": "meeting"},
        "profiles:verification-approve": {"pk": world.waiting_mentor.pk},
        "profiles:verification-refuse": {"pk": world.waiting_mentor.pk},
        "matching:mentor": {"pk": people["mentor"].mentor_profile.pk},
        "matching:mentee": {"pk": people["mentee"].mentee_profile.pk},
        "mentorships:request": {"pk": world.pending_request.pk},
        "mentorships:accept": {"pk": world.pending_request.pk},
        "mentorships:decline": {"pk": world.pending_request.pk},
        "matching:refer": {"pk": world.pending_request.pk},
        "mentorships:withdraw": {"pk": world.pending_request.pk},
        "mentorships:follow-referral": {"pk": world.referred_request.pk},
        "mentorships:ask": {"profile_pk": people["other_faculty"].mentor_profile.pk},
        "mentorships:invite": {"profile_pk": people["mentee"].mentee_profile.pk},
        "mentorships:detail": {"pk": world.mentorship.pk},
        "mentorships:pause": {"pk": world.mentorship.pk},
        "mentorships:resume": {"pk": world.mentorship.pk},
        "mentorships:close": {"pk": world.mentorship.pk},
        "mentorships:propose-change": {"pk": world.mentorship.pk},
        "mentorships:answer-change": {"pk": world.mentorship.pk, "change_pk": world.change.pk},
        "feedback:list": {"pk": world.mentorship.pk},
        "feedback:give": {"pk": world.mentorship.pk},
        "feedback:ask": {"pk": world.mentorship.pk},
        "timeline:mentorship": {"pk": world.mentorship.pk},
        "portfolio:consent": {"pk": world.mentorship.pk},
        "goals:mentorship": {"pk": world.mentorship.pk},
        "outcomes:mentorship": {"pk": world.mentorship.pk},
        **{
            f"outcomes:{name}": {"pk": world.outcome.pk}
            for name in ("detail", "edit", "delete", "confirm")
        },
        "meetings:list": {"pk": world.mentorship.pk},
        "meetings:plan": {"pk": world.mentorship.pk},
        "meetings:log-new": {"pk": world.mentorship.pk},
        "meetings:quick-log": {"pk": world.mentorship.pk},
        **{
            f"meetings:{name}": {"pk": world.planned_meeting.pk}
            for name in ("detail", "edit", "agenda", "private-note", "cancel", "ics")
        },
        "meetings:log": {"pk": world.held_meeting.pk},
        "meetings:mark-action-item": {
            "pk": world.held_meeting.pk,
            "item_pk": world.action_item.pk,
        },
        "meetings:feed": {"token": world.calendar_token},
        **{
            f"meetings:office-hours-{name}": {"pk": world.office_hours.pk}
            for name in ("edit", "remove")
        },
        "meetings:office-hours-book": {"mentor_pk": people["mentor"].pk},
        "meetings:booking-cancel": {"pk": world.booking.pk},
        "meetings:booking-ics": {"pk": world.request_booking.pk},
        "feedback:reassessment": {"pk": world.reassessment.pk},
        "feedback:open-reassessment": {
            "mentorship_pk": world.reassessment.mentorship_id,
            "kind": world.reassessment.kind,
        },
        **{
            f"clerkships:{name}": {"pk": world.clerkship.pk}
            for name in ("detail", "import", "confirm-import")
        },
        "roster:campaign": {"pk": world.campaign.pk},
        "roster:campaign-progress": {"pk": world.campaign.pk},
        "dashboards:clerkship": {"pk": world.clerkship.pk},
        "dashboards:clerkship-students": {"pk": world.clerkship.pk},
        "dashboards:clerkship-recommend": {
            "pk": world.clerkship.pk,
            "student_pk": people["mentee"].pk,
        },
        "dashboards:school-recommend": {"student_pk": people["mentee"].pk},
        "dashboards:programme": {"pk": world.programme.pk},
        "dashboards:programme-students": {"pk": world.programme.pk},
        "dashboards:programme-recommend": {
            "pk": world.programme.pk,
            "student_pk": people["mentee"].pk,
        },
        **{
            f"concerns:{name}": {"pk": world.concern.pk}
            for name in ("detail", "acknowledge", "reply", "close")
        },
        "concerns:raise": {"pk": world.mentorship.pk},
        "concerns:no-fault-ending": {"pk": world.mentorship.pk},
        "concerns:from-reassessment": {"pk": world.answered_reassessment.pk},
        "conversations:thread": {"pk": world.mentorship.pk},
        "conversations:request-thread": {"pk": world.pending_request.pk},
        "conversations:edit": {"pk": world.message.pk},
        "conversations:attachment": {"pk": world.attachment.pk},
        "openid_connect_login": {"provider_id": "institution"},
        "openid_connect_callback": {"provider_id": "institution"},
        **{
            f"saml_{name}": {"organization_slug": "institution"}
            for name in ("login", "acs", "finish_acs", "metadata", "sls")
        },
        "notifications:unsubscribe": {
            "token": unsubscribe_token(world.notification.recipient_id, "other")
        },
        **{
            f"goals:{name}": {"pk": world.goal.pk}
            for name in ("detail", "edit", "delete", "move-up", "move-down", "progress")
        },
    }.get(route, {})
    try:
        return reverse(route, kwargs=kwargs)
    except NoReverseMatch:
        pytest.fail(
            f"Cannot build a URL for {route}: if it takes arguments, give them in url_for(); "
            "if the pattern is gone or renamed, update its row (see test_every_url_has_a_row)."
        )


def answer(response):
    if response.status_code in (301, 302, 303):
        return LOGIN if response["Location"].startswith("/accounts/login/") else 302
    return response.status_code


def cases():
    for route, row in MATRIX.items():
        for method in ("GET", "POST"):
            for persona in PERSONAS:
                expected, marks = row[method][persona], ()
                if isinstance(expected, Bug):
                    marks = pytest.mark.xfail(
                        strict=True, raises=AssertionError, reason=f"BUG: {expected.reason}"
                    )
                    expected = expected.expected
                yield pytest.param(
                    route, persona, method, expected, marks=marks, id=f"{route}|{persona}|{method}"
                )


def test_every_url_has_a_row():
    routes = list(all_routes(get_resolver().url_patterns))
    problems = [
        f"URL pattern {route} has no row in the authorization matrix: add one"
        for route, excluded in routes
        if not excluded and route not in MATRIX
    ]
    problems += [
        f"Row {route} in the authorization matrix matches no URL pattern: rename or remove it"
        for route in sorted(set(MATRIX) - {route for route, _ in routes})
    ]
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """The world, built once for this module in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)


@pytest.fixture
def world(shared_world, db):
    # pytest-django's db runs each case in a savepoint of the transaction above and rolls it
    # back, so every case starts from this same fresh world, whatever ran before it.
    # A scheduler that ticked just now, so that /readyz/ answers however long the run has
    # taken: with no tick on record its silence counts from this process's start.
    Heartbeat.objects.update_or_create(name=SCHEDULER, defaults={"at": timezone.now()})
    return shared_world


@pytest.fixture
def school_idp(settings):
    """An OpenID provider (down: nothing listens on port 9) and a SAML IdP, configured as
    a school does (accounts/sso_config.py)."""
    variables = {
        "SSO_OIDC_SERVER_URL": "http://127.0.0.1:9/o",
        "SSO_OIDC_CLIENT_ID": "mentoring",
        "SSO_OIDC_CLIENT_SECRET": "secret",
        "SSO_SAML_IDP_ENTITY_ID": "https://idp.example.edu/idp",
        "SSO_SAML_IDP_SSO_URL": "https://idp.example.edu/sso",
        "SSO_SAML_IDP_X509_CERT": "MIIB",
    }
    settings.SOCIALACCOUNT_PROVIDERS = providers_from_environment(
        lambda name: variables.get(name, ""), default_name="Example University"
    )


@pytest.mark.parametrize(("route", "persona", "method", "expected"), list(cases()))
def test_authorization(client, world, school_idp, route, persona, method, expected):
    if world.people[persona] is not None:
        client.force_login(world.people[persona])
    if route.startswith("saml_"):
        client.defaults["HTTP_HOST"] = "localhost"
    url = url_for(route, world)
    response = client.get(url) if method == "GET" else client.post(url)
    got = answer(response)
    where = f" to {response['Location']}" if got in (LOGIN, 302) else ""
    assert got == expected, f"{method} {url} as {persona}: expected {expected}, got {got}{where}"


# Beyond one request: a registration names its mentee by e-mail address, and a pending one
# counts as "a request between them" for the mentee's profile.
@pytest.mark.parametrize(
    "persona", ["outsider", "coordinator_out", "programme_coordinator_out", "other_faculty"]
)
def test_registering_oneself_as_mentor_opens_no_mentee_profile(client, world, persona):
    mentee = world.people["mentee"]
    client.force_login(world.people[persona])
    client.post(
        reverse("mentorships:register"),
        {"mentee_email": mentee.email, "since_on": timezone.localdate().isoformat()},
    )
    profile = client.get(reverse("matching:mentee", args=[mentee.mentee_profile.pk]))
    assert profile.status_code == 404
