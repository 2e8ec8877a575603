"""No form or filter answers 500, whatever is typed into it.

Every form page of the authorization matrix is posted, as a persona who gets 200 on it, with
its own field names filled with hostile text; the directory's filters and the dashboard's
period are fuzzed through GET. Each example runs in a savepoint that is rolled back, over
the personas' world built once for the module (tests/security/conftest.py).
"""

import re

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.personas import PERSONAS
from tests.security.test_authorization_matrix import MATRIX, url_for

SCRIPT = "<script>alert(1)</script>"
ALLOWED = {200, 302, 400, 403, 404}
SPECIAL = [
    SCRIPT,
    f'"><{SCRIPT[1:]}',
    "' OR 1=1 --",
    "1; DROP TABLE auth_user; --",
    "",
    " ",
    " \t\r\n\u00a0\u2003 ",
    "\x00",
    "a\x00b",
    "e\u0301\u0301\u0301\u0301",  # combining marks
    "\u202eexe.txt",  # right-to-left override
    "\U0001f600\U0001f469\u200d\U0001f469\u200d\U0001f467",  # emoji and a ZWJ family
    "\U0001d54f\U00020000\U0010fffd",  # astral characters, no surrogates
    "-1",
    "0",
    "2147483648",
    "-9223372036854775809",
    "99999999999999999999999999999999",
    "1e309",
    "NaN",
    "-inf",
    "1.5",
    "2024-02-30",
    "0000-00-00",
    "9999-99-99",
    "9999-12-31",
    "0001-01-01",
    "2024-02-29T25:61",
    "25:61",
]
LONG_PIECES = ["a", "\u00e9", "\U0001f600", SCRIPT, "' OR 1=1 --", " "]

hostile_text = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=40),
    st.builds(
        lambda piece, n: (piece * n)[:n],
        st.sampled_from(LONG_PIECES),
        st.integers(min_value=1000, max_value=5000),
    ),
    st.builds(str.__add__, st.sampled_from(SPECIAL), st.text(max_size=10)),
)

FUZZ = settings(
    max_examples=15,
    deadline=None,
    database=None,  # leave no .hypothesis directory behind
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FIELD_NAME = re.compile(r'<(?:input|select|textarea|button)\b[^>]*?\sname="([^"]+)"')


def form_pages():
    """(route, persona): each route whose POST answers 200, with the first persona it does for."""
    for route, row in MATRIX.items():
        persona = next((p for p in PERSONAS if row["POST"][p] == 200), None)
        if persona is not None:
            yield pytest.param(route, persona, id=f"{route}|{persona}")


def field_names(html):
    return sorted(set(FIELD_NAME.findall(html)) - {"csrfmiddlewaretoken"})


def request_as(client, user, send):
    """Send a request as `user` in a savepoint rolled back afterwards, rate limits cleared."""
    with transaction.atomic():
        cache.clear()
        if user is not None:
            client.force_login(user)
        response = send()
        transaction.set_rollback(True)
    client.logout()
    return response


def assert_survives(response, values):
    assert response.status_code in ALLOWED, f"answered {response.status_code}"
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        body = response.content.decode()
        reflected = [v[:80] for v in values if SCRIPT in v and SCRIPT in body]
        assert not reflected, f"unescaped <script> in the page for {reflected}"


@pytest.mark.parametrize(("route", "persona"), list(form_pages()))
def test_form_never_answers_500(client, security_world, route, persona):
    user = security_world.people[persona]
    url = url_for(route, security_world)
    page = request_as(client, user, lambda: client.get(url))
    names = field_names(page.content.decode()) if page.status_code == 200 else []
    if not names:
        pytest.skip(f"{route} shows no form fields")

    @FUZZ
    @given(st.fixed_dictionaries(dict.fromkeys(names, hostile_text)))
    def post(data):
        response = request_as(client, user, lambda: client.post(url, data))
        assert_survives(response, data.values())

    post()


DIRECTORY_KEYS = ["q", "interest", "department", "area", "stage", "mode", "accepting", "room"]


@FUZZ
@given(
    st.fixed_dictionaries(
        {},
        optional=dict.fromkeys([*DIRECTORY_KEYS, "page", "sort"], hostile_text),
    )
)
def test_directory_filters_never_answer_500(client, security_world, query):
    response = request_as(
        client, security_world.people["mentee"], lambda: client.get("/mentors/", query)
    )
    assert_survives(response, query.values())


@FUZZ
@given(st.fixed_dictionaries({}, optional={"start": hostile_text, "end": hostile_text}))
def test_dashboard_period_never_answers_500(client, security_world, query):
    url = f"/dashboards/clerkships/{security_world.clerkship.pk}/"
    response = request_as(
        client, security_world.people["coordinator"], lambda: client.get(url, query)
    )
    assert_survives(response, query.values())


# Found by the fuzzing above: ids no integer column can hold were 500s on SQLite.
TOO_BIG = "99999999999999999999999999999999"
TOO_SMALL = "-9223372036854775809"


def test_referring_to_an_id_too_big_asks_to_choose_again(client, security_world):
    client.force_login(security_world.people["asked_mentor"])
    url = url_for("matching:refer", security_world)
    response = client.post(url, {"colleague": TOO_BIG, "note": "x"})
    assert response.status_code == 200
    assert "Choose one of the colleagues listed" in response.content.decode()


def test_accepting_with_an_area_id_too_small_is_a_form_error(client, security_world):
    client.force_login(security_world.people["asked_mentor"])
    url = url_for("mentorships:accept", security_world)
    response = client.post(url, {"focus_areas": TOO_SMALL})
    assert response.status_code == 200
    assert "is not a valid value" in response.content.decode()


def test_sharing_a_goal_with_an_id_too_small_is_a_form_error(client, security_world):
    client.force_login(security_world.people["mentee"])
    url = url_for("goals:edit", security_world)
    response = client.post(url, {"title": "Match", "share_with": TOO_SMALL})
    assert response.status_code == 200
    assert "Choose among your own active or paused mentorships." in response.content.decode()
    security_world.goal.refresh_from_db()
    assert security_world.goal.title == "Match into cardiology"


def test_logging_a_meeting_with_a_goal_id_too_small_is_a_form_error(client, security_world):
    client.force_login(security_world.people["mentor"])
    url = url_for("meetings:log", security_world)
    response = client.post(url, {"goals_discussed": TOO_SMALL})
    assert response.status_code == 200
    assert "is not a valid value" in response.content.decode()


@pytest.mark.parametrize(
    ("route", "persona", "field"),
    [
        ("profiles:edit-mentor", "mentor", "areas"),
        ("profiles:edit-mentee", "mentee", "areas_sought"),
    ],
)
def test_profile_with_an_area_id_too_small_is_a_form_error(
    client, security_world, route, persona, field
):
    client.force_login(security_world.people[persona])
    response = client.post(url_for(route, security_world), {field: TOO_SMALL})
    assert response.status_code == 200
    assert "is not a valid value" in response.content.decode()
