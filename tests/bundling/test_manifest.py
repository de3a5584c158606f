"""The bundle manifest: every file's sha256 and where it comes from, stable enough to diff."""

from __future__ import annotations

import hashlib
import shutil
from importlib import metadata
from pathlib import Path

import packaging.version
import pytest

from bundling.manifest import HEADER, WheelFile, installed_files, main, manifest, render


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


FILES = {
    "inquiry-journal": b"launcher",
    "inquiry-journal-cli": b"console launcher",
    "_internal/resources/templates/weekly.toml": b"title = 'Weekly'",
    "_internal/app/storage/migrations/env.py": b"# alembic",
    "_internal/fakepkg/core.so": b"as the wheel has it",
    "_internal/fakepkg/rewritten.so": b"signed again",
    "_internal/fakepkg-1.0.dist-info/RECORD": b"fakepkg/core.so,sha256=...,19",
    "_internal/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so": b"ssl",
    "_internal/base_library.zip": b"stdlib",
    "_internal/libX11.so.6": b"from the build machine",
}
WHEELS = {
    "fakepkg/core.so": WheelFile("fakepkg==1.0", _sha(b"as the wheel has it")),
    "fakepkg/rewritten.so": WheelFile("fakepkg==1.0", _sha(b"as the wheel had it")),
    "fakepkg-1.0.dist-info/RECORD": WheelFile("fakepkg==1.0", None),
}


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "inquiry-journal"
    for name, data in FILES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "_internal" / "libcore.so").symlink_to("fakepkg/core.so")
    return folder


def test_each_file_has_its_digest_and_origin_sorted_by_path(bundle: Path) -> None:
    lines = [e.line() for e in manifest(bundle, WHEELS)]
    assert lines == [
        f"{_sha(b'# alembic')}  app  _internal/app/storage/migrations/env.py",
        f"{_sha(b'stdlib')}  python  _internal/base_library.zip",
        f"{_sha(FILES['_internal/fakepkg-1.0.dist-info/RECORD'])}  package:fakepkg==1.0  "
        "_internal/fakepkg-1.0.dist-info/RECORD",
        f"{_sha(b'as the wheel has it')}  wheel:fakepkg==1.0  _internal/fakepkg/core.so",
        f"{_sha(b'signed again')}  package:fakepkg==1.0  _internal/fakepkg/rewritten.so",
        f"{_sha(b'from the build machine')}  system  _internal/libX11.so.6",
        "-> fakepkg/core.so  link  _internal/libcore.so",
        f"{_sha(b'ssl')}  python  "
        "_internal/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so",
        f"{_sha(FILES['_internal/resources/templates/weekly.toml'])}  app  "
        "_internal/resources/templates/weekly.toml",
        f"{_sha(b'launcher')}  program  inquiry-journal",
        f"{_sha(b'console launcher')}  program  inquiry-journal-cli",
    ]


def test_a_copy_gives_the_same_manifest_and_one_changed_byte_one_changed_line(
    bundle: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "handed-out" / "inquiry-journal"
    shutil.copytree(bundle, copy, symlinks=True)
    mine = render(manifest(bundle, WHEELS))
    assert render(manifest(copy, WHEELS)) == mine
    assert mine.splitlines()[0] == HEADER
    assert mine.splitlines()[-1] == (
        "# 11 files: 2 app, 1 link, 2 package, 2 program, 2 python, 1 system, 1 wheel"
    )

    (copy / "_internal" / "fakepkg" / "core.so").write_bytes(b"as the wheel has iT")
    theirs = render(manifest(copy, WHEELS))
    changed = {line for line in set(mine.splitlines()) ^ set(theirs.splitlines()) if line[0] != "#"}
    assert {line.rsplit("  ", 1)[-1] for line in changed} == {"_internal/fakepkg/core.so"}
    assert f"{_sha(b'as the wheel has iT')}  package:fakepkg==1.0  _internal/fakepkg/core.so" in (
        theirs.splitlines()
    )


def test_installed_files_give_each_package_file_its_record_digest() -> None:
    version_py = Path(packaging.version.__file__)
    wheel = installed_files()["packaging/version.py"]
    assert wheel.package == f"packaging=={metadata.version('packaging')}"
    assert wheel.sha256 == _sha(version_py.read_bytes())


def test_the_command_prints_or_writes_the_same_manifest(
    bundle: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(bundle)]) == 0
    printed = capsys.readouterr().out
    out = tmp_path / "mine.txt"
    assert main([str(bundle), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == printed
    assert f"{_sha(b'launcher')}  program  inquiry-journal\n" in printed


def test_a_missing_folder_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "mine.txt"
    assert main([str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().count("\n") == 0
    assert "is not a folder" in captured.err
    assert not out.exists()
