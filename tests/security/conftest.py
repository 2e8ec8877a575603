import pytest
from django.db import transaction
from django.test import override_settings

from tests.security.personas import build_world


@pytest.fixture(scope="module", autouse=True)
def _documents_in_a_temporary_folder(tmp_path_factory):
    """The world's documents are stored, as in use; in a folder of their own, not var/."""
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


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
