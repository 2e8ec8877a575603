import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class FailingBackend(BaseEmailBackend):
    """A mail server that refuses everything: the network edge, the one thing tests may fake."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server refused the connection")


class RejectingBackend(BaseEmailBackend):
    """A mail server that refuses the recipient for good (a 5xx answer)."""

    def send_messages(self, email_messages):
        recipients = {m.to[0]: (550, b"5.1.1 No such user") for m in email_messages}
        raise smtplib.SMTPRecipientsRefused(recipients)
