"""The shape of the code: the core never imports Qt, packages import each other only through what
they publish (docs/architecture.md), and the version has one source."""

from __future__ import annotations

import ast
import subprocess
import tomllib
from pathlib import Path

import app
from tests.support.architecture import feature_of, feature_packages, import_graph, published
from tests.support.processes import PYTHON, ROOT, subprocess_env

# Qt is the PDF engine, in this one module only (docs/style.md allows it for file formats).
QT_FILE_FORMAT_MODULES = {"app/summary/pdf.py"}
CORE_FILES = [
    p
    for p in (ROOT / "app").rglob("*.py")
    if "ui" not in p.relative_to(ROOT).parts
    and p.relative_to(ROOT).as_posix() not in QT_FILE_FORMAT_MODULES
]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_modules_never_import_qt() -> None:
    assert CORE_FILES
    offenders = {
        str(p.relative_to(ROOT))
        for p in CORE_FILES
        if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(p))
    }
    # cli.py reaches the window only through app.ui, imported lazily.
    assert offenders == set()


def test_command_line_tasks_do_not_load_qt(isolated_home: Path) -> None:
    code = (
        "import sys, app.cli.main, app.transfer, app.journal.opening; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [PYTHON, "-c", code], env=subprocess_env(isolated_home), capture_output=True, text=True
    )
    assert result.stdout.strip() == "False", result.stderr


def test_version_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == app.__version__


def test_only_what_opens_the_window_imports_it() -> None:
    """Controllers get their page and a WindowContext, never the window (not even its type)."""
    ui_files = [p for p in (ROOT / "app" / "ui").rglob("*.py") if p.name != "main_window.py"]
    importers = {p for p in ui_files if "app.ui.window.main_window" in _imports(p)}
    assert importers  # the window is opened from somewhere
    not_opening = {
        str(p.relative_to(ROOT))
        for p in importers
        if not any(
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "MainWindow"
            for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    }
    assert not_opening == set()


def test_packages_import_each_other_only_through_what_they_publish() -> None:
    graph = import_graph()
    offenders = []
    for module in sorted(graph.modules):
        home = feature_of(module)
        if home == module:
            continue
        name = module.removeprefix(home + ".")
        for importer in graph.find_modules_that_directly_import(module):
            if feature_of(importer) != home and name not in published(home):
                offenders.append(f"{importer} imports {module}, which {home} does not publish")
    assert offenders == []


def test_a_package_publishes_only_what_other_packages_use() -> None:
    graph = import_graph()
    stale = []
    for package in feature_packages():
        for name in published(package):
            module = f"{package}.{name}"
            if module not in graph.modules:
                stale.append(f"{module} (no such module)")
                continue
            users = {feature_of(m) for m in graph.find_modules_that_directly_import(module)}
            if not users - {package}:
                stale.append(module)
    assert stale == []
