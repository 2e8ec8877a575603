"""The portfolio as a PDF for a promotion dossier, drawn by WeasyPrint from an HTML template.

WeasyPrint is a pure-Python wheel, but it lays text out with the system's Pango (Debian's
libpango-1.0-0 and libpangoft2-1.0-0) and draws with the system's fonts. Where those are
missing the import fails; the site then says that PDF is unavailable on this server, and
the CSV and JSON downloads still work.
"""

import functools

from django.template.loader import render_to_string


@functools.cache
def weasyprint_module():
    """WeasyPrint, or None when it or the system libraries it needs are missing."""
    try:
        import weasyprint
    except (ImportError, OSError):  # OSError: Pango or its friends are not installed
        return None
    return weasyprint


def pdf_available():
    return weasyprint_module() is not None


def pdf_bytes(context):
    weasyprint = weasyprint_module()
    html = render_to_string("portfolio/portfolio_pdf.html", context)
    # Nothing outside the document is fetched, whatever a URL in it says: no stylesheet,
    # image or font from the network or the disk. The fonts are the system's (fontconfig).
    fetch_nothing = weasyprint.urls.URLFetcher(allowed_protocols=frozenset())
    return weasyprint.HTML(string=html, url_fetcher=fetch_nothing).write_pdf()
