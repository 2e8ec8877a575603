from django.contrib import admin
from django.urls import include, path

from mentoring import views
from mentoring.operations.metrics import metrics

# Before admin.site.urls is read: its login route takes the view from here.
admin.site.login = views.admin_sign_in

urlpatterns = [
    path("", views.landing, name="landing"),
    path("home/", views.home, name="home"),
    path("healthz/", views.healthz, name="healthz"),
    path("readyz/", views.readyz, name="readyz"),
    path("readyz/delivery/", views.delivery_ready, name="delivery-ready"),
    path("metrics", metrics, name="metrics"),
    path("accounts/", include("allauth.urls")),
    path("notifications/", include("mentoring.notifications.urls")),
    path("", include("mentoring.profiles.urls")),
    path("", include("mentoring.matching.urls")),
    path("", include("mentoring.mentorships.urls")),
    path("", include("mentoring.goals.urls")),
    path("", include("mentoring.outcomes.urls")),
    path("", include("mentoring.conversations.urls")),
    path("", include("mentoring.meetings.urls")),
    path("", include("mentoring.feedback.urls")),
    path("", include("mentoring.timeline.urls")),
    path("", include("mentoring.portfolio.urls")),
    path("", include("mentoring.concerns.urls")),
    path("", include("mentoring.clerkships.urls")),
    path("", include("mentoring.roster.urls")),
    path("", include("mentoring.dashboards.urls")),
    path("", include("mentoring.records.urls")),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "Mentoring administration"
admin.site.site_title = "Mentoring admin"
