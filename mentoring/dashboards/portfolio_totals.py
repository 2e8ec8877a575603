"""Each mentor's portfolio totals for a period, for staff (teaching awards, workload):
mentees, meetings held, hours and confirmed outcomes; never a mentee's name or words.
Staff only: everyone else gets a 404. The figures are the portfolio's own
(portfolio/totals.py), so a mentor's download and this page agree.
"""

import csv
from types import SimpleNamespace
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mentoring.dashboards.forms import PeriodForm, preset_periods
from mentoring.dashboards.views import staff_only
from mentoring.lib.csv_files import csv_cell
from mentoring.portfolio.totals import mentors_in, totals_for

PAGE_SIZE = 50
HEADERS = ["Mentor", "Department", "Mentees", "Meetings held", "Hours", "Confirmed outcomes"]


def cells(row):
    return [
        str(row.mentor),
        row.department,
        row.mentees,
        row.meetings,
        row.hours,
        row.outcomes,
    ]


@require_safe
def portfolio_totals(request):
    staff_only(request.user)
    form = PeriodForm(request.GET)
    start, end, problems = form.period()
    query = urlencode({"start": start.isoformat(), "end": end.isoformat()})
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="portfolio-totals-{start:%Y%m%d}-{end:%Y%m%d}.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(HEADERS)
        for row in totals_for(list(mentors_in(start, end)), start, end):
            writer.writerow(csv_cell(value) for value in cells(row))
        return response
    page = Paginator(mentors_in(start, end), PAGE_SIZE).get_page(request.GET.get("page"))
    if not problems:
        form = PeriodForm(initial={"start": start, "end": end})
    context = {
        "form": form,
        "problems": problems,
        "scope": SimpleNamespace(start=start, end=end),
        "query": query,
        "presets": [
            (label, urlencode({"start": s.isoformat(), "end": e.isoformat()}))
            for label, s, e in preset_periods()
        ],
        "page": page,
        "rows": totals_for(list(page.object_list), start, end),
        "headers": HEADERS,
    }
    return render(request, "dashboards/portfolio_totals.html", context)
