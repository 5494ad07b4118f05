# `make run`: from a fresh clone to a working site on http://127.0.0.1:8000.  `make test`: the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test lint test-sqlite test-postgres messages content check bench audit run-cluster

# The site's packages only; the test tools (tests/requirements.txt) are installed by `make test`.
$(VENV)/.installed: requirements.txt
	@test -x $(PY) || { echo "==> Creating $(VENV) with $(PYTHON)"; $(PYTHON) -m venv $(VENV); }
	@echo "==> Installing the site's Python packages (requirements.txt): 1-2 minutes the first time"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.tests-installed: $(VENV)/.installed tests/requirements.txt
	@echo "==> Installing the test tools (tests/requirements.txt)"
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r tests/requirements.txt
	touch $@

messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || { echo "msgfmt not found: install GNU gettext (apt-get install gettext)"; exit 1; }
	@echo "==> Compiling the Chinese interface strings"
	$(MANAGE) compilemessages --locale zh_Hans --locale en --ignore '.venv' -v0

setup: $(VENV)/.installed messages
	@echo "==> Creating or updating the database (about a minute the first time; each step takes a few seconds to start)"
	$(MANAGE) migrate --noinput
	@echo "==> Loading content/"
	$(MANAGE) loadcontent
	$(MANAGE) ensureadmin --url http://$(HOST):$(PORT)/admin/

run: setup
	@echo "==> Serving the site on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/); Ctrl-C stops it"
	$(MANAGE) runserver $(HOST):$(PORT)

content: $(VENV)/.installed
	$(MANAGE) loadcontent

test: lint test-sqlite test-postgres

# The rules and the layout pyproject.toml declares, and the templates' indentation (two spaces; djhtml has no
# settings file, so the width is given here).
TEMPLATE_DIRS := site/templates $(wildcard explainer/*/templates)
lint: $(VENV)/.tests-installed
	$(VENV)/bin/ruff check explainer tests manage.py
	$(VENV)/bin/ruff format --check explainer tests manage.py
	$(VENV)/bin/djhtml --check --tabwidth 2 $(TEMPLATE_DIRS)

test-sqlite: $(VENV)/.tests-installed messages
	$(PY) -m pytest

# PostgreSQL runs when one answers at 127.0.0.1:5432; CI always has one. The browser tests run their own server
# on SQLite, so they run once, in the SQLite pass.
test-postgres: $(VENV)/.tests-installed messages
	@if $(PY) -c "import psycopg; psycopg.connect('$(POSTGRES_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		DATABASE_URL=$(POSTGRES_URL) $(PY) -m pytest -m "not browser"; \
	elif [ -n "$$CI" ]; then echo "PostgreSQL is not reachable at $(POSTGRES_URL)"; exit 1; \
	else echo "PostgreSQL is not reachable at $(POSTGRES_URL): skipped the PostgreSQL run."; fi

check: $(VENV)/.installed
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=explainer.settings.production DJANGO_SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") \
		DJANGO_ALLOWED_HOSTS=example.org REDIS_URL=redis://127.0.0.1:6379/0 $(MANAGE) check --deploy --fail-level WARNING

# Speed and quality figures (printed, never asserted): the claim matcher and its labelled set, then the whole site
# under gunicorn on a throwaway database (needs wrk: apt-get install wrk). benchsite and runcluster live in
# explainer.devtools, which only the dev and test settings install.
DEV_MANAGE := DJANGO_SETTINGS_MODULE=explainer.settings.dev $(MANAGE)
bench: $(VENV)/.installed messages
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) loadcontent -v0
	$(MANAGE) benchclaims
	$(DEV_MANAGE) benchsite

# Two gunicorn instances (ports 8001 and 8002) with production settings, sharing PostgreSQL and Redis; Ctrl-C stops both.
run-cluster: DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cluster
run-cluster: REDIS_URL ?= redis://127.0.0.1:6379/1
run-cluster: $(VENV)/.installed messages
	$(DEV_MANAGE) runcluster --database-url '$(DATABASE_URL)' --redis-url '$(REDIS_URL)' --ports 8001 8002

# Known vulnerabilities in the pinned requirements. Needs the PyPI JSON API or OSV, which these machines cannot
# reach: --strict fails rather than report "no known vulnerabilities" for packages it could not check.
audit: $(VENV)/.installed
	$(VENV)/bin/pip install --quiet --disable-pip-version-check pip-audit==2.10.1
	$(VENV)/bin/pip-audit --strict -r requirements.txt -r tests/requirements.txt
