from django.urls import path

from mentoring.clerkships import views

app_name = "clerkships"
urlpatterns = [
    path("clerkships/", views.my_clerkships, name="list"),
    path("rotations/", views.my_rotations, name="my-rotations"),
    path("clerkships/<int:pk>/", views.clerkship_detail, name="detail"),
    path("clerkships/<int:pk>/import/", views.import_rotations, name="import"),
    path("clerkships/<int:pk>/import/confirm/", views.confirm_import, name="confirm-import"),
]
