"""A faculty member opens their mentoring portfolio in Chromium, chooses a period and
downloads the PDF, which reads back with the figures the page showed."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from mentoring.portfolio.pdf import pdf_available
from tests.browser.helpers import open_menu, sign_in_as
from tests.conftest import service_missing
from tests.portfolio.data import CANARY, NAMED, make_record

pytestmark = pytest.mark.browser


def test_mentor_picks_a_period_and_downloads_the_pdf(new_page, live_server):
    if not pdf_available():
        service_missing("WeasyPrint with Debian's Pango")
    record = make_record()
    page = new_page()
    sign_in_as(page, record.mentor, live_server.url)
    page.goto("/home/")
    open_menu(page, "My portfolio")
    expect(page.get_by_role("heading", name="My mentoring portfolio")).to_be_visible()
    page.get_by_label("From:", exact=True).fill("2025-07-01")
    page.get_by_label("To:", exact=True).fill("2026-06-30")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("From 1 July 2025 to 30 June 2026.")).to_be_visible()
    totals = page.locator("table.totals tr.total")
    expect(totals).to_contain_text("All years")
    expect(totals.locator("td")).to_have_text(["2", "4", "3.8", "2"])
    expect(page.get_by_role("heading", name=NAMED)).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == "mentoring-portfolio-20250701-20260630.pdf"
    with open(download.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "All years 2 4 3.8 2" in text
    assert NAMED in text
    assert CANARY not in text
