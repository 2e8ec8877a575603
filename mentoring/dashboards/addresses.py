"""The addresses of one dashboard's pages, whichever kind it is (a clerkship's, a
programme's, the school's), and of its period: for the views, and for the figures' HTML
kept with them (figures_html.py)."""

from urllib.parse import urlencode

from django.urls import reverse


def period_query(scope, **extra):
    return urlencode({"start": scope.start.isoformat(), "end": scope.end.isoformat(), **extra})


def urls_for(scope):
    """The pages of one dashboard, so that templates need not know which kind it is."""
    if scope.clerkship is not None:
        return {
            "dashboard": reverse("dashboards:clerkship", args=[scope.clerkship.pk]),
            "students": reverse("dashboards:clerkship-students", args=[scope.clerkship.pk]),
        }
    if scope.programme is not None:
        return {
            "dashboard": reverse("dashboards:programme", args=[scope.programme.pk]),
            "students": reverse("dashboards:programme-students", args=[scope.programme.pk]),
        }
    return {
        "dashboard": reverse("dashboards:school"),
        "students": reverse("dashboards:school-students"),
    }


def recommend_url(scope, student_pk):
    if scope.clerkship is not None:
        return reverse("dashboards:clerkship-recommend", args=[scope.clerkship.pk, student_pk])
    if scope.programme is not None:
        return reverse("dashboards:programme-recommend", args=[scope.programme.pk, student_pk])
    return reverse("dashboards:school-recommend", args=[student_pk])
