from django.apps import AppConfig
from django.db.models.signals import post_save


class ClerkshipsConfig(AppConfig):
    name = "mentoring.clerkships"

    def ready(self):
        from allauth.account.models import EmailAddress

        from mentoring.clerkships.waiting import address_saved

        # A confirmed address claims the rotations imported for it before sign-up.
        post_save.connect(address_saved, sender=EmailAddress, weak=False)
