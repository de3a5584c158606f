# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
  BIN := $(VENV)/Scripts
else
  BIN := $(VENV)/bin
endif
PY := $(BIN)/python

.PHONY: run test lint typecheck pytest bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(PY) -m app $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

pytest: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest

# Speed and size figures at 50,000 entries (not part of `make test`). The corpus is built once
# in build/bench-corpus and reused; a file keyring stands in for the system one on headless
# machines.
bench: $(VENV)/.installed-test
	PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring \
	XDG_DATA_HOME=$(CURDIR)/build/bench-home QT_QPA_PLATFORM=offscreen \
	$(PY) -m benchmarks.run

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
