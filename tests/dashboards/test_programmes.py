"""Two programmes side by side: each coordinator sees their programme's students and
figures only, staff see the school and choose a programme, and the downloads follow."""

import pytest
from django.urls import reverse

from mentoring.dashboards.models import AccessLog
from mentoring.notifications.models import Notification
from tests.dashboards.conftest import csv_rows, make_faculty, make_student, row_of
from tests.factories import default_programme, make_mentorship, make_programme, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def school():
    """MD and PA studies, a coordinator each, two MD students (one matched), three PA."""
    md_lead, pa_lead = make_user(display_name="MD Lead"), make_user(display_name="PA Lead")
    md = default_programme()
    md.coordinators.add(md_lead)
    pa = make_programme("PA studies", [("Didactic year", True), ("Clinical year", False)])
    pa.coordinators.add(pa_lead)
    ada = make_student(name="Ada MD", stage="final")
    make_student(name="Bo MD", stage="preclinical")
    make_mentorship(make_faculty("Dr. Md Mentor", capacity=5), ada)
    pa_students = [
        make_student(name=f"Pat PA {n}", programme=pa, stage="Didactic year") for n in range(3)
    ]
    return {
        "md": md,
        "pa": pa,
        "md_lead": md_lead,
        "pa_lead": pa_lead,
        "pat": pa_students[0],
    }


def url(name, programme, *args):
    return reverse(f"dashboards:{name}", args=[programme.pk, *args])


def test_a_coordinator_sees_their_programmes_figures_only(
    client, school, django_assert_max_num_queries
):
    client.force_login(school["md_lead"])
    client.get(url("programme", school["md"]))  # the figures computed once, as the others
    with django_assert_max_num_queries(12):
        page = client.get(url("programme", school["md"])).content.decode()
    assert "Mentoring dashboard: MD programme" in page
    coverage = csv_rows(client.get(url("programme", school["md"]) + "?export=coverage"))
    assert row_of(coverage, "All stages") == ["All stages", "2", "1", "50.0"]
    assert row_of(coverage, "Final year")[1:3] == ["1", "1"]
    students = client.get(url("programme-students", school["md"])).content.decode()
    assert "Bo MD" in students and "Pat PA" not in students and "Ada MD" not in students


def test_a_coordinator_of_one_programme_gets_404_for_the_other(client, school):
    client.force_login(school["md_lead"])
    pa, pat = school["pa"], school["pat"]
    assert client.get(url("programme", pa)).status_code == 404
    assert client.get(url("programme", pa) + "?export=students").status_code == 404
    assert client.get(url("programme-students", pa)).status_code == 404
    assert client.post(url("programme-recommend", pa, pat.pk)).status_code == 404
    # Nor through their own programme's pages: the student is not in its scope.
    assert client.post(url("programme-recommend", school["md"], pat.pk)).status_code == 404
    assert client.get(reverse("matching:mentee", args=[pat.mentee_profile.pk])).status_code == 404
    assert not Notification.objects.filter(recipient=pat).exists()
    assert not AccessLog.objects.filter(subject_user=pat).exists()


def test_the_other_coordinator_sees_their_own_students_profiles(client, school):
    client.force_login(school["pa_lead"])
    pat = school["pat"]
    assert client.get(reverse("matching:mentee", args=[pat.mentee_profile.pk])).status_code == 200
    rows = csv_rows(client.get(url("programme", school["pa"]) + "?export=students"))
    assert [row[:2] for row in rows[1:]] == [[f"Pat PA {n}", "Didactic year"] for n in range(3)]
    log = AccessLog.objects.get(viewer=school["pa_lead"])
    assert (log.programme, log.clerkship, log.action) == (school["pa"], None, "export")
    home = client.get(reverse("dashboards:index")).content.decode()
    assert "The PA studies programme" in home and "The MD programme" not in home


def test_staff_see_the_school_and_choose_a_programme(client, school, staff):
    client.force_login(staff)
    page = client.get(reverse("dashboards:school")).content.decode()
    assert url("programme", school["md"]) in page and url("programme", school["pa"]) in page
    # The school's coverage names each programme's stages.
    coverage = csv_rows(client.get(reverse("dashboards:school") + "?export=coverage"))
    assert row_of(coverage, "All stages")[1:3] == ["5", "1"]
    assert row_of(coverage, "PA studies: Didactic year")[1:3] == ["3", "0"]
    assert row_of(coverage, "MD: Final year")[1:3] == ["1", "1"]
    chosen = csv_rows(client.get(url("programme", school["pa"]) + "?export=coverage"))
    assert row_of(chosen, "All stages")[1:3] == ["3", "0"]
    response = client.get(url("programme", school["pa"]) + "?export=students")
    assert f'filename="programme-{school["pa"].pk}-students-' in response["Content-Disposition"]


def test_a_programme_coordinator_sends_recommendations_in_their_programmes_words(client, school):
    make_faculty(
        "Dr. Pa Mentor", interests=["cardiology"], areas=["research"]
    ).mentor_profile.programmes.set([school["pa"]])
    client.force_login(school["pa_lead"])
    pat = school["pat"]
    client.post(url("programme-recommend", school["pa"], pat.pk))
    notice = Notification.objects.get(recipient=pat)
    assert "I coordinate the PA studies programme." in notice.body
    assert "Dr. Pa Mentor" in notice.body and "Dr. Md Mentor" not in notice.body
