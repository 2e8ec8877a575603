from django.urls import path

from mentoring.roster import views

app_name = "roster"
urlpatterns = [
    path("roster/", views.roster, name="index"),
    path("roster/upload/", views.upload, name="upload"),
    path("roster/upload/confirm/", views.confirm_upload, name="confirm-upload"),
    path("roster/invite/", views.invite, name="invite"),
    path("roster/campaigns/<int:pk>/", views.campaign, name="campaign"),
    path("roster/campaigns/<int:pk>/progress/", views.campaign_progress, name="campaign-progress"),
]
