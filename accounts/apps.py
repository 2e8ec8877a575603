from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self):
        from mentoring.lib.cache import create_cache_tables

        # The lowest app with models: its post_migrate comes with every `migrate`.
        post_migrate.connect(create_cache_tables, sender=self)
