"""What build.spec puts in the bundle: every data file, only the Qt plugins used, the icons.

Building and running the bundle itself is `make test-bundle` (the last step of `make test`).
"""

from __future__ import annotations

import random
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtGui import QImage

from bundling import check_bundle
from bundling.check_bundle import problems
from bundling.files import (
    data_files,
    keep_data_file,
    keep_qt_file,
    migration_imports,
    unneeded_libraries,
)
from bundling.icons import ICNS_TYPES, ICO_SIZES, icns_bytes, ico_bytes, render_png, write_icon
from tests.support.processes import PYTHON, ROOT, subprocess_env

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SVG = ROOT / "resources" / "icons" / "app.svg"


def _shipped(folder: Path, suffixes: set[str]) -> set[Path]:
    return {
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix in suffixes and "__pycache__" not in p.parts
    }


def test_every_resource_and_migration_goes_in_at_its_own_place() -> None:
    listed = {Path(source): folder for source, folder in data_files(ROOT)}
    resources = {p for p in (ROOT / "resources").rglob("*") if p.is_file()}
    migrations = _shipped(ROOT / "app" / "storage" / "migrations", {".py", ".mako"})
    # Alembic skips the packages' __init__.py files; nothing else may be missing.
    expected = resources | {p for p in migrations if p.name != "__init__.py"}
    assert expected <= set(listed)
    for source, folder in listed.items():
        assert Path(folder) == source.parent.relative_to(ROOT), source


def test_a_data_pattern_that_matches_nothing_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nothing matches"):
        data_files(tmp_path)


def test_what_the_migration_files_import_is_listed_for_pyinstaller() -> None:
    modules = migration_imports(ROOT)
    assert {"alembic.op", "alembic.context", "sqlalchemy", "app.storage.tables"} <= set(modules)
    # `from app.storage.tables import Base` names a class, not a module to look for.
    assert "app.storage.tables.Base" not in modules
    assert "__future__" not in modules


@pytest.mark.parametrize(
    ("destination", "platform", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "linux", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", "win32", True),
        ("PySide6\\plugins\\platforms\\qoffscreen.dll", "win32", True),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", "win32", False),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "darwin", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "darwin", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", "linux", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "linux", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "linux", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", "win32", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "linux", False),
        ("PySide6/Qt/plugins/networkinformation/libqglib.so", "linux", False),
        ("PySide6/Qt/translations/qtbase_de.qm", "linux", False),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "linux", True),
        ("sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so", "linux", True),
        ("libpython3.11.so.1.0", "linux", True),
    ],
)
def test_only_the_qt_plugins_the_app_uses_go_in(destination: str, platform: str, kept: bool):
    assert keep_qt_file(destination, platform) is kept


def test_this_systems_window_and_offscreen_platforms_are_in_the_installed_qt() -> None:
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    prefix = "PySide6/Qt/plugins/platforms"
    kept = {
        p.name.split(".")[0].removeprefix("lib")
        for p in (plugins / "platforms").iterdir()
        if keep_qt_file(f"{prefix}/{p.name}")
    }
    native = {"linux": "qxcb", "win32": "qwindows", "darwin": "qcocoa"}[
        "linux" if sys.platform.startswith("linux") else sys.platform
    ]
    assert {native, "qoffscreen", "qminimal"} <= kept


def test_the_icon_is_drawn_at_each_size() -> None:
    for size in (16, 256):
        image = QImage.fromData(render_png(SVG, size))
        assert (image.width(), image.height()) == (size, size)
        # The corners of the rounded square are transparent, its middle is not.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_the_windows_icon_holds_every_size_as_png(tmp_path: Path) -> None:
    data = write_icon(SVG, tmp_path / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(ICO_SIZES))
    for index, size in enumerate(ICO_SIZES):
        width, height, _, _, _, _, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert width == height == (0 if size == 256 else size)
        assert data[offset : offset + len(PNG_MAGIC)] == PNG_MAGIC
        assert offset + length <= len(data)


def test_the_macos_icon_holds_a_png_for_each_type(tmp_path: Path) -> None:
    data = write_icon(SVG, tmp_path / "app.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    found, at = [], 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack_from(">I", data, at + 4)[0]
        assert data[at + 8 : at + 16] == PNG_MAGIC
        found.append(kind)
        at += length
    assert found == [ICNS_TYPES[size] for size in sorted(ICNS_TYPES)]


def test_icon_files_are_built_from_pngs_in_order() -> None:
    pngs = {32: PNG_MAGIC + b"b", 16: PNG_MAGIC + b"a"}
    assert ico_bytes(pngs).endswith(pngs[16] + pngs[32])
    assert icns_bytes(pngs).endswith(pngs[16] + b"icp5" + struct.pack(">I", 17) + pngs[32])


def test_an_icon_format_the_systems_do_not_use_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"no icon format for app\.png"):
        write_icon(SVG, tmp_path / "app.png")


def test_libraries_only_a_dropped_one_needed_go_with_it() -> None:
    needs = {
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so": ["libcups.so.2", "libz.so.1"],
        "PySide6/Qt/lib/libQt6Gui.so.6": ["libfreetype.so.6"],
        "libcups.so.2": ["libgnutls.so.30", "libz.so.1"],
        "libgnutls.so.30": ["libunistring.so.2"],
        "libunistring.so.2": [],
        "libfreetype.so.6": ["libpng16.so.16"],
        "libpng16.so.16": ["libz.so.1"],
        "libz.so.1": [],
        "libpython3.11.so.1.0": [],
        # A system library PyInstaller brought for one it does not ship itself (libxcb).
        "libXau.so.6": [],
    }
    gone = unneeded_libraries(needs, ["libcups.so.2"])
    assert gone == {"libcups.so.2", "libgnutls.so.30", "libunistring.so.2", "libXau.so.6"}


def test_a_library_still_needed_elsewhere_stays() -> None:
    needs = {
        "_cffi_backend.cpython-311-x86_64-linux-gnu.so": ["libffi.so.8"],
        "libcups.so.2": ["libffi.so.8"],
        "libffi.so.8": [],
    }
    assert unneeded_libraries(needs, ["libcups.so.2"]) == {"libcups.so.2"}


def test_the_unzipped_docx_template_source_stays_out() -> None:
    assert not keep_data_file("docx/templates/default-docx-template/word/styles.xml")
    assert keep_data_file("docx/templates/default.docx")
    assert keep_data_file("docx/templates/default-styles.xml")


def _lean_bundle(root: Path) -> Path:
    bundle = root / "inquiry-journal"
    files = {
        "inquiry-journal": b"\x7fELF",
        "inquiry-journal-cli": b"\x7fELF",
        "_internal/libpython3.11.so.1.0": b"",
        "_internal/libglib-2.0.so.0": b"",
        "_internal/argparse.pyc": b"",
        "_internal/email/__init__.pyc": b"",
        "_internal/_sysconfigdata__linux_x86_64-linux-gnu.pyc": b"",
        "_internal/python3.11/lib-dynload/_sha256.cpython-311-x86_64-linux-gnu.so": b"",
        "_internal/app/__init__.pyc": b"",
        "_internal/markdown-3.11.3.dist-info/METADATA": b"",
        "_internal/PySide6/QtWidgets.abi3.so": b"",
        "_internal/PySide6/Qt/lib/libQt6Widgets.so.6": b"",
        "_internal/PySide6/Qt/plugins/platforms/libqxcb.so": b"",
        "_internal/PySide6/Qt/plugins/imageformats/libqsvg.so": b"",
    }
    for name, data in files.items():
        (bundle / name).parent.mkdir(parents=True, exist_ok=True)
        (bundle / name).write_bytes(data)
    return bundle


def test_a_lean_bundle_passes_the_check(tmp_path: Path) -> None:
    assert problems(_lean_bundle(tmp_path), "linux") == []


@pytest.mark.parametrize(
    ("added", "message"),
    [
        (
            "PySide6/Qt/lib/libQt6Network.so.6",
            "A Qt module the app does not use is in the bundle: PySide6/Qt/lib/libQt6Network.so.6",
        ),
        ("PySide6/QtQml.abi3.so", "Qt module the app does not use is in the bundle: PySide6/QtQml"),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "A Qt plugin the app does not use"),
        ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", "plugins/platforms/libqwayland-egl"),
        ("PySide6/Qt/translations/qtbase_de.qm", "A Qt translation the app does not use"),
        ("nh3/tests/test_clean.pyc", "A package's tests are in the bundle: nh3/tests/test_clean"),
        ("pygments/__init__.pyc", "pygments is in the bundle although build.spec leaves it out"),
        ("lxml/objectify.cpython-311-x86_64-linux-gnu.so", "lxml.objectify is in the bundle"),
        ("python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so", "_ssl is in the bundle"),
        ("libgnutls.so.30", "A library nothing on the list needs is in _internal: libgnutls"),
        ("libsqlite3.so.0", "A library nothing on the list needs is in _internal: libsqlite3"),
        ("sqlite3/__init__.pyc", "sqlite3 is in the bundle although build.spec leaves it out"),
        ("filelock/_sqlite/__init__.pyc", "filelock._sqlite is in the bundle although"),
        (
            "python3.11/lib-dynload/unicodedata.cpython-311-x86_64-linux-gnu.so",
            "unicodedata is in the bundle although build.spec leaves it out",
        ),
        (
            "python3.11/lib-dynload/_codecs_jp.cpython-311-x86_64-linux-gnu.so",
            "_codecs_jp is in the bundle although build.spec leaves it out",
        ),
        ("numpy/__init__.pyc", "A package not on the list is in _internal: numpy."),
        # spylls is code only (in the shared archive); its wheel's own dictionaries stay out.
        ("spylls/hunspell/data/en/en_US.dic", "A package not on the list is in _internal: spylls."),
    ],
)
def test_something_unused_in_the_bundle_is_named(tmp_path: Path, added: str, message: str):
    bundle = _lean_bundle(tmp_path)
    (bundle / "_internal" / added).parent.mkdir(parents=True, exist_ok=True)
    (bundle / "_internal" / added).write_bytes(b"")
    found = problems(bundle, "linux")
    assert any(message in line for line in found), found


def test_an_excluded_module_in_the_base_library_is_named(tmp_path: Path) -> None:
    bundle = _lean_bundle(tmp_path)
    with zipfile.ZipFile(bundle / "_internal" / "base_library.zip", "w") as archive:
        archive.writestr("unittest/__init__.pyc", b"")
    assert problems(bundle, "linux") == [
        "unittest is in base_library.zip although build.spec leaves it out."
    ]


def test_a_bundle_over_the_size_limit_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    bundle = _lean_bundle(tmp_path)
    (bundle / "_internal" / "app" / "big.pyc").write_bytes(b"\0" * 2000)
    monkeypatch.setattr(check_bundle, "MB", 1000)
    monkeypatch.setattr(check_bundle, "MAX_UNPACKED_MB", 2)
    (found,) = problems(bundle, "linux")
    assert found.startswith("The bundle is 2.0 MB unpacked, over the 2 MB limit")


def test_a_bundle_over_the_zipped_limit_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    bundle = _lean_bundle(tmp_path)
    # Random bytes do not compress: about 3,000 bytes zipped.
    (bundle / "_internal" / "app" / "noise.pyc").write_bytes(random.Random(7).randbytes(3000))
    monkeypatch.setattr(check_bundle, "MB", 1000)
    monkeypatch.setattr(check_bundle, "MAX_UNPACKED_MB", 100)
    monkeypatch.setattr(check_bundle, "MAX_ZIPPED_MB", 3)
    (found,) = problems(bundle, "linux")
    assert found.startswith("The bundle is ") and "MB zipped, over the 3 MB limit" in found
    monkeypatch.setattr(check_bundle, "MAX_ZIPPED_MB", 10)
    assert problems(bundle, "linux") == []


def test_a_program_carrying_its_own_python_code_fails(tmp_path: Path, monkeypatch):
    bundle = _lean_bundle(tmp_path)
    (bundle / "inquiry-journal-cli").write_bytes(b"\0" * 5000)
    monkeypatch.setattr(check_bundle, "MB", 1000)
    (found,) = problems(bundle, "linux")
    assert found.startswith("inquiry-journal-cli is 5.0 MB: the Python code should be in _internal")


def _program(path: Path, options: list[str]) -> None:
    from PyInstaller.archive.writers import CArchiveWriter  # type: ignore[import-untyped]

    CArchiveWriter(str(path), [(o, "", 0, "o") for o in options], "libpython3.11.so.1.0")


def test_a_program_without_utf8_mode_fails(tmp_path: Path) -> None:
    bundle = _lean_bundle(tmp_path)
    _program(bundle / "inquiry-journal", ["X utf8"])
    _program(bundle / "inquiry-journal-cli", [])
    assert check_bundle.program_options(bundle / "inquiry-journal") == ["X utf8"]
    assert problems(bundle, "linux") == [
        "inquiry-journal-cli runs without Python's option X utf8 (bundling/files.py "
        "RUN_OPTIONS): without UTF-8 mode it needs the codecs build.spec leaves out."
    ]
    _program(bundle / "inquiry-journal-cli", ["X utf8"])
    assert problems(bundle, "linux") == []


def test_the_size_counts_links_once_and_the_zip_is_smaller(tmp_path: Path) -> None:
    bundle = _lean_bundle(tmp_path)
    (bundle / "_internal" / "app" / "text.pyc").write_bytes(b"journal " * 10_000)
    assert check_bundle.unpacked_bytes(bundle) == 80_008
    assert 0 < check_bundle.zipped_bytes(bundle) < 10_000


def test_the_check_says_what_broke_and_exits_1(tmp_path: Path, capsys) -> None:
    bundle = _lean_bundle(tmp_path)
    (bundle / "_internal" / "PySide6" / "QtNetwork.abi3.so").write_bytes(b"")
    assert check_bundle.main([str(bundle)]) == 1
    assert "QtNetwork.abi3.so" in capsys.readouterr().out
    assert check_bundle.main([str(tmp_path / "missing")]) == 1
    assert "build the bundle first" in capsys.readouterr().out


_BLOCK_EXCLUDED = """
import sys
from bundling.files import EXCLUDED_MODULES

TOOLS = ("pytest", "hypothesis", "keyrings.alt", "mypy", "pypdf")  # this test's own


class LeftOut:
    def find_spec(self, name, path=None, target=None):
        for gone in EXCLUDED_MODULES:
            if gone not in TOOLS and (name == gone or name.startswith(gone + ".")):
                raise ModuleNotFoundError(f"{name} is left out of the bundle", name=name)
        return None


sys.meta_path.insert(0, LeftOut())
from app.cli.main import main

sys.exit(main(["--self-test"]))
"""


def test_the_self_test_passes_without_the_modules_the_bundle_leaves_out(isolated_home: Path):
    result = subprocess.run(
        [PYTHON, "-c", _BLOCK_EXCLUDED],
        env=subprocess_env(isolated_home),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "All 10 checks passed."


def test_an_excluded_module_in_the_shared_archive_is_named(tmp_path: Path) -> None:
    from PyInstaller.archive.writers import ZlibArchiveWriter

    bundle = _lean_bundle(tmp_path)
    modules = {name: compile("", name, "exec") for name in ("json", "pydoc", "app.cli.main")}
    ZlibArchiveWriter(
        str(bundle / "_internal" / "python-modules.pyz"),
        [(name, f"/src/{name}.py", "PYMODULE") for name in modules],
        code_dict=modules,
    )
    assert problems(bundle, "linux") == [
        "pydoc is in python-modules.pyz although build.spec leaves it out."
    ]


_LOCKS_WITHOUT_EXCLUDED = """
import sys
import tempfile
from pathlib import Path

from bundling.files import EXCLUDED_MODULES


class LeftOut:
    def find_spec(self, name, path=None, target=None):
        for gone in EXCLUDED_MODULES:
            if name == gone or name.startswith(gone + "."):
                raise ModuleNotFoundError(f"{name} is left out of the bundle", name=name)
        return None


sys.meta_path.insert(0, LeftOut())
from filelock._soft import SoftFileLock

from app.storage.lock import JournalLock, operation_lock

folder = Path(tempfile.mkdtemp())
with JournalLock(folder) as held, operation_lock(folder):
    assert held.is_held
# The fallback filelock takes on a file system without the system's lock.
with SoftFileLock(str(folder / "soft.lock"), timeout=0) as soft:
    assert soft.is_locked
print("locked and released")
"""


def test_the_journal_locks_work_without_the_modules_the_bundle_leaves_out(isolated_home: Path):
    result = subprocess.run(
        [PYTHON, "-c", _LOCKS_WITHOUT_EXCLUDED],
        env=subprocess_env(isolated_home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == ["locked and released"]
