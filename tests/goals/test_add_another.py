"""Saving a goal offers to write another straight away."""

import pytest

from mentoring.goals.models import Goal


@pytest.mark.django_db
def test_add_and_write_another_comes_back_to_an_empty_form(
    client, mentee, django_assert_max_num_queries
):
    client.force_login(mentee)
    assert "Add and write another" in client.get("/goals/new/").content.decode()

    data = {"kind": "work_habits", "title": "Improve time management", "then": "another"}
    response = client.post("/goals/new/", data)
    assert response["Location"] == "/goals/new/"
    with django_assert_max_num_queries(10):
        page = client.get(response["Location"]).content.decode()
    assert "Added “Improve time management”. Write the next one below." in page
    assert 'value="Improve time management"' not in page  # the form starts empty

    client.post("/goals/new/", {"kind": "personal", "title": "Have a life outside school"})
    assert list(Goal.objects.filter(mentee=mentee).values_list("title", "position")) == [
        ("Improve time management", 1),
        ("Have a life outside school", 2),
    ]
