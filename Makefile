# Two commands on a fresh machine: `make run` (serve the demo site) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test lint format setup messages bench bench-scale clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $(STAMP)

# Install, compile translations (pure Python, no system gettext), migrate, collect static files.
setup: $(STAMP)
	$(PY) manage.py compile_translations
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0

run: setup
	$(PY) manage.py load_demo_content
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(PY) manage.py compile_translations
	$(VENV)/bin/pytest -n 2 --dist loadgroup

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Refresh the catalogues after changing interface strings (needs xgettext), then fill in the Thai.
messages: $(STAMP)
	$(PY) manage.py makemessages -l th -l en --ignore=.venv --ignore=staticfiles --ignore=media

# Speed of every public page type against a static file of the same size, cold / app cache (Redis) / HTTP cache
# (Varnish), median of 3 runs (bench/results.md), about 10 minutes.
bench: $(STAMP)
	{ command -v wrk && command -v varnishd; } >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk varnish) || (sudo apt-get update -qq && sudo apt-get install -y -qq wrk varnish)
	$(PY) manage.py compile_translations
	$(PY) bench/run.py

# The same page types at demo scale and at programme scale (200 units, 500 news pages, 33,600 figures) on
# PostgreSQL, cold, against issue 22's budgets, and a year's import timed (bench/results.md, "Programme scale").
# Builds both databases (about 25 minutes); BENCH_KEEP_DATABASE=1 reuses them.
bench-scale: $(STAMP)
	{ command -v wrk && command -v varnishd; } >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk varnish) || (sudo apt-get update -qq && sudo apt-get install -y -qq wrk varnish)
	$(PY) manage.py compile_translations
	$(PY) bench/scale.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
