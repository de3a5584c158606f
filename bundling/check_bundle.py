"""`python -m bundling.check_bundle DIST_FOLDER`: is the built bundle still lean?

Run by `make test-bundle` after each build. Each rule names what broke it, so a new dependency
that drags in something unused (a Qt network module, a package's tests, a library nothing
needs) fails the build with one plain line instead of quietly making the download bigger.
`--size` only prints the size, unpacked and zipped, as `make build` shows it.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

from bundling.files import EXCLUDED_MODULES, RUN_OPTIONS, keep_qt_file

MB = 1_000_000
# The programs' shared archive of Python code (build.spec, bundling/shared_modules.py).
SHARED_ARCHIVE = "python-modules.pyz"
MAX_UNPACKED_MB = 150
# The download: the folder zipped as it is sent out (zipped_bytes).
MAX_ZIPPED_MB = 60
# A program is the bootloader and its start-up scripts; the Python code is shared in _internal.
MAX_PROGRAM_MB = 3

# Qt modules and plugins of an online or QML app; the app uses Widgets, Gui and PrintSupport.
_UNWANTED_QT = re.compile(
    r"Qt6?(Network|Qml|Quick|Sql|WebEngine|WebChannel|WebSockets|WebView|OpenGL|Test|Designer"
    r"|Help|UiTools|Concurrent|Xml|Multimedia|3D|Positioning|Location|Bluetooth|Nfc|SerialPort"
    r"|RemoteObjects|Pdf|Charts|Graphs|DataVisualization|Scxml|StateMachine|TextToSpeech"
    r"|Sensors|HttpServer|Grpc|Protobuf|Mqtt|Wayland|Egl)",
    re.IGNORECASE,
)

# What _internal may hold besides Python's standard library: the app, the packages it imports
# and the packages those import. A folder or library not named here fails the check by name.
ALLOWED_PACKAGES = frozenset(
    {
        "app",
        "resources",
        "PySide6",
        "shiboken6",
        "sqlalchemy",
        "sqlcipher3",
        "alembic",
        "mako",
        "markdown",
        "markupsafe",
        "nh3",
        "docx",
        "lxml",
        "cryptography",
        "_cffi_backend",
        "keyring",
        "jaraco",
        "backports",
        "more_itertools",
        "importlib_metadata",
        "lazy_importer",
        "zipp",
        "platformdirs",
        "filelock",
        "typing_extensions",
        # Linux's Secret Service keyring; Windows' Credential Manager.
        "secretstorage",
        "jeepney",
        "win32ctypes",
        # PyInstaller's own helpers for its start-up hooks.
        "_pyi_rth_utils",
    }
)
# Shared libraries at the top of _internal on Linux, by name without its version: Python, the
# C++ runtime, and what Qt needs to draw on X11 (fonts, XCB, GLib, D-Bus for input methods).
# Not libsqlite3: the journal's SQLite is SQLCipher's own, and Python's sqlite3 is left out.
# Other systems name their libraries differently; this list is Linux's.
ALLOWED_LIBRARIES = {
    "linux": frozenset(
        {
            "libpython3.11",
            "libstdc++",
            "libgcc_s",
            "libffi",
            "libz",
            "libbz2",
            "liblzma",
            "libzstd",
            "liblz4",
            "libuuid",
            "libglib-2.0",
            "libgthread-2.0",
            "libpcre2-8",
            "libdbus-1",
            "libsystemd",
            "libcap",
            "libgcrypt",
            "libgpg-error",
            "libfontconfig",
            "libfreetype",
            "libpng16",
            "libbrotlicommon",
            "libbrotlidec",
            "libexpat",
            "libX11",
            "libX11-xcb",
            "libxkbcommon",
            "libxkbcommon-x11",
            "libxcb-cursor",
            "libxcb-icccm",
            "libxcb-image",
            "libxcb-keysyms",
            "libxcb-randr",
            "libxcb-render",
            "libxcb-render-util",
            "libxcb-shape",
            "libxcb-shm",
            "libxcb-sync",
            "libxcb-util",
            "libxcb-xfixes",
            "libxcb-xkb",
        }
    )
}
_TESTS_FOLDERS = {"tests", "test"}
_MODULE_SUFFIXES = (".pyc", ".py", ".so", ".pyd")


def _files(root: Path) -> Iterator[Path]:
    for folder, _, names in os.walk(root):
        for name in names:
            yield Path(folder, name)


def unpacked_bytes(bundle: Path) -> int:
    """The bundle's size as files on disc (a symbolic link counts as its own few bytes)."""
    return sum(path.lstat().st_size for path in _files(bundle))


class _Counter(io.RawIOBase):
    def __init__(self) -> None:
        self.count = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.count += len(data)
        return len(data)


def zipped_bytes(bundle: Path) -> int:
    """The size of the bundle's folder as a zip (deflate, level 9), as it would be sent out."""
    counter = _Counter()
    with zipfile.ZipFile(counter, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(_files(bundle)):
            archive.write(path, path.relative_to(bundle.parent).as_posix())
    return counter.count


def _internal(bundle: Path) -> Path:
    for candidate in (bundle / "_internal", bundle / "Contents" / "Frameworks"):
        if candidate.is_dir():
            return candidate
    return bundle


def module_name(relative: str) -> str | None:
    """The module a file in _internal is (`PySide6/QtNetwork.abi3.so` is PySide6.QtNetwork)."""
    parts = relative.replace("\\", "/").split("/")
    if parts[:2] == ["python3.11", "lib-dynload"] or (len(parts) > 2 and parts[1] == "lib-dynload"):
        parts = parts[2:]
    if not parts or not parts[-1].endswith(_MODULE_SUFFIXES) or parts[-1].startswith("lib"):
        return None
    stem = parts[-1].split(".")[0]
    names = parts[:-1] if stem == "__init__" else [*parts[:-1], stem]
    return ".".join(names) if names else None


def archived_modules(archive: Path) -> list[str]:
    """The modules in the programs' shared archive (read with PyInstaller, which built it)."""
    from PyInstaller.archive.readers import ZlibArchiveReader  # type: ignore[import-untyped]

    return [str(name) for name in ZlibArchiveReader(str(archive)).toc]


def program_options(program: Path) -> list[str] | None:
    """Python's run-time options stored in a PyInstaller program; None for any other file."""
    from PyInstaller.archive.readers import CArchiveReader
    from PyInstaller.loader.pyimod01_archive import ArchiveReadError  # type: ignore[import-untyped]

    try:
        return [str(option) for option in CArchiveReader(str(program)).options]
    except (ArchiveReadError, OSError, ValueError):
        return None


def _is_excluded(module: str) -> bool:
    return any(module == gone or module.startswith(gone + ".") for gone in EXCLUDED_MODULES)


def _library_stem(name: str) -> str:
    return name.split(".so")[0]


def problems(bundle: Path, platform: str = sys.platform) -> list[str]:
    """Every rule the bundle breaks, one plain line each; empty when it is lean."""
    found: list[str] = []
    if not bundle.is_dir():
        return [f"{bundle} is not a folder: build the bundle first (make build)."]
    size = unpacked_bytes(bundle)
    if size > MAX_UNPACKED_MB * MB:
        found.append(
            f"The bundle is {size / MB:.1f} MB unpacked, over the {MAX_UNPACKED_MB} MB limit: "
            "see what grew with `du -a dist/inquiry-journal | sort -rn | head`."
        )
    zipped = zipped_bytes(bundle)
    if zipped > MAX_ZIPPED_MB * MB:
        found.append(
            f"The bundle is {zipped / MB:.1f} MB zipped, over the {MAX_ZIPPED_MB} MB limit: "
            "see what grew with `du -a dist/inquiry-journal | sort -rn | head`."
        )
    for program in bundle.iterdir():
        if program.is_file() and program.stat().st_size > MAX_PROGRAM_MB * MB:
            found.append(
                f"{program.name} is {program.stat().st_size / MB:.1f} MB: the Python code should "
                "be in _internal/python-modules.pyz, shared by both programs (build.spec)."
            )
        options = program_options(program) if program.is_file() else None
        missing = [o for o in RUN_OPTIONS if options is not None and o not in options]
        if missing:
            found.append(
                f"{program.name} runs without Python's option {', '.join(missing)} "
                "(bundling/files.py RUN_OPTIONS): without UTF-8 mode it needs the codecs "
                "build.spec leaves out."
            )
    inside = _internal(bundle)
    family = "linux" if platform.startswith("linux") else platform
    libraries = ALLOWED_LIBRARIES.get(family)
    stdlib = sys.stdlib_module_names
    for path in sorted(_files(inside)):
        relative = path.relative_to(inside).as_posix()
        parts = relative.split("/")
        if "PySide6" in parts and not keep_qt_file(relative, platform):
            what = "translation" if "translations" in parts else "plugin"
            found.append(f"A Qt {what} the app does not use is in the bundle: {relative}.")
        elif _UNWANTED_QT.search(path.name):
            found.append(f"A Qt module the app does not use is in the bundle: {relative}.")
        if _TESTS_FOLDERS & set(parts[:-1]):
            found.append(f"A package's tests are in the bundle: {relative}.")
        module = module_name(relative)
        if module and _is_excluded(module):
            found.append(
                f"{module} is in the bundle although build.spec leaves it out: "
                "something new imports it (see build/pyinstaller's xref-build.html)."
            )
    base_library = inside / "base_library.zip"
    if base_library.is_file():
        with zipfile.ZipFile(base_library) as archive:
            for member in archive.namelist():
                module = module_name(member)
                if module and _is_excluded(module):
                    found.append(
                        f"{module} is in base_library.zip although build.spec leaves it out."
                    )
    shared = inside / SHARED_ARCHIVE
    if shared.is_file():
        for module in archived_modules(shared):
            if _is_excluded(module):
                found.append(f"{module} is in {SHARED_ARCHIVE} although build.spec leaves it out.")
    for entry in sorted(inside.iterdir()):
        name = entry.name
        top = name.split(".")[0]
        if name.endswith(".dist-info") or name in {"base_library.zip", SHARED_ARCHIVE}:
            continue
        if name == "python3.11":
            continue
        if name.startswith("lib") and ".so" in name:
            if libraries is not None and _library_stem(name) not in libraries:
                found.append(
                    f"A library nothing on the list needs is in _internal: {name}. If the app "
                    "needs it, add it to ALLOWED_LIBRARIES in bundling/check_bundle.py."
                )
            continue
        if top in ALLOWED_PACKAGES or top in stdlib or top.startswith("_sysconfigdata"):
            continue
        if entry.is_file() and entry.suffix in {".dll", ".dylib"}:
            continue
        found.append(
            f"A package not on the list is in _internal: {name}. If the app needs it, add it "
            "to ALLOWED_PACKAGES in bundling/check_bundle.py."
        )
    return list(dict.fromkeys(found))


def main(argv: list[str] | None = None) -> int:
    """Check the bundle (or, with --size, print its size); exit code 1 when a rule is broken."""
    parser = argparse.ArgumentParser(prog="check_bundle", description=__doc__)
    parser.add_argument("bundle", type=Path, help="the bundle's folder, e.g. dist/inquiry-journal")
    parser.add_argument("--size", action="store_true", help="only print the size")
    args = parser.parse_args(argv)
    bundle: Path = args.bundle
    if args.size:
        if not bundle.is_dir():
            print(f"{bundle} is not a folder: build the bundle first (make build).")
            return 1
        print(
            f"Bundle {bundle}: {unpacked_bytes(bundle) / MB:.1f} MB unpacked, "
            f"{zipped_bytes(bundle) / MB:.1f} MB zipped (MB = 1,000,000 bytes)."
        )
        return 0
    found = problems(bundle)
    for line in found:
        print(line)
    if found:
        return 1
    print(f"Bundle {bundle} is lean: {unpacked_bytes(bundle) / MB:.1f} MB unpacked.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
