import time

from django.core.mail.backends.base import BaseEmailBackend


class SlowBackend(BaseEmailBackend):
    """A mail server that takes a minute: long enough to kill the worker mid-send."""

    def send_messages(self, email_messages):
        time.sleep(60)
        return len(email_messages)
