from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class MatchingConfig(AppConfig):
    name = "mentoring.matching"

    def ready(self):
        from mentoring.matching.directory import forget_choices
        from mentoring.profiles.models import Area, Department

        # The directory's filters keep the departments and areas in the cache.
        for model in (Area, Department):
            for signal in (post_save, post_delete):
                signal.connect(forget_choices, sender=model, weak=False)
