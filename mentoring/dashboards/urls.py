from django.urls import path

from mentoring.dashboards import concerns_views, portfolio_totals, views

app_name = "dashboards"
urlpatterns = [
    path("dashboards/", views.index, name="index"),
    path("dashboards/school/", views.school_dashboard, name="school"),
    path("dashboards/concerns/", concerns_views.concerns_dashboard, name="concerns"),
    path(
        "dashboards/portfolios/",
        portfolio_totals.portfolio_totals,
        name="portfolio-totals",
    ),
    path("dashboards/school/students/", views.school_students, name="school-students"),
    path(
        "dashboards/school/students/<int:student_pk>/recommend/",
        views.school_send_recommendations,
        name="school-recommend",
    ),
    path("dashboards/programmes/<int:pk>/", views.programme_dashboard, name="programme"),
    path(
        "dashboards/programmes/<int:pk>/students/",
        views.programme_students,
        name="programme-students",
    ),
    path(
        "dashboards/programmes/<int:pk>/students/<int:student_pk>/recommend/",
        views.programme_send_recommendations,
        name="programme-recommend",
    ),
    path("dashboards/clerkships/<int:pk>/", views.clerkship_dashboard, name="clerkship"),
    path(
        "dashboards/clerkships/<int:pk>/students/",
        views.clerkship_students,
        name="clerkship-students",
    ),
    path(
        "dashboards/clerkships/<int:pk>/students/<int:student_pk>/recommend/",
        views.clerkship_send_recommendations,
        name="clerkship-recommend",
    ),
]
