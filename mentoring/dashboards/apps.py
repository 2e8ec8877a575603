from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class DashboardsConfig(AppConfig):
    name = "mentoring.dashboards"

    def ready(self):
        from mentoring.dashboards.kept_figures import mentorship_changed
        from mentoring.mentorships.models import Mentorship

        # A mentorship that starts or ends shows on the dashboards at once (kept_figures.py).
        for signal in (post_save, post_delete):
            signal.connect(mentorship_changed, sender=Mentorship, weak=False)
