"""Prometheus metrics at /metrics, for the operator's network only.

django-prometheus counts requests, responses and latencies by view (METRICS=true adds its
two middlewares); to those this adds, computed when Prometheus scrapes, the Celery queues'
lengths, the outbox (e-mails due and unsent, the oldest's wait, retrying, failed) and the
scheduler's silence. Names, statuses and counts only: nothing a person wrote.

Who may scrape: a client whose address is in METRICS_ALLOWED_IPS (loopback by default) and
that did not come through the public proxy (which adds X-Forwarded-For); anyone else gets
the site's 404, so the endpoint's existence does not show.
"""

import ipaddress
import logging

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe
from django_prometheus.exports import ExportToDjangoView
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from mentoring.notifications.delivery import outbox_status
from mentoring.operations.scheduler import last_tick, silent_minutes
from mentoring.operations.workers import queue_lengths

log = logging.getLogger(__name__)


def allowed(request):
    if "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in settings.METRICS_ALLOWED_NETWORKS)


class OperationsCollector(Collector):
    """Figures read from the broker and the database at each scrape (a few queries)."""

    def collect(self):
        try:
            lengths = queue_lengths()
        except Exception as error:  # the broker is down: no figure rather than a failed scrape
            log.warning("Metrics: queue lengths unavailable (%s)", type(error).__name__)
        else:
            queues = GaugeMetricFamily(
                "mentoring_celery_queue_length", "Tasks waiting in a Celery queue", labels=["queue"]
            )
            for name, waiting in lengths.items():
                queues.add_metric([name], waiting)
            yield queues
            yield GaugeMetricFamily("mentoring_broker_up", "The broker answered", value=1)
        outbox = outbox_status()
        for key, help_text in (
            ("backlog", "E-mails due and not sent yet"),
            ("oldest_due_minutes", "Minutes the oldest unsent e-mail has been due"),
            ("retrying", "E-mails being retried after a temporary failure"),
            ("failing_for_minutes", "Minutes since the first of the retried e-mails failed"),
            ("failed", "E-mails that failed for good"),
        ):
            yield GaugeMetricFamily(f"mentoring_outbox_{key}", help_text, value=outbox[key])
        yield GaugeMetricFamily(
            "mentoring_scheduler_silent_minutes",
            "Minutes since celery beat last sent its heartbeat",
            value=round(silent_minutes(last_tick()), 1),
        )


@login_not_required
@require_safe
def metrics(request):
    if not allowed(request):
        raise Http404
    # django-prometheus's own export: this process's registry, or every worker's when
    # PROMETHEUS_MULTIPROC_DIR is set (gunicorn with several workers).
    exported = ExportToDjangoView(request).content
    registry = CollectorRegistry(auto_describe=False)
    registry.register(OperationsCollector())
    return HttpResponse(exported + generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
