from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def csv_file(text, name="schedule.csv"):
    data = text if isinstance(text, bytes) else text.encode()
    return SimpleUploadedFile(name, data, content_type="text/csv")


def upload(client, clerkship, text, name="schedule.csv"):
    """Step 1: the preview page (or the upload form with its errors)."""
    url = reverse("clerkships:import", args=[clerkship.pk])
    return client.post(url, {"schedule": csv_file(text, name)})


def confirm(client, clerkship, preview_response, skip_bad=False):
    """Step 2: confirm the preview the response shows."""
    data = {"preview": preview_response.context["token"]}
    if skip_bad:
        data["skip_bad"] = "1"
    return client.post(reverse("clerkships:confirm-import", args=[clerkship.pk]), data)


def lines(*rows, header="email,clerkship,start,end"):
    return "\n".join([header, *rows]) + "\n"
