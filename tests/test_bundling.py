"""What build.spec puts in the bundle: every data file, only the Qt plugins used, the icons.

Building and running the bundle itself is `make test-bundle` (the last step of `make test`).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtGui import QImage

from bundling.files import data_files, keep_qt_file, migration_imports
from bundling.icons import ICNS_TYPES, ICO_SIZES, icns_bytes, ico_bytes, render_png, write_icon
from tests.conftest import ROOT

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
    assert {"alembic.op", "alembic.context", "sqlalchemy", "app.storage.models"} <= set(modules)
    # `from app.storage.models import Base` names a class, not a module to look for.
    assert "app.storage.models.Base" not in modules
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
