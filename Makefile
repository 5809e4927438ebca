# Trame — run `make help` for the list of commands.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test processes (pytest-xdist); each gets its own test database and media folder.
TEST_WORKERS ?= auto
MANAGE := $(BIN)/python manage.py

.PHONY: help install run test test-browser lint format check messages bench load clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[1m%-14s\033[0m %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# axe-core, for the accessibility tests; without npm those tests are skipped with the reason.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm introuvable : les tests d'accessibilité seront ignorés."; fi

install: $(BIN)/.installed ## Create the virtual environment and install Trame with its dev tools

run: install ## Set up the database, seed the demo and serve on http://127.0.0.1:$(PORT)
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install node_modules/.package-lock.json ## Run the whole test suite (browser tests need chromium)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

test-browser: install node_modules/.package-lock.json ## Run the browser and accessibility tests only
	$(BIN)/pytest -m browser

lint: install ## Check style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install ## Django checks and missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

messages: install ## Update and compile the French catalogue
	$(MANAGE) makemessages --locale fr --ignore '.venv/*' --ignore 'node_modules/*'
	$(MANAGE) compilemessages --locale fr --ignore '.venv/*'

bench: install ## Measure page throughput with gunicorn (see docs/benchmarks.md)
	$(BIN)/python bench/pages.py

load: install ## Load test: 50 people at once with Locust, quiet then during a rebuild (PostgreSQL)
	$(BIN)/python bench/load.py

clean: ## Remove the virtual environment, the local database and media
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media test-artifacts
