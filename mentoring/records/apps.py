from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "mentoring.records"
