"""The locks in requirements/ match pyproject.toml, carry hashes, and are what `make` installs.

`make lock` writes them; these checks catch a pyproject.toml edited without relocking, a lock
edited by hand, or a Makefile rule that installs around the lock. They read files only.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name
from packaging.version import Version

from tests.support.processes import ROOT

REQUIREMENTS = ROOT / "requirements"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Each lock and the extras it holds besides the app's own dependencies.
LOCKS = {"run": (), "test": ("test",), "build": ("test", "build")}
EXACT_TOOLS = (canonicalize_name("ruff"), canonicalize_name("mypy"))


@dataclass(frozen=True)
class Locked:
    """One entry of a lock: the pin with its environment marker, and its hashes."""

    requirement: Requirement
    hashes: tuple[str, ...]

    @property
    def version(self) -> Version:
        """The one version the lock allows."""
        (spec,) = self.requirement.specifier
        return Version(spec.version)


def read_lock(path: Path) -> dict[NormalizedName, Locked]:
    """Parse a hashed requirements file as uv writes it (`name==1.0 ; marker \\ --hash=...`)."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    entries: dict[NormalizedName, Locked] = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        hashes = tuple(w.removeprefix("--hash=") for w in words if w.startswith("--hash="))
        spec = " ".join(w for w in words if not w.startswith("--hash="))
        requirement = Requirement(spec)
        name = canonicalize_name(requirement.name)
        # A universal lock could list a package twice, once per Python or platform; ours
        # never has, and the checks below assume one version per package.
        assert name not in entries, f"{path.name} lists {name} twice"
        entries[name] = Locked(requirement, hashes)
    return entries


def declared(extras: tuple[str, ...]) -> list[Requirement]:
    """The app's dependencies as pyproject.toml declares them, with those of the given extras."""
    project = PYPROJECT["project"]
    specs = list(project["dependencies"])
    for extra in extras:
        specs += project["optional-dependencies"][extra]
    return [Requirement(spec) for spec in specs]


def environments() -> list[dict[str, str]]:
    """Marker environments for Windows, macOS and Linux on each Python the app supports."""
    platforms = [
        {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"},
        {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"},
        {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"},
    ]
    found: list[dict[str, str]] = []
    for python in ("3.11", "3.12", "3.13"):
        for platform in platforms:
            env: dict[str, str] = {k: str(v) for k, v in default_environment().items()}
            env.update(platform, python_version=python, python_full_version=f"{python}.0")
            env.update(implementation_name="cpython", platform_python_implementation="CPython")
            found.append(env)
    return found


def applies(marker: Marker | None, env: dict[str, str], extra: str = "") -> bool:
    """Whether a requirement with this marker is wanted in env (for the given extra)."""
    return marker is None or marker.evaluate({**env, "extra": extra})


@pytest.mark.parametrize("lock", LOCKS)
def test_every_declared_dependency_is_locked_within_its_range(lock: str) -> None:
    locked = read_lock(REQUIREMENTS / f"{lock}.txt")
    for requirement in declared(LOCKS[lock]):
        entry = locked.get(canonicalize_name(requirement.name))
        assert entry is not None, f"{requirement.name} is not in {lock}.txt: run `make lock`"
        assert requirement.specifier.contains(entry.version, prereleases=True), (
            f"{lock}.txt has {requirement.name} {entry.version}, outside {requirement.specifier}"
        )


@pytest.mark.parametrize("lock", [*LOCKS, "tools"])
def test_every_locked_package_is_one_version_with_hashes(lock: str) -> None:
    locked = read_lock(REQUIREMENTS / f"{lock}.txt")
    assert locked
    for name, entry in locked.items():
        assert len(entry.requirement.specifier) == 1, name
        assert next(iter(entry.requirement.specifier)).operator == "==", name
        assert entry.hashes, f"{name} has no --hash in {lock}.txt"
        for digest in entry.hashes:
            assert re.fullmatch(r"sha256:[0-9a-f]{64}", digest), (name, digest)


def test_the_smaller_locks_agree_with_the_build_lock() -> None:
    build = read_lock(REQUIREMENTS / "build.txt")
    for lock in ("run", "test"):
        for name, entry in read_lock(REQUIREMENTS / f"{lock}.txt").items():
            assert build[name] == entry, f"{lock}.txt and build.txt differ on {name}"


@pytest.mark.parametrize("lock", LOCKS)
def test_each_platform_gets_everything_its_packages_require(lock: str) -> None:
    """Follow Requires-Dist from the app's requirements, for Windows, macOS and Linux.

    A lock made for one machine (pip-tools) would leave out, say, keyring's pywin32-ctypes on
    Windows. Metadata comes from the packages installed here at their locked versions, so a
    package only another platform installs is checked present but not followed further.
    """
    locked = read_lock(REQUIREMENTS / f"{lock}.txt")
    for env in environments():
        wanted = [(r, "") for r in declared(LOCKS[lock]) if applies(r.marker, env)]
        seen: set[tuple[NormalizedName, frozenset[str]]] = set()
        while wanted:
            requirement, via = wanted.pop()
            name = canonicalize_name(requirement.name)
            entry = locked.get(name)
            where = f"{env['sys_platform']}, Python {env['python_version']}"
            assert entry is not None, f"{lock}.txt lacks {name} ({via or 'the app'}, {where})"
            assert applies(entry.requirement.marker, env), f"{lock}.txt omits {name} on {where}"
            assert requirement.specifier.contains(entry.version, prereleases=True), (name, via)
            key = (name, frozenset(requirement.extras))
            if key in seen:
                continue
            seen.add(key)
            try:
                dist = metadata.distribution(name)
            except metadata.PackageNotFoundError:
                continue
            if Version(dist.version) != entry.version:
                continue
            for spec in dist.requires or []:
                needed = Requirement(spec)
                if any(applies(needed.marker, env, x) for x in ("", *requirement.extras)):
                    wanted.append((needed, name))


@pytest.mark.parametrize("lock", LOCKS)
def test_the_build_backend_is_locked(lock: str) -> None:
    # The app is installed with --no-build-isolation, so its build backend comes from the lock.
    locked = read_lock(REQUIREMENTS / f"{lock}.txt")
    for spec in PYPROJECT["build-system"]["requires"]:
        requirement = Requirement(spec)
        entry = locked[canonicalize_name(requirement.name)]
        assert requirement.specifier.contains(entry.version), (lock, spec)
    assert "pip" in locked


@pytest.mark.parametrize("tool", EXACT_TOOLS)
def test_ruff_and_mypy_are_pinned_exactly_and_the_lock_agrees(tool: NormalizedName) -> None:
    (requirement,) = [r for r in declared(("test",)) if canonicalize_name(r.name) == tool]
    (spec,) = requirement.specifier
    assert spec.operator == "==", f"pyproject.toml must pin {tool} exactly, not {spec}"
    for lock in ("test", "build"):
        assert read_lock(REQUIREMENTS / f"{lock}.txt")[tool].version == Version(spec.version)


def test_lock_tools_are_pinned_exactly_and_locked() -> None:
    pins = [Requirement(line) for line in _lines(REQUIREMENTS / "tools.in")]
    locked = read_lock(REQUIREMENTS / "tools.txt")
    assert {canonicalize_name(r.name) for r in pins} == {"uv", "pip-audit"}
    for requirement in pins:
        (spec,) = requirement.specifier
        assert spec.operator == "=="
        assert locked[canonicalize_name(requirement.name)].version == Version(spec.version)


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def _makefile() -> tuple[str, dict[str, str]]:
    """The Makefile with continuations joined, and its `NAME := value` variables."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Makefile").read_text(encoding="utf-8"))
    variables = dict(re.findall(r"^([A-Z_]+) :?= (.*)$", text, flags=re.MULTILINE))
    return text, variables


def test_the_makefile_installs_only_from_the_locks_with_hashes() -> None:
    text, variables = _makefile()
    assert "--require-hashes -r" in variables["INSTALL_LOCK"]
    assert "--no-deps" in variables["INSTALL_APP"]
    for lock in LOCKS:
        rule = re.search(rf"^\$\(VENV\)/\.installed-{lock}: (.*)\n((?:\t.*\n)+)", text, re.M)
        assert rule is not None, lock
        prerequisites, recipe = rule.groups()
        # A changed lock must reinstall.
        assert f"requirements/{lock}.txt" in prerequisites.split()
        assert f"$(INSTALL_LOCK) requirements/{lock}.txt" in recipe
    # Nothing else reaches PyPI: every pip install is hash-checked or installs the app alone.
    expanded = text.replace("$(INSTALL_LOCK)", variables["INSTALL_LOCK"])
    expanded = expanded.replace("$(INSTALL_APP)", variables["INSTALL_APP"])
    installs = [line for line in expanded.splitlines() if "pip install" in line]
    assert len(installs) >= 3
    for line in installs:
        assert "--require-hashes" in line or "--no-deps" in line, line
