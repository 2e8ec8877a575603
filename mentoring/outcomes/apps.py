from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "mentoring.outcomes"
