from django import forms
from django.conf import settings

from mentoring.conversations import documents
from mentoring.lib.cache_keys import fields_key

TEXT_LIMIT = 5000  # Message.text


def text_field(label):
    return forms.CharField(
        label=label,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Write a message before sending.",
            "max_length": f"A message can be at most {TEXT_LIMIT:,} characters; this one has "
            "%(show_value)s. Split it in two, or attach it as a document.",
        },
    )


class MessageForm(forms.Form):
    """The words, and at most one document whose content (not its name) is checked here;
    the quota is checked here for a clear message, and again when the file is stored."""

    text = text_field("Your message")
    document = forms.FileField(
        label="Attach a document (optional)",
        required=False,
        error_messages={"empty": "The document is empty: choose another file."},
        # A hint for the file picker only: the content decides (documents.py).
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.doc,.txt,.md,.png,.jpg,.jpeg,.gif"}
        ),
    )

    def __init__(self, *args, used_bytes, **kwargs):
        super().__init__(*args, **kwargs)
        self.used_bytes = used_bytes
        self.kind = None
        self.fields["document"].help_text = (
            f"A PDF, a Word document, plain text, or a PNG, JPEG or GIF image, "
            f"at most {settings.ATTACHMENT_MAX_MB} MB."
        )

    def cache_key(self):
        """What the blank form's fields show, for conversations/thread.html to draw them
        once and keep them: a tenth of the thread page's Python each time otherwise. A
        bound form holds what the person wrote, and is drawn each time, never kept."""
        shown = [
            (name, field.label, field.help_text, field.required, field.widget.attrs)
            for name, field in self.fields.items()
        ]
        return fields_key(type(self).__name__, shown)

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if not document:
            return None
        self.kind = documents.check(document)
        problem = documents.quota_problem(self.used_bytes, document.size)
        if problem:
            raise forms.ValidationError(problem, code="quota")
        return document


class EditForm(forms.Form):
    text = text_field("Your message")
