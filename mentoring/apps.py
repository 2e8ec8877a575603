from django.apps import AppConfig


class MentoringConfig(AppConfig):
    """The project package as an app: commands that span every domain app (seed_demo, run)."""

    name = "mentoring"
    verbose_name = "Mentoring"
