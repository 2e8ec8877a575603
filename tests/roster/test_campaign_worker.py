"""The campaign through the real plumbing: a worker on Redis writes the invitations while
the page's progress answers; with Redis down when staff start it, nothing is lost: the
periodic resume writes them and the outbox sweeper e-mails them once Redis is back.

The outage runs its own redis-server on a spare loopback port (tests/reliability)."""

import time

import pytest
from django.core import mail

from mentoring.notifications.models import Notification
from mentoring.notifications.tasks import sweep_undelivered
from mentoring.roster import tasks
from mentoring.roster.models import Campaign, RosterEntry
from tests.celery_helpers import wait_for, worker_app


def people(count):
    RosterEntry.objects.bulk_create(
        RosterEntry(
            email=f"person{n}@med.example.edu",
            name=f"Person {n}",
            role="student",
            programme="MD",
            programme_key="md",
        )  # fmt: skip
        for n in range(count)
    )


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_a_worker_writes_the_campaign_and_the_page_follows_it(client, staff, run_worker, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    people(450)  # three batches
    app = worker_app(settings.REDIS_URL, {"visibility_timeout": 3600})
    run_worker(app)
    client.force_login(staff)

    response = client.post("/roster/invite/")
    campaign = Campaign.objects.get()
    progress_url = f"/roster/campaigns/{campaign.pk}/progress/"
    seen = []

    def finished():
        seen.append(client.get(progress_url).json())
        return seen[-1]["finished"]

    assert wait_for(finished, 30)
    assert seen[-1] == {"done": 450, "total": 450, "percent": 100, "finished": True}
    assert [s["done"] for s in seen] == sorted(s["done"] for s in seen)  # never backwards
    page = client.get(response["Location"]).content.decode()
    assert "450</span> of 450 written" in page
    assert Notification.objects.filter(kind="invitation.roster").count() == 450


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_redis_down_when_staff_start_a_campaign_loses_nothing(
    client,
    staff,
    private_redis,
    run_worker,
    settings,
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.NOTIFICATION_SWEEP_AFTER_MINUTES = 0
    people(3)
    app = worker_app(
        f"redis://127.0.0.1:{private_redis.port}/0",
        {"socket_connect_timeout": 2, "socket_timeout": 5, "visibility_timeout": 3600},
    )
    app.set_current()
    private_redis.stop()

    client.force_login(staff)
    started = time.monotonic()
    response = client.post("/roster/invite/")
    assert time.monotonic() - started < 2, "the page waited on the dead broker"
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert (campaign.done, campaign.total) == (0, 3)

    private_redis.start()
    run_worker(app)
    app.tasks[tasks.resume_campaigns.name].apply_async()  # what beat sends every 5 minutes
    assert wait_for(lambda: Campaign.objects.filter(done=3).exists(), 30)
    sweep_undelivered.apply_async()  # what beat sends every minute

    rows = Notification.objects.filter(kind="invitation.roster")
    assert wait_for(lambda: rows.filter(email_status="sent").count() == 3, 30)
    assert sorted(m.to[0] for m in mail.outbox) == [f"person{n}@med.example.edu" for n in range(3)]
