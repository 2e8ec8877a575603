# The commands README gives. Each creates .venv and installs what it needs on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test lint format bench drill drill-scaleout drill-soak

$(INSTALLED): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(INSTALLED)

run: $(INSTALLED)  ## web server, Celery worker and beat; SQLite and an embedded broker unless configured; DEBUG=true for Django's technical error pages
	DEVELOPMENT=$${DEVELOPMENT:-true} DEBUG=$${DEBUG:-false} $(PY) manage.py run_all

test: $(INSTALLED)  ## the whole test suite; PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set
	$(PY) -m pytest $(ARGS)

lint: $(INSTALLED)  ## ruff, and the layers of docs/architecture.md (import-linter, pyproject.toml)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(INSTALLED)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(INSTALLED)  ## key pages under gunicorn on PostgreSQL and Redis against their budgets (PERFORMANCE.md); seeds the scale data once
	$(PY) -m bench.run

drill: drill-scaleout drill-soak  ## both drills, at full size: the production shape failing under load, then the long outage soak

drill-scaleout: $(INSTALLED)  ## nginx (deploy/) before two gunicorn instances, two Celery workers and one beat, with an instance, a worker mid-sweep and Redis failing under load; figures in var/drill/scaleout.json
	$(PY) -m drills.scaleout $(ARGS)

drill-soak: $(INSTALLED)  ## five minutes of 50 users on gunicorn, PostgreSQL, Redis and Celery, with a web worker, the Celery worker and Redis failing; figures in var/drill/soak.json
	$(PY) -m drills.soak $(ARGS)
