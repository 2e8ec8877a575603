from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class MatchingConfig(AppConfig):
    name = "mentoring.matching"

    def ready(self):
        from accounts.models import User
        from mentoring.matching.directory import (
            forget_choices,
            forget_listed_count,
            forget_programme_counts,
        )
        from mentoring.profiles.models import Area, Department, MentorProfile

        # The directory's filters keep the departments and areas in the cache.
        for model in (Area, Department):
            for signal in (post_save, post_delete):
                signal.connect(forget_choices, sender=model, weak=False)
        # The unfiltered directory keeps its count of listed mentors in the cache.
        for sender in (MentorProfile, User):
            post_save.connect(forget_listed_count, sender=sender, weak=False)
            post_delete.connect(forget_listed_count, sender=sender, weak=False)
        # And each programme's: a mentor who starts or stops mentoring in one changes it.
        m2m_changed.connect(
            forget_programme_counts, sender=MentorProfile.programmes.through, weak=False
        )
