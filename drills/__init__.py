"""Drills: tools that run the whole product (gunicorn, PostgreSQL, Redis, Celery) and break
parts of it on purpose, then say in figures whether the product kept its promises.
Run one as `python -m drills.soak`; `make drill` runs both at full size
(`make drill-scaleout`, `make drill-soak`)."""
