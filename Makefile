# Every target bootstraps .venv itself: a fresh machine needs only Python 3.11+ and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint validate schema screenshot wheel-check bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## install, check the bundled dataset, start genevatui $(ARGS)
	$(BIN)/genevatui validate
	$(BIN)/genevatui $(ARGS)

test: $(STAMP) lint  ## lint, type-check and run every test
	$(BIN)/genevatui validate
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks docs
	$(BIN)/ruff format --check src tests benchmarks docs
	$(BIN)/mypy

validate: $(STAMP)
	$(BIN)/genevatui validate

schema: $(STAMP)  ## regenerate data/schema.json from the models
	$(BIN)/python -m genevatui.core.schema > data/schema.json

wheel-check: $(STAMP)  ## build the wheel, install it in a fresh venv, validate from elsewhere
	rm -rf dist
	$(BIN)/python -m build --wheel --outdir dist . >/dev/null
	tmp=$$(mktemp -d) && $(PYTHON) -m venv $$tmp/venv \
	  && $$tmp/venv/bin/pip install --quiet dist/*.whl \
	  && cd $$tmp && $$tmp/venv/bin/genevatui validate \
	  && $$tmp/venv/bin/genevatui export --format jsonl --speaker sherman | head -n 1 >/dev/null \
	  && rm -rf $$tmp

screenshot: $(STAMP)  ## docs/screenshot.svg for the README
	$(BIN)/python docs/make_screenshot.py docs/screenshot.svg

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

bench: $(STAMP)  ## benchmarks: TTI, key latency, load, RSS; BENCH_ARGS="--sizes 1000,10000 --repeat 3" or "--smoke"
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

fuzz: $(STAMP)  ## long keystroke fuzz run: 10,000+ keys and resizes (FUZZ_KEYS=N to change)
	GENEVATUI_FUZZ_KEYS=$${FUZZ_KEYS:-10000} $(BIN)/pytest -q -s tests/functional/test_fuzz.py -p no:cacheprovider
