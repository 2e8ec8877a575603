import pytest
from django.db import transaction

from tests.security.personas import build_world


@pytest.fixture(scope="module")
def shared_security_world(django_db_setup, django_db_blocker):
    """The personas' world, built once per module in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)


@pytest.fixture
def security_world(shared_security_world, db):
    # Each test runs in a savepoint that is rolled back, so every one starts from this world.
    return shared_security_world
