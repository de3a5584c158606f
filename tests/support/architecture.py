"""The package structure as data, for tests/test_architecture.py (docs/architecture.md)."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def import_graph() -> grimp.ImportGraph:
    """Every import between the app's modules, read from the source (lazy imports included)."""
    return grimp.build_graph("app", cache_dir=None)


def feature_packages() -> list[str]:
    """The packages with a room of their own: app's subpackages, and app.ui's."""
    found = []
    for parent in (ROOT / "app", ROOT / "app" / "ui"):
        for init in sorted(parent.glob("*/__init__.py")):
            name = init.parent.relative_to(ROOT).as_posix().replace("/", ".")
            if name != "app.ui":
                found.append(name)
    return found


def feature_of(module: str) -> str:
    """The feature package a module belongs to, or the module itself when it stands alone."""
    for package in sorted(feature_packages(), key=len, reverse=True):
        if module == package or module.startswith(package + "."):
            return package
    return module


def published(package: str) -> tuple[str, ...]:
    """The modules `package` lets other packages import (its `published` tuple)."""
    init = ROOT / package.replace(".", "/") / "__init__.py"
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id == "published":
            names = ast.literal_eval(value)
            assert isinstance(names, tuple), f"{package}: published must be a tuple"
            return tuple(str(n) for n in names)
    raise AssertionError(f"{package}/__init__.py does not say what it publishes")
