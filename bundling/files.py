"""What goes into the bundle besides code: data files, the Qt plugins the app uses, no more.

build.spec reads everything from here, and tests/test_bundling.py checks it against the tree,
so a new template folder or migration cannot be left out of the bundle unnoticed.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path, PurePosixPath

# (files, relative to the repository, and the folder they go to inside the bundle). The app finds
# resources/ through app.resources, and Alembic reads the migrations as files from where
# app/storage/schema.py sits, so both keep their places.
DATA: tuple[tuple[str, str], ...] = (
    ("resources/templates/*.toml", "resources/templates"),
    ("resources/icons/*.svg", "resources/icons"),
    ("app/storage/migrations/*.py", "app/storage/migrations"),
    ("app/storage/migrations/*.mako", "app/storage/migrations"),
    ("app/storage/migrations/versions/*.py", "app/storage/migrations/versions"),
)
MIGRATION_SOURCES = ("app/storage/migrations/*.py", "app/storage/migrations/versions/*.py")

# Qt plugins kept, by plugin folder; None keeps the whole folder. Anything else is left out:
# Wayland (Qt falls back to X11 through XWayland), EGL and framebuffer platforms, GTK themes,
# network, TLS, SQL and QML plugins. PNG support is built into Qt; SVG needs its plugins (the
# app icon is an SVG).
_PLATFORMS = {
    "linux": {"qxcb", "qoffscreen", "qminimal"},
    "win32": {"qwindows", "qoffscreen", "qminimal"},
    "darwin": {"qcocoa", "qoffscreen", "qminimal"},
}
_PLUGINS: dict[str, set[str] | None] = {
    "iconengines": {"qsvgicon"},
    "imageformats": {"qsvg"},
    "printsupport": None,
    # The native look on Windows 11 and macOS.
    "styles": None,
    # Compose key and input methods on Linux, so accented names can be typed.
    "platforminputcontexts": None,
}

# Never imported by the app; listed so that nothing drags them in by accident.
EXCLUDED_MODULES = [
    "tkinter",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtDBus",
    "PySide6.QtTest",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    "PySide6.QtHelp",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "pytest",
    "hypothesis",
    "keyrings.alt",
    "mypy",
    "pypdf",
]

# python-docx finds its XML templates as docx/parts/../templates/...; that path only resolves if
# the docx/parts folder exists on disk, so its modules go there as well as in the archive.
MODULE_COLLECTION_MODE = {"docx.parts": "pyz+py"}


def data_files(root: Path) -> list[tuple[str, str]]:
    """(file, folder inside the bundle) for every data file; a pattern matching nothing fails."""
    found: list[tuple[str, str]] = []
    for pattern, folder in DATA:
        matches = sorted(root.glob(pattern))
        if not matches:
            raise FileNotFoundError(f"build.spec: nothing matches {pattern}")
        found += [(str(path), folder) for path in matches]
    return found


def migration_imports(root: Path) -> list[str]:
    """Modules the migration files import: PyInstaller cannot see them (Alembic loads files)."""
    modules: set[str] = set()
    for pattern in MIGRATION_SOURCES:
        for path in root.glob(pattern):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    modules.update(alias.name for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    modules.add(node.module)
                    # `from alembic import op` imports a module; `from x import Base`, a name.
                    modules.update(
                        f"{node.module}.{alias.name}"
                        for alias in node.names
                        if _is_module(f"{node.module}.{alias.name}")
                    )
    modules.discard("__future__")
    return sorted(modules)


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _plugin_name(filename: str) -> str:
    stem = filename.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_qt_file(destination: str, platform: str = sys.platform) -> bool:
    """False for a Qt plugin the app does not use, and for Qt's own translations; else True.

    The app is in English and installs no Qt translator, so Qt's translations would never load.
    """
    parts = PurePosixPath(destination.replace("\\", "/")).parts
    if "PySide6" not in parts:
        return True
    if "translations" in parts:
        return False
    if "plugins" not in parts:
        return True
    at = parts.index("plugins")
    if len(parts) != at + 3:
        return True
    folder, name = parts[at + 1], _plugin_name(parts[at + 2])
    if folder == "platforms":
        family = "linux" if platform.startswith("linux") else platform
        return name in _PLATFORMS.get(family, set())
    if folder not in _PLUGINS:
        return False
    kept = _PLUGINS[folder]
    return kept is None or name in kept
