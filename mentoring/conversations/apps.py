from django.apps import AppConfig
from django.db.models.signals import post_delete


class ConversationsConfig(AppConfig):
    name = "mentoring.conversations"

    def ready(self):
        from mentoring.conversations.models import Attachment
        from mentoring.conversations.stored_files import delete_stored_file

        # However an attachment row goes (account deletion, a mentorship deleted with
        # everything under it, the admin, a cascade from a request), its file goes too.
        post_delete.connect(delete_stored_file, sender=Attachment, weak=False)
