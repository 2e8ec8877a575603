"""PreparedQuery: built once, run with each caller's id, never another's rows."""

import pytest
from django.db.models import Count, OuterRef, Q

from accounts.models import User
from mentoring.lib.prepared import PreparedQuery
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_builds_once_and_runs_with_each_id():
    built = []

    def build(user_id):
        built.append(user_id)
        return User.objects.filter(pk=user_id).values("email", "display_name")

    query = PreparedQuery(build)
    ada, ben = make_user(display_name="Ada"), make_user(display_name="Ben")
    assert query.rows(ada.pk) == [{"email": ada.email, "display_name": "Ada"}]
    assert query.rows(ben.pk) == [{"email": ben.email, "display_name": "Ben"}]
    assert query.rows(-1) == []
    assert len(built) == 1


def test_the_id_in_a_subquery_is_replaced_too():
    # The navigation's pending-answer count names the id inside a sub-query.
    query = PreparedQuery(
        lambda user_id: (
            User.objects.filter(pk=user_id)
            .annotate(
                others=Count("pk", filter=~Q(pk=user_id)),
                same=User.objects.filter(pk=OuterRef("pk"), id=user_id).values("pk")[:1],
            )
            .values("others", "same")
        )
    )
    ada = make_user()
    assert query.rows(ada.pk) == [{"others": 0, "same": ada.pk}]


def test_a_builder_that_does_not_pass_the_id_as_a_parameter_is_refused():
    query = PreparedQuery(lambda user_id: User.objects.filter(is_active=True).values("pk"))
    with pytest.raises(ValueError, match="query parameter"):
        query.rows(1)
