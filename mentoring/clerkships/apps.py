from django.apps import AppConfig


class ClerkshipsConfig(AppConfig):
    name = "mentoring.clerkships"
