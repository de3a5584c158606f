"""What goes into the bundle besides code: data files, the Qt plugins the app uses, no more.

build.spec reads everything from here, and tests/bundling/test_checks.py checks it against the tree,
so a new template folder or migration cannot be left out of the bundle unnoticed.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

# (files, relative to the repository, and the folder they go to inside the bundle). The app finds
# resources/ through app.resources, and Alembic reads the migrations as files from where
# app/storage/schema.py sits, so both keep their places.
DATA: tuple[tuple[str, str], ...] = (
    ("resources/templates/*.toml", "resources/templates"),
    ("resources/demo/*.toml", "resources/demo"),
    ("resources/icons/*.svg", "resources/icons"),
    ("resources/dictionaries/*", "resources/dictionaries"),
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

# Never imported by the app; listed so that nothing drags them in by accident (PyInstaller follows
# every import it can see, even one a library only makes when a feature the app leaves off is on).
# tests/bundling/test_checks.py runs the app's self-test with these blocked, and the bundle's check
# (bundling/check_bundle.py) fails if one comes back.
EXCLUDED_MODULES = [
    # Qt modules: the app uses Core, Gui, Widgets, PrintSupport (and Svg through its plugins).
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
    # Test and build tools.
    "pytest",
    "hypothesis",
    "keyrings.alt",
    "mypy",
    "pypdf",
    # The build backend that installs the app in development; nothing imports it at run time.
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    # Python's own developer tools: debugger, test runner, help pages, interactive prompt.
    "unittest",
    "doctest",
    "pdb",
    "bdb",
    "pydoc",
    "pydoc_data",
    "cmd",
    "code",
    "codeop",
    "readline",
    "rlcompleter",
    # Servers and protocols of an online app. The journal never goes on the network; asyncio
    # and http.client import ssl only when it is there.
    "ssl",
    "_ssl",
    "http.server",
    "socketserver",
    "xmlrpc",
    "smtplib",
    "ftplib",
    "netrc",
    "webbrowser",
    # Worker processes (the app's background work runs in threads).
    "multiprocessing",
    # decimal's slow twin: the C version, _decimal, is what decimal loads.
    "_pydecimal",
    # hashlib's OpenSSL backend, which would bring a third copy of OpenSSL (libcrypto, 5 MB):
    # cryptography and SQLCipher each carry their own. hashlib's SHA-256 then comes from
    # Python's built-in _sha256; PBKDF2 comes from cryptography (app/storage/engine.py).
    "_hashlib",
    # Python's own SQLite and the system library it needs (libsqlite3, 1.4 MB). The journal is
    # SQLCipher, whose module carries its own SQLite: the engine hands SQLAlchemy
    # sqlcipher3.dbapi2 (app/storage/engine.py), so the SQLite dialect never imports sqlite3, and
    # the self-test's "plain SQLite cannot read it" is SQLCipher given no key. Only filelock's
    # SQLite locks (left out below) would import it.
    "sqlite3",
    "_sqlite3",
    # filelock's other kinds of lock. The app takes FileLock only (app/storage/lock.py): the
    # system's lock (filelock._native), or on a file system without one the soft lock
    # (filelock._soft._exclusive, kept). Read-write, SQLite and asyncio locks are classes
    # filelock imports only when they are asked for by name, and the app asks for none.
    "filelock._sqlite",
    "filelock._async_lock",
    "filelock.asyncio",
    "filelock._soft._read_write",
    # The Unicode character database (1.1 MB). The search box finds control characters by their
    # fixed ranges (app/search/query.py); what else imports it does so only for what the app never
    # does: Markdown's table of contents (never turned on), a host name with accents split from a
    # URL (urllib.parse; the app splits none), the IDNA codec (host names: the app is offline),
    # `\N{name}` in a pattern (none), and traceback carets under source lines with wide characters
    # (the bundle holds compiled code, no source lines).
    "unicodedata",
    "markdown.extensions.toc",
    # Chinese, Japanese and Korean codecs (0.9 MB). The programs run in UTF-8 mode (RUN_OPTIONS),
    # so Python never picks a codec from the system's locale or code page for the console or
    # files, and the app names no other: its files are UTF-8, zip names UTF-8 or cp437, and the
    # dictionary's own encoding is UTF-8. Asked for one by name, Python says the codec is unknown.
    "_multibytecodec",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    # Code highlighting: Markdown and Mako import it only to offer it; the app never turns it on.
    "pygments",
    # Other databases' dialects (the journal is SQLite; Alembic imports PostgreSQL's at start,
    # so that one stays).
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    "sqlalchemy.connectors.pyodbc",
    "sqlalchemy.connectors.aioodbc",
    "sqlalchemy.ext.asyncio",
    # lxml's extras: python-docx uses lxml.etree only.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "lxml.cssselect",
    "lxml.doctestcompare",
    "lxml.usedoctest",
    "lxml.ElementInclude",
    "lxml.builder",
    "lxml.sax",
]

# Python's run-time options in both programs (PyInstaller OPTION entries). UTF-8 mode (PEP 540,
# Python's default from 3.15): the console, pipes and files opened without an encoding are
# UTF-8 whatever the locale or Windows code page, so the same text comes out everywhere and the
# codecs of other locales can be left out. bundling/check_bundle.py fails a program without it.
RUN_OPTIONS = ("X utf8",)

# Data files of libraries that nothing reads: python-docx starts from templates/default.docx;
# default-docx-template/ is the unzipped source that file was made from (1 MB).
UNUSED_DATA = ("docx/templates/default-docx-template/",)

# Shared libraries taken from the system rather than the bundle, by platform. libcups talks to
# the system's print server and reads its settings, so the system's own copy is the one that
# matches; bundled, it also brought GnuTLS, Kerberos and Avahi (about 6 MB) for printing over the
# network. Wherever CUPS is installed so is libcups; where it is not, Qt's CUPS plugin does not
# load and there is no printer to print to, while summaries are still written as PDF by Qt itself.
FROM_THE_SYSTEM: dict[str, tuple[str, ...]] = {"linux": ("libcups.so.2",)}

_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[(.+)\]")


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


def keep_data_file(destination: str) -> bool:
    """False for a library's data file that nothing reads at run time."""
    where = destination.replace("\\", "/")
    return not where.startswith(UNUSED_DATA)


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


def _is_top_level_library(destination: str) -> bool:
    name = destination.replace("\\", "/")
    return "/" not in name and name.startswith("lib") and ".so" in name


def unneeded_libraries(needs: Mapping[str, Iterable[str]], dropped: Iterable[str]) -> set[str]:
    """Top-level shared libraries that nothing left in the bundle needs once `dropped` are gone.

    `needs` maps each binary's place in the bundle to the libraries it names (ELF DT_NEEDED).
    Everything else (extension modules, Qt and its plugins, libpython, which the programs load
    by path) is needed by definition; a top-level library is kept if one of those needs it.
    """
    gone = set(dropped)
    libraries = {
        dest for dest in needs if _is_top_level_library(dest) and not dest.startswith("libpython")
    }
    wanted = [dest for dest in needs if dest not in libraries and dest not in gone]
    kept: set[str] = set()
    while wanted:
        for name in needs.get(wanted.pop(), ()):
            if name in libraries and name not in kept and name not in gone:
                kept.add(name)
                wanted.append(name)
    return (libraries - kept) | (gone & set(needs))


def elf_needed(path: Path) -> list[str]:
    """The libraries an ELF file names as needed (`readelf`, from binutils, which strip needs)."""
    out = subprocess.run(
        ["readelf", "-d", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return _NEEDED.findall(out)
