# Zorgzame Buurten – everyday commands. `make run` serves the demo site, `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PORT   ?= 8000
ADMIN_PASSWORD ?= zorgzaam-demo
# Test processes of `make test` (pytest-xdist; the CI machine has 2 cores). TEST_WORKERS=0: one process.
TEST_WORKERS ?= 2

.PHONY: install system-deps run demo test test-browser lint check messages clean-db deploy-static

install: system-deps $(VENV)/.installed

# The PDFs (weekoverzicht, booklet) need Pango. Installed with apt when we may; otherwise we say how.
system-deps:
	@dpkg -s libpango-1.0-0 libpangoft2-1.0-0 >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; \
	  else echo "Note: PDF downloads need Pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0"; fi; }

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --admin-password "$(ADMIN_PASSWORD)"

run: demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# --dist loadgroup: the tests that use the search cluster share one worker (tests/conftest.py).
# --durations: the slowest tests are named at the end, so that a CI run shows where its time goes.
test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=15

test-browser: install
	REQUIRE_BROWSER=1 $(BIN)/python -m pytest tests/browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install lint
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: install
	$(BIN)/python manage.py makemessages -l en -l tr -l ar --ignore=.venv --ignore=demo --no-obsolete
	$(BIN)/python manage.py compilemessages -l en -l tr -l ar --ignore=.venv

clean-db:
	rm -f db.sqlite3

# Production deploy step: static files with their manifest (the production server refuses to start without it).
deploy-static:
	DJANGO_SETTINGS_MODULE=portal.settings.production $(BIN)/python manage.py collectstatic --noinput
