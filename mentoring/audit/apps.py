from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "mentoring.audit"
    verbose_name = "Audit"
