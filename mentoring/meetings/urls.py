from django.urls import path

from mentoring.meetings import views

app_name = "meetings"
urlpatterns = [
    path("mentorships/<int:pk>/meetings/", views.meeting_list, name="list"),
    path("mentorships/<int:pk>/meetings/new/", views.plan_meeting, name="plan"),
    path("mentorships/<int:pk>/meetings/log/", views.log_new_meeting, name="log-new"),
    path("mentorships/<int:pk>/log/", views.quick_log, name="quick-log"),
    path("meetings/<int:pk>/", views.meeting_detail, name="detail"),
    path("meetings/<int:pk>/edit/", views.edit_meeting, name="edit"),
    path("meetings/<int:pk>/agenda/", views.edit_agenda, name="agenda"),
    path("meetings/<int:pk>/log/", views.log_meeting, name="log"),
    path("meetings/<int:pk>/cancel/", views.cancel_meeting, name="cancel"),
    path("meetings/<int:pk>/private-note/", views.private_note, name="private-note"),
    path(
        "meetings/<int:pk>/action-items/<int:item_pk>/done/",
        views.mark_action_item,
        name="mark-action-item",
    ),
    path("meetings/<int:pk>/calendar.ics", views.meeting_ics, name="ics"),
    path("calendar/", views.calendar_settings, name="calendar"),
    path("calendar/reset/", views.reset_calendar, name="reset-calendar"),
    path("calendar/<slug:token>.ics", views.calendar_feed, name="feed"),
]
