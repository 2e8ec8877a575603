from django.apps import AppConfig
from django.db.models.signals import post_save


class RosterConfig(AppConfig):
    name = "mentoring.roster"

    def ready(self):
        from allauth.account.models import EmailAddress
        from allauth.account.signals import user_signed_up

        from mentoring.roster.joining import address_saved, signed_up

        # A confirmed address takes up the roster entry loaded for it before sign-up.
        post_save.connect(address_saved, sender=EmailAddress, weak=False)
        user_signed_up.connect(signed_up, weak=False)
