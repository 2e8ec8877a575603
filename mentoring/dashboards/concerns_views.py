"""The concerns page of the dashboards (concerns.py): for the coordinators of a programme,
their programmes; for staff, every programme. Anyone else gets a 404."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from mentoring.dashboards.addresses import period_query
from mentoring.dashboards.concerns import concerns_table
from mentoring.dashboards.views import csv_cell, page_context, scope_from
from mentoring.programmes.models import Programme


@require_safe
def concerns_dashboard(request):
    programmes = list(Programme.objects.visible_to(request.user))
    if not programmes and not request.user.is_staff:
        raise Http404
    form, scope, problems = scope_from(request.GET, None)
    table = concerns_table(programmes, scope)
    if request.GET.get("export") == table.name:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="concerns-{scope.start:%Y%m%d}-{scope.end:%Y%m%d}.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(table.headers)
        writer.writerows([csv_cell(value) for value in row] for row in table.rows)
        return response
    context = page_context(form, scope, problems)
    context |= {
        "table": table,
        "title": "Confidential concerns",
        "urls": {"dashboard": reverse("dashboards:concerns")},
        "query": period_query(scope),
    }
    return render(request, "dashboards/concerns.html", context)
