"""The dashboard's charts and tables as HTML, rendered when the figures are computed and
kept with them (kept_figures.py).

The figures are kept for minutes while the page is read many times, and drawing their
tables and charts (a thousand-odd cells, the charts' geometry) cost the page more than
everything else it does. What they show depends on the scope and period alone, which key
the kept figures: a clerkship's, a programme's or the school's, never the viewer."""

from django.template.loader import render_to_string

from mentoring.dashboards import aggregates, charts
from mentoring.dashboards.addresses import period_query, urls_for


def figures_html(scope, tables):
    context = {name.replace("-", "_"): table for name, table in tables.items()}
    context |= {
        "urls": urls_for(scope),
        "query": period_query(scope),
        "coverage_chart": charts.coverage_chart(tables["coverage"], aggregates.LITERATURE_SHARE),
        "meetings_chart": charts.meetings_chart(tables["meetings"]),
    }
    # A SafeString, and still one when the cache unpickles it.
    return render_to_string("dashboards/_figures.html", context)
