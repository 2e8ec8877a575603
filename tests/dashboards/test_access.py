"""Who may open the dashboards: the personas of tests/security, every URL, GET and POST.

A clerkship's dashboard is for its coordinators and staff, a programme's for its
coordinators and staff; the school's for staff. Anyone
else gets a 404 (not a 403), so that existence does not leak. The student lists are
read-only (POST is 405); a dashboard's POST recomputes its figures; sending
recommendations is POST only (GET is 405).
"""

import pytest
from django.urls import get_resolver, reverse

from mentoring.clerkships.models import Clerkship
from tests.dashboards.conftest import DAY, TODAY, make_student, recommend_url
from tests.security.personas import PERSONAS, build_world
from tests.security.test_authorization_matrix import all_routes

pytestmark = pytest.mark.django_db
LOGIN = "login"


def only(default, anonymous=LOGIN, **cells):
    return {"anonymous": anonymous, **{p: cells.get(p, default) for p in PERSONAS[1:]}}


COORDINATOR = only(404, coordinator=200, staff=200)
PROGRAMME = only(404, programme_coordinator=200, staff=200)
MATRIX = {
    # The list of one's dashboards: any coordinator, of a clerkship or a programme, and staff.
    "dashboards:index": {
        "GET": only(
            404,
            coordinator=200,
            coordinator_out=200,
            programme_coordinator=200,
            programme_coordinator_out=200,
            staff=200,
        )
    },
    "dashboards:programme": {
        "GET": PROGRAMME,
        "POST": only(404, programme_coordinator=302, staff=302),
    },
    "dashboards:programme-students": {"GET": PROGRAMME},
    "dashboards:programme-recommend": {"POST": only(404, programme_coordinator=302, staff=302)},
    # A dashboard's POST is "Recompute now", then back to the page.
    "dashboards:clerkship": {"GET": COORDINATOR, "POST": only(404, coordinator=302, staff=302)},
    "dashboards:clerkship-students": {"GET": COORDINATOR},
    "dashboards:clerkship-recommend": {"POST": only(404, coordinator=302, staff=302)},
    "dashboards:school": {"GET": only(404, staff=200), "POST": only(404, staff=302)},
    "dashboards:school-students": {"GET": only(404, staff=200)},
    "dashboards:school-recommend": {"POST": only(404, staff=302)},
    # Mentors' portfolio totals (issue 21): staff only.
    "dashboards:portfolio-totals": {"GET": only(404, staff=200)},
    # Confidential concerns, counts only: programme coordinators (for theirs) and staff.
    "dashboards:concerns": {
        "GET": only(404, programme_coordinator=200, programme_coordinator_out=200, staff=200)
    },
}
for row in MATRIX.values():
    row.setdefault("GET", only(405))
    row.setdefault("POST", only(405))


def url_for(route, world):
    clerkship = Clerkship.objects.get(name="Internal Medicine")  # the mentee rotates in it
    mentee = world.people["mentee"]
    kwargs = {
        "dashboards:clerkship": {"pk": clerkship.pk},
        "dashboards:clerkship-students": {"pk": clerkship.pk},
        "dashboards:clerkship-recommend": {"pk": clerkship.pk, "student_pk": mentee.pk},
        "dashboards:school-recommend": {"student_pk": mentee.pk},
        "dashboards:programme": {"pk": world.programme.pk},
        "dashboards:programme-students": {"pk": world.programme.pk},
        "dashboards:programme-recommend": {"pk": world.programme.pk, "student_pk": mentee.pk},
    }.get(route, {})
    return reverse(route, kwargs=kwargs)


def answer(response):
    if response.status_code == 302 and response["Location"].startswith("/accounts/login/"):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("route", list(MATRIX))
def test_authorization(client, route, method):
    world = build_world()
    url = url_for(route, world)
    for persona in PERSONAS:
        if world.people[persona] is not None:
            client.force_login(world.people[persona])
        else:
            client.logout()
        response = client.get(url) if method == "GET" else client.post(url)
        expected = MATRIX[route][method][persona]
        assert answer(response) == expected, f"{method} {url} as {persona}"


def test_every_dashboard_url_has_a_row():
    ours = {route for route, _ in all_routes(get_resolver().url_patterns)}
    assert {route for route in ours if route.startswith("dashboards:")} == set(MATRIX)


def test_coordinator_of_another_clerkship_gets_404(
    client, coordinator, clerkship, coordinator_out, other_clerkship
):
    client.force_login(coordinator_out)
    for path in ("", "students/", "?export=students", "?export=coverage"):
        assert client.get(f"/dashboards/clerkships/{clerkship.pk}/{path}").status_code == 404
    assert client.get(f"/dashboards/clerkships/{other_clerkship.pk}/").status_code == 200
    assert client.get("/dashboards/school/").status_code == 404


def test_an_unknown_clerkship_is_a_404_even_for_staff(client, staff):
    client.force_login(staff)
    assert client.get("/dashboards/clerkships/999999/").status_code == 404


def test_no_recommendations_for_a_student_out_of_scope(
    client, coordinator, clerkship, other_clerkship
):
    surgery_student = make_student(other_clerkship, name="Surgery Student")
    no_rotation = make_student(name="No Rotation Student")
    client.force_login(coordinator)
    for student in (surgery_student, no_rotation):
        assert client.post(recommend_url(clerkship, student)).status_code == 404
    # In scope only for the period looked at: a rotation years ago is not now.
    old = make_student(clerkship, name="Old Rotation", starts_on=TODAY - 800 * DAY)
    assert client.post(recommend_url(clerkship, old)).status_code == 404
    in_that_period = {"start": TODAY - 820 * DAY, "end": TODAY - 700 * DAY}
    assert client.post(recommend_url(clerkship, old), in_that_period).status_code == 302


def test_no_assign_action_anywhere(client, coordinator, clerkship, staff):
    make_student(clerkship, name="Unmatched Student")
    client.force_login(coordinator)
    pages = [
        f"/dashboards/clerkships/{clerkship.pk}/",
        f"/dashboards/clerkships/{clerkship.pk}/students/",
    ]
    for page in pages:
        text = client.get(page).content.decode().lower()
        assert "assign" not in text.replace("not assignments", "")
    assert not [r for r in MATRIX if "assign" in r or "pair" in r]
