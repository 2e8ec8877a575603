from celery import shared_task

from mentoring.dashboards import kept_figures


@shared_task
def refresh_dashboard_figures():
    kept_figures.refresh_defaults()
