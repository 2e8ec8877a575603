from django.urls import path

from mentoring.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("dashboards/", views.index, name="index"),
    path("dashboards/school/", views.school_dashboard, name="school"),
    path("dashboards/school/students/", views.school_students, name="school-students"),
    path(
        "dashboards/school/students/<int:student_pk>/recommend/",
        views.school_send_recommendations,
        name="school-recommend",
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
