from django.urls import path

from mentoring.portfolio import views

app_name = "portfolio"
urlpatterns = [
    path("portfolio/", views.my_portfolio, name="mine"),
    path("portfolio/portfolio.pdf", views.download_pdf, name="pdf"),
    path("portfolio/portfolio.csv", views.download_csv, name="csv"),
    path("portfolio/portfolio.json", views.download_json, name="json"),
    path("mentorships/<int:pk>/portfolio-consent/", views.consent, name="consent"),
]
