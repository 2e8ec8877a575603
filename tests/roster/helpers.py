from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

HEADER = "email,name,role,programme,stage,department"


def lines(*rows, header=HEADER):
    return "\n".join([header, *rows]) + "\n"


def upload(client, text, name="roster.csv"):
    """Step 1: the preview page (or the upload form with its errors)."""
    data = text if isinstance(text, bytes) else text.encode()
    file = SimpleUploadedFile(name, data, content_type="text/csv")
    return client.post(reverse("roster:upload"), {"roster": file})


def confirm(client, preview_response, skip_bad=False):
    data = {"preview": preview_response.context["token"]}
    if skip_bad:
        data["skip_bad"] = "1"
    return client.post(reverse("roster:confirm-upload"), data)


def reasons(response):
    return {p.line: p.reasons for p in response.context["preview"].problems}
