"""Which documents may be handed over, recognised by their content, never by their name.

A name or a browser's Content-Type is whatever the sender's computer says: a program renamed
"cv.pdf" would pass any check on them. So the first bytes decide (a PDF starts "%PDF-", a PNG
with its signature...), a .docx must be a ZIP holding word/document.xml, a .doc an OLE2
compound file holding a WordDocument stream, and plain text must be UTF-8 without NUL bytes.
The type found sets the Content-Type served, and the name the partner downloads ends with an
extension of that type, so that nothing opens as something else on their computer.
"""

import codecs
import os
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError

from mentoring.lib.text import without_control_characters

MB = 1024 * 1024
CHUNK = 64 * 1024
NAME_LENGTH = 200  # Attachment.name


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str
    extensions: tuple  # the first is added to a name that has none of them


PDF = Kind("PDF", "application/pdf", (".pdf",))
DOCX = Kind(
    "Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
DOC = Kind("Word document", "application/msword", (".doc",))
TEXT = Kind("plain text", "text/plain; charset=utf-8", (".txt", ".md", ".csv"))
PNG = Kind("PNG image", "image/png", (".png",))
JPEG = Kind("JPEG image", "image/jpeg", (".jpg", ".jpeg"))
GIF = Kind("GIF image", "image/gif", (".gif",))

SIGNATURES = [
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
]
ZIP_SIGNATURE = b"PK\x03\x04"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The name of a Word binary document's main stream, as OLE2 directory entries spell it
# (UTF-16LE). Excel and installer (.msi) files share the OLE2 header but not this stream.
WORD_STREAM = "WordDocument".encode("utf-16-le")

ALLOWED = "a PDF, a Word document (.docx or .doc), a plain text file, or a PNG, JPEG or GIF image"


def max_bytes():
    return settings.ATTACHMENT_MAX_MB * MB


def quota_bytes():
    return settings.ATTACHMENT_QUOTA_MB * MB


def megabytes(size):
    """12.3 for 12.3 MB: the unit of the limits, so that "10 MB" means the same everywhere."""
    return round(size / MB, 1)


def kind_of(upload):
    """The Kind this file's content is, or None. Reads the file; leaves it at the start."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    if head.startswith(ZIP_SIGNATURE):
        return DOCX if _is_docx(upload) else None
    if head.startswith(OLE2_SIGNATURE):
        return DOC if _contains(upload, WORD_STREAM) else None
    return TEXT if _is_utf8_text(upload) else None


def _is_docx(upload):
    try:
        # Reads the archive's directory only: nothing is decompressed.
        with zipfile.ZipFile(upload) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def _contains(upload, needle):
    tail = b""
    try:
        for chunk in upload.chunks(CHUNK):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle) :]
        return False
    finally:
        upload.seek(0)


def _is_utf8_text(upload):
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    try:
        for chunk in upload.chunks(CHUNK):
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)  # a character cut off at the end is not text
        return True
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)


def clean_name(name, kind):
    """The name shown and downloaded: no folders or control characters, at most 200
    characters, ending with an extension of the type found ("notes.exe" holding a PDF
    is offered as "notes.exe.pdf")."""
    name = without_control_characters(os.path.basename(name or "").strip()) or "document"
    base, extension = os.path.splitext(name)
    if extension.lower() not in kind.extensions:
        base, extension = name, kind.extensions[0]
    return base[: NAME_LENGTH - len(extension)] + extension


def check(upload):
    """The Kind of an uploaded document, or a ValidationError that says what is wrong."""
    name = os.path.basename(upload.name or "") or "The file"
    if upload.size > max_bytes():
        raise ValidationError(
            f"“{name}” is {megabytes(upload.size)} MB; a document can be at most "
            f"{settings.ATTACHMENT_MAX_MB} MB. Send a smaller file, or a link to it.",
            code="too_large",
        )
    kind = kind_of(upload)
    if kind is None:
        raise ValidationError(
            f"“{name}” cannot be sent: documents must be {ALLOWED}, and this file's content "
            "is none of those, whatever its name says.",
            code="file_type",
        )
    return kind


def quota_problem(used, size):
    """Why a new document of `size` bytes would not fit in the uploader's quota, or ""."""
    if used + size <= quota_bytes():
        return ""
    left = max(quota_bytes() - used, 0)
    return (
        f"This document ({megabytes(size)} MB) does not fit: you have used "
        f"{megabytes(used)} MB of your {settings.ATTACHMENT_QUOTA_MB} MB for documents, "
        f"so {megabytes(left)} MB are left. Nothing was sent."
    )
