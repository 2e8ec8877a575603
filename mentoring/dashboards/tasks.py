from celery import shared_task

from mentoring.dashboards import figures


@shared_task
def refresh_dashboard_figures():
    figures.refresh_defaults()
