from django.urls import path

from mentoring.profiles import views

app_name = "profiles"
urlpatterns = [
    path("roles/add/", views.add_role, name="add-role"),
]
