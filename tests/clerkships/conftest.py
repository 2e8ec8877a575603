import pytest

from tests.factories import make_clerkship, make_mentee, make_rotation, make_user


@pytest.fixture
def other_clerkship(db):
    return make_clerkship("Surgery")


@pytest.fixture
def coordinator_out(other_clerkship, outsider):
    """Coordinates another clerkship, with a student of their own."""
    user = make_user(display_name="Coordinator Out Of Scope")
    other_clerkship.coordinators.add(user)
    make_rotation(outsider, other_clerkship)
    return user


@pytest.fixture
def students(db):
    """Three students with accounts, none rotating yet."""
    return [
        make_mentee(make_user(email=f"student{n}@med.example.edu", display_name=f"Student {n}"))
        for n in (1, 2, 3)
    ]
