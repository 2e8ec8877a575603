import pytest

from mentoring.mentorships.models import MentorshipRequest
from mentoring.notifications.models import Notification
from tests.factories import make_mentee, make_mentor, make_mentorship


def ask_url(mentor):
    return f"/requests/ask/{mentor.mentor_profile.pk}/"


def ask(client, mentor, **data):
    payload = {"message": "I'm a second-year student hoping to learn about research.", "areas": []}
    payload.update(data)
    return client.post(ask_url(mentor), payload)


@pytest.mark.django_db
def test_mentee_asks_from_the_faculty_page(client, mentee, mentor, django_assert_max_num_queries):
    client.force_login(mentee)
    assert (
        "Ask to be my mentor"
        in client.get(f"/mentors/{mentor.mentor_profile.pk}/").content.decode()
    )
    with django_assert_max_num_queries(10):
        form = client.get(ask_url(mentor)).content.decode()
    assert "Who I am: ..." in form  # the gentle outline

    response = ask(client, mentor, areas=[], preferred_mode="video")

    request_obj = MentorshipRequest.objects.get()
    assert response["Location"] == f"/requests/{request_obj.pk}/"
    assert (request_obj.mentor, request_obj.mentee, request_obj.status) == (
        mentor,
        mentee,
        "pending",
    )
    assert request_obj.preferred_mode == "video"
    mentor.mentor_profile.refresh_from_db()
    assert mentor.mentor_profile.pending_request_count == 1
    notification = Notification.objects.get(recipient=mentor)
    assert notification.title == "Sam Okafor asked you to be their mentor"


@pytest.mark.django_db
def test_empty_message_is_refused(client, mentee, mentor):
    client.force_login(mentee)
    response = ask(client, mentor, message="")
    assert "This field is required." in response.content.decode()
    assert not MentorshipRequest.objects.exists()


@pytest.mark.django_db
def test_over_long_message_states_the_limit(client, mentee, mentor):
    client.force_login(mentee)
    response = ask(client, mentor, message="x" * 2001)
    assert (
        "Ensure this value has at most 2000 characters (it has 2001)." in response.content.decode()
    )
    assert not MentorshipRequest.objects.exists()


@pytest.mark.django_db
def test_no_duplicate_pending_request(client, mentee, mentor):
    client.force_login(mentee)
    ask(client, mentor)
    response = client.post(ask_url(mentor), {"message": "again"}, follow=True)
    assert "There is already a pending request between Sam Okafor and Dr. Ines Alvarez." in (
        response.content.decode()
    )
    assert MentorshipRequest.objects.count() == 1


@pytest.mark.django_db
def test_full_or_closed_mentor_cannot_be_asked(client, mentee):
    full = make_mentor(capacity=1)
    make_mentorship(full, make_mentee())
    closed = make_mentor(is_accepting=False)
    client.force_login(mentee)
    page = client.get(f"/mentors/{full.mentor_profile.pk}/").content.decode()
    assert "All places are taken right now." in page
    assert "See mentors with room" in page
    for mentor, reason in [(full, "has no places free"), (closed, "is not taking new mentees")]:
        response = client.post(ask_url(mentor), {"message": "hello"}, follow=True)
        assert reason in response.content.decode()
    assert not MentorshipRequest.objects.exists()


@pytest.mark.django_db
def test_pending_limit_per_mentee(client, mentee, settings):
    settings.MAX_PENDING_REQUESTS = 2
    client.force_login(mentee)
    mentors = [make_mentor() for _ in range(3)]
    ask(client, mentors[0])
    ask(client, mentors[1])
    response = client.post(ask_url(mentors[2]), {"message": "hello"}, follow=True)
    assert "You have 2 requests waiting for an answer; the limit is 2." in response.content.decode()
    assert MentorshipRequest.objects.count() == 2


@pytest.mark.django_db
def test_mentee_withdraws(client, mentee, mentor):
    client.force_login(mentee)
    ask(client, mentor)
    request_obj = MentorshipRequest.objects.get()
    client.post(f"/requests/{request_obj.pk}/withdraw/")
    request_obj.refresh_from_db()
    assert request_obj.status == "withdrawn"
    mentor.mentor_profile.refresh_from_db()
    assert mentor.mentor_profile.pending_request_count == 0
    # A second click changes nothing and says why.
    response = client.post(f"/requests/{request_obj.pk}/withdraw/", follow=True)
    assert "This was withdrawn already." in response.content.decode()


@pytest.mark.django_db
def test_only_the_sender_withdraws(client, mentee, mentor):
    client.force_login(mentee)
    ask(client, mentor)
    request_obj = MentorshipRequest.objects.get()
    client.force_login(mentor)
    assert client.post(f"/requests/{request_obj.pk}/withdraw/").status_code == 403
    request_obj.refresh_from_db()
    assert request_obj.status == "pending"


@pytest.mark.django_db
def test_person_without_mentee_role_is_told(client, other_faculty, mentor):
    client.force_login(other_faculty)
    response = client.get(ask_url(mentor), follow=True)
    assert "Add the mentee role under Account to ask for mentoring." in response.content.decode()


@pytest.mark.django_db
def test_outsiders_cannot_see_a_request(
    client, mentee, mentor, outsider, other_faculty, coordinator
):
    client.force_login(mentee)
    ask(client, mentor, message="canary-request-message")
    request_obj = MentorshipRequest.objects.get()
    for person in (outsider, other_faculty, coordinator):
        client.force_login(person)
        assert client.get(f"/requests/{request_obj.pk}/").status_code == 404
        assert "canary-request-message" not in client.get("/requests/").content.decode()
    client.force_login(mentor)
    assert "canary-request-message" in client.get(f"/requests/{request_obj.pk}/").content.decode()
