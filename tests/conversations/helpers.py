"""Documents of every kind, built in memory, and messages written as the product writes them."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from mentoring.conversations import documents, sending
from mentoring.conversations.threads import Thread

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 16
GIF = b"GIF89a\x01\x00\x01\x00" + b"\x00" * 16
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
# An OLE2 header and a directory entry named WordDocument, as Word 97-2003 writes them.
DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le")
XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le")


def zipped(**files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name.replace("__", "/"), data)
    return buffer.getvalue()


DOCX = zipped(**{"word__document.xml": "<w:document/>", "[Content_Types].xml": "<Types/>"})
ZIP = zipped(**{"notes.txt": "just a zip"})


def upload(name, data, content_type="application/octet-stream"):
    """A file as a browser sends it; the content type it claims is ignored by the product."""
    return SimpleUploadedFile(name, data, content_type=content_type)


def write(subject, sender, text="Hello", document=None):
    """A message as the send form writes it (a mentorship's or a request's thread)."""
    kind = documents.check(document) if document else None
    return sending.send(Thread(subject, sender), text, document, kind)


def thread_url(mentorship):
    return f"/mentorships/{mentorship.pk}/messages/"


def request_thread_url(request_obj):
    return f"/requests/{request_obj.pk}/messages/"
