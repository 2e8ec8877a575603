"""The PDF read back with an independent reader (pypdf): the figures are the database's,
and nothing unconsented is in it. Needs WeasyPrint and Debian's Pango: skipped without
them, failed under REQUIRE_SERVICES=1."""

import io
import sys

import pytest
from pypdf import PdfReader

from mentoring.portfolio import pdf
from tests.conftest import service_missing
from tests.portfolio.data import (
    CANARY,
    CANARY_EMAIL,
    CANARY_TITLE,
    CANARY_WORDS,
    NAMED,
    PERIOD,
    SHARED_WORDS,
    make_record,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    if not pdf.pdf_available():
        service_missing(
            "WeasyPrint with Debian's Pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
        )
    return make_record()


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    # Extracted lines may break anywhere: compare with whitespace folded.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_pdf_figures_match_the_database(client, record, django_assert_max_num_queries):
    client.force_login(record.mentor)
    with django_assert_max_num_queries(14):
        response = client.get("/portfolio/portfolio.pdf", PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="mentoring-portfolio-20250701-20260630.pdf"' in response["Content-Disposition"]
    text = pdf_text(response)
    assert "Mentoring portfolio: Dr. Ines Alvarez" in text
    # The totals row (mentees, meetings, hours, confirmed outcomes), and the years.
    assert "All years 2 4 3.8 2" in text
    assert "2025 2 3 2.3 0" in text
    assert "2026 2 1 1.5 2" in text
    assert "3 (3.3 hours)" in text
    assert NAMED in text
    assert SHARED_WORDS in text
    assert "A learner in MD, Preclinical years at the start" in text


def test_pdf_holds_nothing_unconsented(client, record):
    client.force_login(record.mentor)
    text = pdf_text(client.get("/portfolio/portfolio.pdf", PERIOD))
    for secret in (CANARY, CANARY_EMAIL, CANARY_TITLE, CANARY_WORDS, "Quillfeather"):
        assert secret not in text
    assert "Noor kept these words to herself" not in text


def test_without_the_pdf_library_the_page_says_so_and_csv_still_works(client, record, monkeypatch):
    # As on a server without WeasyPrint: its import fails.
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    pdf.weasyprint_module.cache_clear()
    try:
        client.force_login(record.mentor)
        page = client.get("/portfolio/", PERIOD).content.decode()
        assert "PDF is unavailable on this server" in page
        assert "/portfolio/portfolio.pdf" not in page
        response = client.get("/portfolio/portfolio.pdf", PERIOD, follow=True)
        assert "PDF is unavailable on this server" in response.content.decode()
        assert client.get("/portfolio/portfolio.csv", PERIOD).status_code == 200
    finally:
        pdf.weasyprint_module.cache_clear()
