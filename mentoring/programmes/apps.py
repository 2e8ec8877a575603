from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class ProgrammesConfig(AppConfig):
    name = "mentoring.programmes"

    def ready(self):
        from mentoring.programmes.models import Programme, forget_programme_count

        # Whether the school has one programme or several decides whether the directory
        # filters by programme at all; a programme made or deleted changes the answer.
        post_save.connect(forget_programme_count, sender=Programme, weak=False)
        post_delete.connect(forget_programme_count, sender=Programme, weak=False)
