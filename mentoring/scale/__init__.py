"""A large, coherent school for load tests: `manage.py seed_scale` (see seed.py)."""


class ScaleProblem(Exception):
    """Why the school cannot be seeded as asked (database, sizes), in words for the user."""
