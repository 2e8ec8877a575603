"""One JSON line per request and per Celery task: ids, names, status, duration and query
count, and the request id carried from the page into the tasks it enqueued (a real worker on
a private Redis). Never the words someone wrote, an e-mail address or a query string."""

import re

import pytest
from django.core import mail

from tests.celery_helpers import wait_for, worker_app
from tests.factories import make_mentee, make_user
from tests.operations.conftest import CANARY_EMAIL, CANARY_TEXT

pytestmark = pytest.mark.django_db


@pytest.fixture
def canary_mentee(db):
    return make_mentee(make_user(email=CANARY_EMAIL, display_name="Canary Person"))


def ask(client, mentor, **headers):
    return client.post(
        f"/requests/ask/{mentor.mentor_profile.pk}/", {"message": CANARY_TEXT}, headers=headers
    )


def test_a_request_writes_one_line_without_what_was_written(
    client, canary_mentee, mentor, log_lines
):
    client.force_login(canary_mentee)
    response = ask(client, mentor)

    assert response.status_code == 302
    [line] = [line for line in log_lines() if line["event"] == "request"]
    assert line["request_id"] == response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", line["request_id"])
    assert line["user_id"] == canary_mentee.pk
    assert line["view"] == "mentorships:ask" and line["method"] == "POST"
    assert line["status"] == 302 and line["duration_ms"] > 0 and line["queries"] > 3
    assert CANARY_TEXT not in log_lines.text() and "canary" not in log_lines.text()


def test_no_query_string_and_no_user_for_an_anonymous_page(client, log_lines):
    client.get(f"/accounts/login/?next=/mentors/%3Fq%3D{CANARY_EMAIL}")
    client.get("/healthz/")

    login, health = log_lines()
    assert login["view"] == "account_login" and login["user_id"] is None
    assert health["view"] == "healthz" and health["status"] == 200
    assert "canary" not in log_lines.text() and "next" not in log_lines.text()


def test_the_proxys_request_id_is_kept_when_well_formed(client, log_lines):
    kept = client.get("/healthz/", headers={"X-Request-ID": "5f0c2a9be1d34f7a8c6b0e2d4f6a8b0c"})
    replaced = client.get("/healthz/", headers={"X-Request-ID": f"<{CANARY_EMAIL}>"})

    assert kept["X-Request-ID"] == "5f0c2a9be1d34f7a8c6b0e2d4f6a8b0c"
    assert re.fullmatch(r"[0-9a-f]{32}", replaced["X-Request-ID"])
    assert [line["request_id"] for line in log_lines()] == [
        kept["X-Request-ID"],
        replaced["X-Request-ID"],
    ]
    assert "canary" not in log_lines.text()


def test_counting_queries_can_be_turned_off(client, settings, log_lines):
    settings.REQUEST_LOG_QUERIES = False  # read when the middleware is made, per test client
    client.get("/healthz/")
    assert "queries" not in log_lines()[0]


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_the_request_id_reaches_the_tasks_the_request_enqueued(
    client, canary_mentee, mentor, private_redis, run_worker, log_lines
):
    app = worker_app(f"redis://127.0.0.1:{private_redis.port}/0", {"visibility_timeout": 3600})
    app.set_current()
    run_worker(app)
    log_lines.attach()
    client.force_login(canary_mentee)

    response = ask(client, mentor, **{"X-Request-ID": "req-0123456789abcdef"})

    assert response.status_code == 302
    assert wait_for(lambda: mail.outbox, 30), "the worker sent the mentor's e-mail"
    assert wait_for(lambda: any(line["event"] == "task" for line in log_lines()), 10)
    [task] = [line for line in log_lines() if line["event"] == "task"]
    assert task["task"] == "mentoring.notifications.tasks.deliver_email"
    assert task["request_id"] == "req-0123456789abcdef"
    assert task["outcome"] == "SUCCESS" and task["duration_ms"] > 0 and task["task_id"]
    assert mail.outbox[0].to == [mentor.email]
    assert "canary" not in log_lines.text()
