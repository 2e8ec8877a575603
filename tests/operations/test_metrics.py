"""/metrics: Prometheus figures for the operator's network only (404 for anyone else, and for
anything that came through the public proxy), with the queues, the outbox and the scheduler;
names and counts, never what a person wrote or their address."""

import pytest
from django.test import Client

from mentoring.notifications.services import notify
from tests.factories import make_mentee, make_user
from tests.operations.conftest import CANARY_EMAIL, CANARY_TEXT
from tests.operations.test_request_and_task_logs import ask

pytestmark = pytest.mark.django_db

PROMETHEUS = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]


def scrape(**extra):
    return Client(**extra).get("/metrics")


def figure(text, name):
    [line] = [line for line in text.splitlines() if line.startswith(name + " ")]
    return float(line.split()[-1])


def test_loopback_reads_the_operators_figures(mentor):
    notify(mentor, "request.new", "Nobody sent this yet")

    response = scrape()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert figure(text, "mentoring_outbox_backlog") == 1
    assert figure(text, "mentoring_outbox_failed") == 0
    assert 'mentoring_celery_queue_length{queue="celery"}' in text
    assert "mentoring_scheduler_silent_minutes" in text
    assert "Nobody sent this" not in text


@pytest.mark.parametrize(
    "extra",
    [
        {"REMOTE_ADDR": "203.0.113.9"},  # the internet
        {"REMOTE_ADDR": "10.20.0.5"},  # another host inside, not listed
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"},  # via the proxy
    ],
)
def test_anyone_else_gets_the_sites_404(extra, client, mentee):
    assert scrape(**extra).status_code == 404
    client.force_login(mentee)  # signed in makes no difference
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404


def test_an_operator_network_can_be_allowed(settings):
    from mentoring.lib.env import env_networks

    settings.METRICS_ALLOWED_NETWORKS = env_networks("UNSET_IN_TESTS", ["10.20.0.0/16"])
    assert scrape(REMOTE_ADDR="10.20.0.5").status_code == 200
    assert scrape(REMOTE_ADDR="127.0.0.1").status_code == 404


def test_request_metrics_hold_no_personal_data(settings, mentor):
    settings.MIDDLEWARE = [PROMETHEUS[0], *settings.MIDDLEWARE, PROMETHEUS[1]]
    mentee = make_mentee(make_user(email=CANARY_EMAIL))
    client = Client()
    client.force_login(mentee)
    assert ask(client, mentor).status_code == 302
    client.get(f"/mentors/?q={CANARY_EMAIL}")

    text = scrape().content.decode()

    assert 'django_http_requests_total_by_view_transport_method_total{method="POST"' in text
    assert 'view="mentorships:ask"' in text
    assert CANARY_TEXT not in text and "canary" not in text
