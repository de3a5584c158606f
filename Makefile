# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
# The pinned tools behind `make lock` and `make audit` live apart from the app's venv.
TOOLS := .tools
ifeq ($(OS),Windows_NT)
  BIN := $(VENV)/Scripts
  TOOLS_BIN := $(TOOLS)/Scripts
  EXE := .exe
else
  BIN := $(VENV)/bin
  TOOLS_BIN := $(TOOLS)/bin
  EXE :=
endif
PY := $(BIN)/python

.PHONY: run test lint typecheck pytest build test-bundle bench clean lock audit

# Everything comes from a lock in requirements/ (see `make lock`): one version of each package,
# with the sha256 of every file PyPI has for it, for Windows, macOS and Linux alike. pip checks
# each download against those hashes and refuses anything the lock does not name, so two
# machines installing the same commit get the same bytes. The venv's own pip (from Python's
# ensurepip) only installs the lock, which upgrades it to the locked pip.
#
# The app itself goes in editable, with --no-deps (its dependencies are all in the lock) and
# --no-build-isolation: an isolated build would fetch setuptools from PyPI into a throwaway
# environment with no version or hash check, whereas this way the build backend is the locked,
# hash-checked setuptools already in the venv. A lock change reinstalls (the stamps depend on it).
INSTALL_LOCK := $(PY) -m pip install --quiet --require-hashes -r
INSTALL_APP := $(PY) -m pip install --quiet --no-deps --no-build-isolation -e .

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed-run: requirements/run.txt pyproject.toml | $(PY)
	$(INSTALL_LOCK) requirements/run.txt
	$(INSTALL_APP)
	touch $@

$(VENV)/.installed-test: requirements/test.txt pyproject.toml | $(PY)
	$(INSTALL_LOCK) requirements/test.txt
	$(INSTALL_APP)
	touch $@ $(VENV)/.installed-run

$(VENV)/.installed-build: requirements/build.txt pyproject.toml | $(PY)
	$(INSTALL_LOCK) requirements/build.txt
	$(INSTALL_APP)
	touch $@ $(VENV)/.installed-test $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(PY) -m app $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache --no-logo

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

# The bundle checker's tests read PyInstaller's archives, so the tests run with the build tools.
pytest: $(VENV)/.installed-build
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

# `make lock` re-resolves the locks after a change to pyproject.toml's dependencies, keeping
# every locked version that still fits; `make lock LOCK_ARGS=--upgrade` moves everything to the
# newest version in range (or `LOCK_ARGS="--upgrade-package NAME"`, one package). uv resolves
# for every platform and Python >= 3.11 at once (--universal), which pip-tools cannot. build.txt
# (app, test and build tools) is resolved first and the smaller locks are held to its versions,
# so the three never disagree. The pinned uv runs from the tools venv, never the app's.
LOCK_ARGS ?=
UV_COMPILE = $(TOOLS_BIN)/uv pip compile --quiet --universal --generate-hashes \
	--python-version 3.11 --custom-compile-command "make lock" $(LOCK_ARGS)

$(TOOLS)/.installed: requirements/tools.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS_BIN)/python -m pip install --quiet --require-hashes -r requirements/tools.txt
	touch $@

lock: $(TOOLS)/.installed
	$(UV_COMPILE) -o requirements/tools.txt requirements/tools.in
	$(UV_COMPILE) -o requirements/build.txt pyproject.toml requirements/install.in \
		--extra test --extra build
	$(UV_COMPILE) -o requirements/test.txt pyproject.toml requirements/install.in \
		--extra test -c requirements/build.txt
	$(UV_COMPILE) -o requirements/run.txt pyproject.toml requirements/install.in \
		-c requirements/build.txt

# Known vulnerabilities in the locked set (not part of `make test`: it needs the network, and a
# new advisory should not turn an unchanged commit red). pip-audit reads the pins as written
# (--disable-pip) rather than the venv, with the environment markers taken off first so the
# Windows- and macOS-only packages are audited too (pip-audit would skip them on Linux).
# --strict fails when a package could not be looked up, rather than passing it unchecked.
AUDIT := build/audit
audit: $(TOOLS)/.installed
	mkdir -p $(AUDIT)
	for lock in build tools; do \
		sed -e 's/ ;[^\\]*\\$$/ \\/' requirements/$$lock.txt > $(AUDIT)/$$lock.txt || exit 1; \
	done
	$(TOOLS_BIN)/pip-audit --disable-pip --require-hashes --strict --progress-spinner off \
		-r $(AUDIT)/build.txt -r $(AUDIT)/tools.txt

# Two builds of one commit give the same bytes (compare them with `python -m bundling.manifest`,
# README "Checking a bundle"). PyInstaller writes the standard library's modules into
# base_library.zip in an order that follows Python's string hashing, random per run unless
# PYTHONHASHSEED is fixed; and it stamps the Windows .exe with the build time unless
# SOURCE_DATE_EPOCH gives one (here the commit's time). Set for `build` and what it needs only,
# never for the tests.
COMMIT_TIME := $(shell git log -1 --format=%ct 2>/dev/null)
build: export PYTHONHASHSEED := 0
ifneq ($(COMMIT_TIME),)
build: export SOURCE_DATE_EPOCH := $(COMMIT_TIME)
endif

clean:
	rm -rf $(VENV) $(TOOLS) build dist .mypy_cache .pytest_cache .ruff_cache
