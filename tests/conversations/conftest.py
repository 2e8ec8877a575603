import pytest

from tests.factories import make_mentorship


@pytest.fixture(autouse=True)
def _documents_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def mentorship(mentor, mentee):
    return make_mentorship(mentor, mentee)
