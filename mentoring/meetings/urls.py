from django.urls import path

from mentoring.meetings import office_hours_views, views

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

# Office hours (office_hours_views.py): a mentor's weekly times, and students' bookings.
urlpatterns += [
    path("office-hours/", office_hours_views.my_office_hours, name="office-hours"),
    path("office-hours/new/", office_hours_views.add_office_hours, name="office-hours-new"),
    path(
        "office-hours/<int:pk>/edit/",
        office_hours_views.edit_office_hours,
        name="office-hours-edit",
    ),
    path(
        "office-hours/<int:pk>/remove/",
        office_hours_views.remove_office_hours,
        name="office-hours-remove",
    ),
    path(
        "office-hours/with/<int:mentor_pk>/",
        office_hours_views.book_office_hours,
        name="office-hours-book",
    ),
    path(
        "office-hours/bookings/<int:pk>/cancel/",
        office_hours_views.cancel_booking,
        name="booking-cancel",
    ),
    path(
        "office-hours/bookings/<int:pk>/calendar.ics",
        office_hours_views.booking_ics,
        name="booking-ics",
    ),
]
