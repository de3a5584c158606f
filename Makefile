# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
ifeq ($(OS),Windows_NT)
  BIN := $(VENV)/Scripts
  EXE := .exe
else
  BIN := $(VENV)/bin
  EXE :=
endif
PY := $(BIN)/python

.PHONY: run test lint typecheck pytest build test-bundle bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-build: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,build]'
	touch $@ $(VENV)/.installed-test $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(PY) -m app $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

pytest: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest test-bundle

# The one-folder bundle: dist/inquiry-journal/ holds inquiry-journal (the window) and
# inquiry-journal-cli. Rebuilt only when the app, its data, build.spec or pyproject.toml change;
# PyInstaller keeps its cache in build/pyinstaller.
BUNDLE := dist/inquiry-journal
BUNDLE_STAMP := build/bundle.stamp
BUNDLE_INPUTS := build.spec pyproject.toml $(shell find app resources bundling -type f \
	-not -path '*/__pycache__/*' 2>/dev/null)

build: $(BUNDLE_STAMP)

$(BUNDLE_STAMP): $(BUNDLE_INPUTS) $(VENV)/.installed-build
	$(BIN)/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller \
		--distpath dist build.spec
	$(PY) -m bundling.check_bundle --size $(BUNDLE)
	touch $@

# Run the bundled programs' self-test as IT would: no display, a throwaway home, and on Linux
# no network at all (an empty network namespace, when the system allows one). The windowed
# program has no console on Windows, so its results are read from the report file.
BUNDLE_HOME := $(CURDIR)/build/bundle-home
NO_NETWORK := $(shell unshare -rn true 2>/dev/null && echo unshare -rn)
# QT_QPA_PLATFORM and the display are left unset: the self-test chooses "offscreen" itself.
BUNDLE_ENV := env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM -u PYTHON_KEYRING_BACKEND \
	-u INQUIRY_JOURNAL_PASSPHRASE HOME=$(BUNDLE_HOME) USERPROFILE=$(BUNDLE_HOME) \
	TMPDIR=$(BUNDLE_HOME)/tmp TEMP=$(BUNDLE_HOME)/tmp TMP=$(BUNDLE_HOME)/tmp \
	XDG_DATA_HOME=$(BUNDLE_HOME)/data XDG_CONFIG_HOME=$(BUNDLE_HOME)/config \
	INQUIRY_JOURNAL_HOME=$(BUNDLE_HOME)/journal

test-bundle: build
	@# Qt can only fetch a URL through QtNetwork: the bundle must not even contain it.
	test -z "$$(find $(BUNDLE) -iname '*Qt*Network*')"
	@# Nothing the app does not load: no Qt network/QML/SQL, translations, tests, excluded
	@# modules or unlisted libraries, and under the size limit.
	$(PY) -m bundling.check_bundle $(BUNDLE)
	rm -rf $(BUNDLE_HOME) && mkdir -p $(BUNDLE_HOME)/tmp
	$(BUNDLE_ENV) $(NO_NETWORK) $(BUNDLE)/inquiry-journal-cli$(EXE) --self-test
	$(BUNDLE_ENV) $(NO_NETWORK) $(BUNDLE)/inquiry-journal$(EXE) --self-test \
		--report $(BUNDLE_HOME)/report.txt
	grep -q '^All [0-9]* checks passed\.$$' $(BUNDLE_HOME)/report.txt
	test ! -e $(BUNDLE_HOME)/journal

# Speed and size figures at 50,000 entries (not part of `make test`). The corpus is built once
# in build/bench-corpus and reused; a file keyring stands in for the system one on headless
# machines. The app's bytecode is compiled first, as an installed app or the bundle has it
# (with PYTHONDONTWRITEBYTECODE set, every start would otherwise compile every module).
bench: $(VENV)/.installed-test
	$(PY) -m compileall -q app benchmarks
	PYTHON_KEYRING_BACKEND=keyrings.alt.file.PlaintextKeyring \
	XDG_DATA_HOME=$(CURDIR)/build/bench-home QT_QPA_PLATFORM=offscreen \
	$(PY) -m benchmarks.run

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
