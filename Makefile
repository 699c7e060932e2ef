# Every target bootstraps .venv itself: a fresh machine needs only Python 3.11+ and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint validate schema wheel-check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## install and check the bundled dataset, then start genevatui
	$(BIN)/genevatui validate
	$(BIN)/genevatui $(ARGS)

test: $(STAMP) lint  ## lint, type-check and run every test
	$(BIN)/genevatui validate
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

validate: $(STAMP)
	$(BIN)/genevatui validate

schema: $(STAMP)  ## regenerate data/schema.json from the models
	$(BIN)/python -m genevatui.core.schema > data/schema.json

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
