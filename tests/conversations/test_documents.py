"""Documents: recognised by their content, stored through the storage API, over quota or of
the wrong kind refused with nothing saved, and served to the two people only."""

import pytest
from django.core.files.storage import default_storage

from mentoring.conversations.models import Attachment, Message
from tests.conversations.helpers import (
    DOC,
    DOCX,
    EXE,
    GIF,
    JPEG,
    PDF,
    PNG,
    XLS,
    ZIP,
    thread_url,
    upload,
    write,
)

pytestmark = pytest.mark.django_db

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def send(client, mentorship, document, text="Here it is"):
    return client.post(thread_url(mentorship), {"text": text, "document": document})


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("cv.pdf", PDF, "application/pdf"),
        ("essay.docx", DOCX, WORD),
        ("old essay.doc", DOC, "application/msword"),
        ("notes.txt", "Résumé notes, in UTF-8 ✓\n".encode(), "text/plain; charset=utf-8"),
        ("scan.png", PNG, "image/png"),
        ("photo.jpg", JPEG, "image/jpeg"),
        ("diagram.gif", GIF, "image/gif"),
    ],
)
def test_each_allowed_kind_is_stored_and_served_to_the_partner(
    client, mentorship, mentee, mentor, name, data, content_type
):
    client.force_login(mentee)
    # The browser's claimed type is ignored: the content decides.
    response = send(client, mentorship, upload(name, data, "application/x-whatever"))
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.name, attachment.content_type, attachment.size) == (
        name,
        content_type,
        len(data),
    )
    assert attachment.owner == mentee and attachment.message.sender == mentee
    # Stored under a random name in the uploader's folder, never the file's own name.
    assert attachment.file.name.startswith(f"conversations/{mentee.pk}/")
    assert name not in attachment.file.name
    assert default_storage.exists(attachment.file.name)

    client.force_login(mentor)
    download = client.get(f"/attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == data
    assert download["Content-Type"] == content_type
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Cache-Control"] == "no-store, private"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("setup.exe", EXE),
        ("cv.pdf", EXE),  # a program renamed
        ("cv.pdf", ZIP),  # an archive renamed
        ("essay.docx", ZIP),  # a ZIP without word/document.xml
        ("budget.doc", XLS),  # an OLE2 file that is not a Word document
        ("notes.txt", b"caf\xe9 in Latin-1"),  # not UTF-8
        ("notes.txt", b"text\x00with a NUL"),
    ],
)
def test_a_file_of_another_kind_is_refused_whatever_its_name(
    client, mentorship, mentee, name, data
):
    client.force_login(mentee)
    response = send(client, mentorship, upload(name, data, "application/pdf"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"“{name}” cannot be sent: documents must be a PDF, a Word document" in page
    assert "whatever its name says" in page
    assert not Message.objects.exists() and not Attachment.objects.exists()
    assert not default_storage.exists(f"conversations/{mentee.pk}")


def test_a_file_over_the_limit_is_refused_and_nothing_is_saved(
    client, mentorship, mentee, settings
):
    settings.ATTACHMENT_MAX_MB = 1
    client.force_login(mentee)
    big = upload("thesis.pdf", PDF + b"0" * (1024 * 1024))
    response = send(client, mentorship, big)
    page = response.content.decode()
    assert "“thesis.pdf” is 1.0 MB; a document can be at most 1 MB." in page
    assert not Message.objects.exists() and not Attachment.objects.exists()


def test_an_empty_file_is_refused(client, mentorship, mentee):
    client.force_login(mentee)
    response = send(client, mentorship, upload("empty.pdf", b""))
    assert "The document is empty: choose another file." in response.content.decode()
    assert not Message.objects.exists()


def test_the_quota_is_shown_and_a_document_over_it_is_refused(
    client, mentorship, mentee, mentor, settings
):
    settings.ATTACHMENT_QUOTA_MB = 1
    client.force_login(mentee)
    send(client, mentorship, upload("a.pdf", PDF + b"0" * 700_000))
    page = client.get(thread_url(mentorship)).content.decode()
    assert "Your documents: 0.7 MB of 1 MB used." in page

    response = send(client, mentorship, upload("b.pdf", PDF + b"0" * 400_000), text="Another")
    page = response.content.decode()
    assert "This document (0.4 MB) does not fit: you have used 0.7 MB of your 1 MB" in page
    assert list(Message.objects.values_list("text", flat=True)) == ["Here it is"]
    assert Attachment.objects.count() == 1

    # The partner's uploads count against the partner, not against me.
    client.force_login(mentor)
    assert "Your documents: 0.0 MB of 1 MB used." in (
        client.get(thread_url(mentorship)).content.decode()
    )


def test_a_name_that_hides_the_type_gets_the_real_extension(client, mentorship, mentee):
    client.force_login(mentee)
    send(client, mentorship, upload("page.html", b"<html><script>alert(1)</script></html>"))
    send(client, mentorship, upload("invoice.exe", PDF), text="Two")
    assert list(Attachment.objects.order_by("pk").values_list("name", "content_type")) == [
        ("page.html.txt", "text/plain; charset=utf-8"),
        ("invoice.exe.pdf", "application/pdf"),
    ]


def test_a_missing_file_is_a_404_not_an_error(client, mentorship, mentee):
    message = write(mentorship, mentee, "CV", upload("cv.pdf", PDF))
    attachment = message.attachments.get()
    default_storage.delete(attachment.file.name)
    client.force_login(mentee)
    assert client.get(f"/attachments/{attachment.pk}/").status_code == 404


def test_documents_have_no_public_url(client, mentorship, mentee, settings):
    message = write(mentorship, mentee, "CV", upload("cv.pdf", PDF))
    stored = message.attachments.get().file.name
    assert settings.MEDIA_URL in ("", "/")  # nothing routes uploads to the web
    client.force_login(mentee)
    for url in (f"/{stored}", f"/media/{stored}", f"/var/media/{stored}"):
        assert client.get(url).status_code == 404


def test_a_failure_after_storing_leaves_no_file_behind(mentorship, mentee, monkeypatch):
    # The notification fails after the file is stored: the rows roll back, and the file goes.
    from mentoring.conversations import sending

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(sending, "_notify", broken)
    with pytest.raises(RuntimeError):
        write(mentorship, mentee, "CV", upload("cv.pdf", PDF))
    assert not Attachment.objects.exists()
    _, files = default_storage.listdir(f"conversations/{mentee.pk}")
    assert files == []
