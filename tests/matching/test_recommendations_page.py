import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mentoring.profiles.models import Area, Interest, MenteeProfile
from mentoring.profiles.roles import Role, add_roles
from mentoring.programmes.models import PROGRAMME_COUNT_KEY
from tests.factories import make_mentee, make_mentor, make_mentorship, make_user, stage_of

URL = "/mentors/recommended/"


def pharmacology_student():
    return make_mentee(
        make_user(display_name="Student Pharm"),
        interests=["Pharmacology", "addiction psychiatry"],
        areas=["research"],
        stage="final",
        mode_video=True,
    )


@pytest.mark.django_db
def test_recommendations_rank_with_reasons(client):
    student = pharmacology_student()
    make_mentor(
        make_user(display_name="Dr. Best Fit"),
        interests=["pharmacology", "Addiction Psychiatry"],
        areas=["research"],
        mode_video=True,
    )
    make_mentor(make_user(display_name="Dr. Some Fit"), interests=["pharmacology"])
    make_mentor(make_user(display_name="Dr. No Overlap"), interests=["orthopaedics"])
    client.force_login(student)
    page = client.get(URL).content.decode()
    assert page.index("Dr. Best Fit") < page.index("Dr. Some Fit") < page.index("Dr. No Overlap")
    assert "Shares 2 interests: addiction psychiatry, Pharmacology; offers Research;" in page


@pytest.mark.django_db
def test_full_self_and_current_mentors_are_left_out(client):
    student = pharmacology_student()
    make_mentor(make_user(display_name="Dr. Full"), interests=["pharmacology"], capacity=0)
    make_mentor(
        make_user(display_name="Dr. Closed"), interests=["pharmacology"], is_accepting=False
    )
    current = make_mentor(make_user(display_name="Dr. Current"), interests=["pharmacology"])
    make_mentorship(current, student)
    make_mentor(student, interests=["pharmacology"])  # a resident who also mentors
    make_mentor(make_user(display_name="Dr. Open"), interests=["pharmacology"])
    client.force_login(student)
    page = client.get(URL).content.decode()
    assert "Dr. Open" in page
    for absent in ["Dr. Full", "Dr. Closed", "Dr. Current", "Student Pharm</a>"]:
        assert absent not in page


@pytest.mark.django_db
def test_query_count_does_not_grow_with_mentors(client):
    student = pharmacology_student()
    client.force_login(student)

    def count_queries():
        # Each time as cold as the first: whether the school has several programmes too.
        cache.delete(PROGRAMME_COUNT_KEY)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    for n in range(3):
        make_mentor(interests=["pharmacology", f"topic {n}"], areas=["research"])
    few = count_queries()
    for n in range(40):
        make_mentor(interests=["pharmacology", f"topic {n}"], areas=["research", "teaching"])
    assert count_queries() == few <= 12


@pytest.mark.django_db
def test_people_without_the_mentee_role_are_told_how_to_get_it(client, mentor):
    client.force_login(mentor)
    assert "Recommendations are for people looking for mentors." in client.get(URL).content.decode()


@pytest.mark.django_db
def test_empty_recommendations_help(client):
    client.force_login(pharmacology_student())
    assert "No mentor with room matches yet." in client.get(URL).content.decode()


@pytest.mark.django_db
def test_a_student_without_interests_is_still_recommended_mentors_in_few_queries(
    client, django_assert_max_num_queries
):
    # A new student who has only said what they seek: the best by room and areas lead.
    student = make_mentee(make_user(), areas=["research"])
    for n in range(40):
        make_mentor(make_user(display_name=f"Dr. Plain {n:02d}"), capacity=1 + n % 4)
    make_mentor(make_user(display_name="Dr. Research"), areas=["research"], capacity=4)
    client.force_login(student)
    with django_assert_max_num_queries(12):
        page = client.get(URL).content.decode()
    assert page.index("Dr. Research") < page.index("Dr. Plain")
    assert "Offers Research" in page


@pytest.mark.django_db
def test_a_new_student_is_told_what_would_help_and_nothing_is_assumed(client):
    student = make_user(display_name="New Student")
    add_roles(student, [Role.MENTEE])
    profile = MenteeProfile.objects.get(user=student)
    assert (profile.stage, profile.modes) == (None, [])
    make_mentor(make_user(display_name="Dr. In Person"), interests=["surgery"])
    client.force_login(student)
    page = client.get(URL).content.decode()
    assert "Dr. In Person" in page
    assert "meets the way you prefer" not in page
    assert (
        "These would fit you better with your stage of training, your interests, the areas "
        "you want help with, your vision for the future and how you like to meet" in page
    )
    # Once everything is answered, the line goes.
    MenteeProfile.objects.filter(user=student).update(
        stage=stage_of("final"), vision="Surgery.", mode_video=True
    )
    profile.interests.set(Interest.objects.for_names(["surgery"]))
    profile.areas_sought.set(Area.objects.filter(slug="research"))
    assert "would fit you better" not in client.get(URL).content.decode()


@pytest.mark.django_db
def test_home_names_the_same_missing_answers(client):
    student = make_user(display_name="New Student")
    add_roles(student, [Role.MENTEE])
    client.force_login(student)
    home = client.get("/home/").content.decode()
    assert (
        "Recommendations would fit you better with your stage of training, your interests, "
        "the areas you want help with, your vision for the future and how you like to meet."
    ) in home
