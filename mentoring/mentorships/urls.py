from django.urls import path

from mentoring.mentorships import request_views, views

app_name = "mentorships"
urlpatterns = [
    path("requests/", request_views.request_list, name="requests"),
    path("requests/<int:pk>/", request_views.request_detail, name="request"),
    path("requests/<int:pk>/accept/", request_views.accept_request, name="accept"),
    path("requests/<int:pk>/decline/", request_views.decline_request, name="decline"),
    path("requests/<int:pk>/withdraw/", request_views.withdraw_request, name="withdraw"),
    path(
        "requests/<int:pk>/follow-referral/",
        request_views.follow_referral,
        name="follow-referral",
    ),
    path("requests/ask/<int:profile_pk>/", request_views.ask_mentor, name="ask"),
    path("requests/invite/<int:profile_pk>/", request_views.invite_mentee, name="invite"),
    path("requests/register/", request_views.register_relationship, name="register"),
    path("requests/roster/", request_views.roster, name="roster"),
    path("requests/stop-accepting/", request_views.stop_accepting, name="stop-accepting"),
    path("mentorships/mentors/", views.my_mentors, name="my-mentors"),
    path("mentorships/mentees/", views.my_mentees, name="my-mentees"),
    path("mentorships/<int:pk>/", views.mentorship_detail, name="detail"),
    path("mentorships/<int:pk>/pause/", views.pause_mentorship, name="pause"),
    path("mentorships/<int:pk>/resume/", views.resume_mentorship, name="resume"),
    path("mentorships/<int:pk>/close/", views.close_mentorship, name="close"),
    path("mentorships/<int:pk>/change/", views.propose_change, name="propose-change"),
    path(
        "mentorships/<int:pk>/change/<int:change_pk>/answer/",
        views.answer_change,
        name="answer-change",
    ),
]
