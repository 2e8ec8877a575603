from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses everything: the network edge, the one thing tests may fake."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server refused the connection")
