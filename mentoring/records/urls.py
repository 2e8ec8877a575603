from django.urls import path

from mentoring.records import export, views

app_name = "records"
urlpatterns = [
    path("record/", export.record_page, name="record"),
    path("record.json", export.record_json, name="record-json"),
    path("account/delete/", views.delete_account, name="account-delete"),
    path("account/deleted/", views.account_deleted, name="account-deleted"),
]
