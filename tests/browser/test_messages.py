"""A student writes to their mentor and attaches a PDF; the mentor sees the unread count,
reads it and downloads the document; the student sees it was seen. At a desktop's size and
a phone's, in Chromium, under the pages' real Content-Security-Policy."""

import re
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from playwright.sync_api import expect

from mentoring.conversations.models import Attachment, Message
from tests.browser.helpers import Screenshots, axe_violations, describe, make_person, sign_in_as
from tests.factories import make_mentee, make_mentor, make_mentorship

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
WORDS = "Here is my CV for Friday, and the draft: https://example.org/draft"


@pytest.fixture(autouse=True)
def _documents_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def mentorship(db):
    mentor = make_mentor(make_person("ines.alvarez@med.example.edu", "Dr. Ines Alvarez"))
    mentee = make_mentee(make_person("sam.okafor@med.example.edu", "Sam Okafor"))
    return make_mentorship(mentor, mentee)


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("phone", [False, True], ids=["desktop", "phone"])
def test_writing_a_message_with_a_pdf(new_page, live_server, mentorship, phone):
    shots = Screenshots(f"messages-{'phone' if phone else 'desktop'}")
    student = new_page(phone=phone)
    sign_in_as(student, mentorship.mentee, live_server.url)
    student.goto(f"/mentorships/{mentorship.pk}/")
    student.get_by_role("link", name="Messages", exact=True).click()
    expect(student.get_by_role("heading", name="Messages with Dr. Ines Alvarez")).to_be_visible()
    expect(student.get_by_text("No messages yet.")).to_be_visible()

    student.get_by_label("Your message").fill(WORDS)
    student.get_by_label("Attach a document (optional)").set_input_files(
        {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    shots.take(student, "writing")
    student.get_by_role("button", name="Send").click()

    expect(student.get_by_text("Message sent.")).to_be_visible()
    thread = student.get_by_role("list", name="Messages, oldest first")
    expect(thread.get_by_role("link", name="https://example.org/draft")).to_be_visible()
    expect(thread.get_by_role("link", name="cv.pdf")).to_be_visible()
    expect(thread.get_by_text("Not seen yet")).to_be_visible()
    assert fits_the_screen(student)
    shots.take(student, "sent")
    message = Message.objects.get()
    attachment = Attachment.objects.get()
    assert (message.text, message.sender) == (WORDS, mentorship.mentee)
    assert default_storage.open(attachment.file.name).read() == PDF

    mentor = new_page(phone=phone)
    sign_in_as(mentor, mentorship.mentor, live_server.url)
    mentor.goto(f"/mentorships/{mentorship.pk}/")
    expect(mentor.get_by_role("link", name=re.compile(r"^Messages 1 unread$"))).to_be_visible()
    mentor.get_by_role("link", name=re.compile(r"^Messages")).click()
    expect(mentor.get_by_text(WORDS.split(":")[0])).to_be_visible()
    with mentor.expect_download() as download:
        mentor.get_by_role("link", name="cv.pdf").click()
    assert download.value.suggested_filename == "cv.pdf"
    assert Path(download.value.path()).read_bytes() == PDF
    violations = axe_violations(mentor)
    assert not violations, describe(violations)
    shots.take(mentor, "read")

    student.reload()
    expect(student.get_by_text(re.compile(r"^\s*Seen "))).to_be_visible()
    shots.take(student, "seen")


def test_a_wrong_file_is_refused_on_the_form(page, live_server, mentorship):
    sign_in_as(page, mentorship.mentee, live_server.url)
    page.goto(f"/mentorships/{mentorship.pk}/messages/")
    page.get_by_label("Your message").fill("My CV")
    page.get_by_label("Attach a document (optional)").set_input_files(
        {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00" + b"\x00" * 60}
    )
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text(re.compile("“cv.pdf” cannot be sent"))).to_be_visible()
    expect(page.get_by_label("Your message")).to_have_value("My CV")
    assert not Message.objects.exists()
