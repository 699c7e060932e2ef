# Every target bootstraps .venv itself: a fresh machine needs only Python 3.11+ and pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
LATEST := .venv-latest
PIP := PIP_DISABLE_PIP_VERSION_CHECK=1 $(BIN)/pip
# pytest-xdist, two workers per core: many tests wait on a child process or a
# pty, so one per core leaves a quarter of the CPU idle (2 cores: 2:46 -> 2:30)
WORKERS := $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) * 2 )))
PYTEST_ARGS ?= -n $(WORKERS) --dist worksteal

.PHONY: run test lint validate schema screenshot wheel-check bench bench-hostile fuzz clean lock test-latest

# Installs exactly what requirements.lock pins, every file checked against its
# hash; the project itself is installed on top without touching its dependencies.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes -r $(LOCK)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)  ## install, check the bundled dataset, start genevatui $(ARGS)
	$(BIN)/genevatui validate
	$(BIN)/genevatui $(ARGS)

# Lint runs beside the tests (its output is printed when it ends): the tests
# leave some CPU idle while they wait on child processes. Either failing fails.
test: $(STAMP)  ## lint, type-check and run every test
	@$(MAKE) --no-print-directory lint > $(VENV)/lint.log 2>&1 & lint=$$!; \
	  $(BIN)/genevatui validate && $(BIN)/pytest -q $(PYTEST_ARGS); tests=$$?; \
	  wait $$lint; linted=$$?; cat $(VENV)/lint.log; \
	  [ $$linted -eq 0 ] || echo "make test: lint failed (above)"; \
	  [ $$tests -eq 0 ] && [ $$linted -eq 0 ]

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
	$(BIN)/python -m build --no-isolation --wheel --outdir dist . >/dev/null
	tmp=$$(mktemp -d) && $(PYTHON) -m venv $$tmp/venv \
	  && $$tmp/venv/bin/pip install --quiet dist/*.whl \
	  && cd $$tmp && $$tmp/venv/bin/genevatui validate \
	  && $$tmp/venv/bin/genevatui export --format jsonl --speaker sherman | head -n 1 >/dev/null \
	  && rm -rf $$tmp

screenshot: $(STAMP)  ## docs/screenshot.svg for the README
	$(BIN)/python docs/make_screenshot.py docs/screenshot.svg

clean:
	rm -rf $(VENV) $(LATEST) build dist .pytest_cache .mypy_cache .ruff_cache

bench: $(STAMP)  ## benchmarks: TTI, key latency, load, RSS; BENCH_ARGS="--sizes 1000,10000 --repeat 3" or "--smoke"
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

bench-hostile: $(STAMP)  ## worst-case inputs vs a harmless twin: CPU and peak RSS ratios; BENCH_ARGS=--smoke
	$(BIN)/python benchmarks/hostile.py $(BENCH_ARGS)

fuzz: $(STAMP)  ## long keystroke fuzz run: 10,000+ keys and resizes (FUZZ_KEYS=N to change)
	GENEVATUI_FUZZ_KEYS=$${FUZZ_KEYS:-10000} $(BIN)/pytest -q -s --timeout=0 tests/functional/test_fuzz.py -p no:cacheprovider

lock:  ## refresh requirements.lock: the newest versions pyproject.toml allows, with hashes
	tmp=$$(mktemp -d) && $(PYTHON) -m venv $$tmp \
	  && PIP_DISABLE_PIP_VERSION_CHECK=1 $$tmp/bin/pip install --quiet 'uv==0.13.9' \
	  && $$tmp/bin/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
	       --generate-hashes --custom-compile-command "make lock" --quiet --output-file $(LOCK) \
	  && rm -rf $$tmp

# Upstream drift shows up here before a user hits it: a brand-new venv with the
# newest versions pyproject.toml allows (not the lock), then the unit tests.
test-latest:  ## the unit tests against the newest allowed dependencies
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	PIP_DISABLE_PIP_VERSION_CHECK=1 $(LATEST)/bin/pip install --quiet --upgrade --upgrade-strategy eager -e '.[dev]'
	@$(LATEST)/bin/pip list --format=freeze 2>/dev/null | tr 'A-Z_' 'a-z-' | sort > $(LATEST)/freeze.txt
	@grep -oE '^[a-z0-9._-]+==[^ ;]+' $(LOCK) | sort | comm -13 - $(LATEST)/freeze.txt \
	  | grep -vE '^(genevatui|pip|setuptools)==' | sed 's/^/not as locked: /' || true
	$(LATEST)/bin/pytest -q $(PYTEST_ARGS) tests/unit
