"""Text on the command line that is not UTF-8 is refused in one plain line; nothing is saved."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import pytest

from app.cli.common import PASSPHRASE_ENV
from app.storage.meta import journal_exists
from tests.support.cli import run
from tests.support.processes import PYTHON, subprocess_env

# What Python makes of the bytes FF FE in argv (surrogateescape), and a lone surrogate.
NOT_UTF8 = b"\xff\xfe".decode("utf-8", "surrogateescape")
LONE_SURROGATE = "\ud800"


@pytest.mark.parametrize("bad", [NOT_UTF8, LONE_SURROGATE, f"Huddle {NOT_UTF8} notes"])
@pytest.mark.parametrize(
    "argv",
    [
        ["note", "{bad}"],
        ["note", "Fine text", "--tag", "ok", "--tag", "{bad}"],
        ["note", "Fine text", "--title", "{bad}"],
        ["note", "Fine text", "--domain", "{bad}"],
        ["search", "{bad}"],
        ["summary", "--format", "md", "--out", "s.md", "--wants", "{bad}"],
        ["dictionary", "add", "{bad}"],
    ],
)
def test_text_that_is_not_utf8_is_refused_before_anything_is_saved(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], bad: str
) -> None:
    folder = tmp_path / "j"
    args = [a.replace("{bad}", bad) for a in argv]
    code, out, err = run(capsys, "--data-dir", str(folder), *args)
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "not valid UTF-8 text" in err and "nothing was changed" in err
    assert "Traceback" not in err
    assert not folder.exists()


def test_a_note_is_still_saved_after_a_refused_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "j"
    assert run(capsys, "--data-dir", str(folder), "note", "Café ☕ — fine", "--tag", "ünï")[0] == 0
    code, _out, err = run(capsys, "--data-dir", str(folder), "note", "x", "--tag", NOT_UTF8)
    assert code == 1 and "The tag given holds bytes" in err
    code, out, _err = run(capsys, "--data-dir", str(folder), "search", "café")
    assert code == 0 and "fine" in out


def test_a_passphrase_that_is_not_utf8_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "long enough " + NOT_UTF8)
    folder = tmp_path / "j"
    code, _out, err = run(capsys, "--data-dir", str(folder), "note", "Hello")
    assert code == 1 and PASSPHRASE_ENV in err and "not valid UTF-8" in err
    assert not journal_exists(folder)


def test_raw_bytes_in_argv_of_a_real_process_get_one_line(
    tmp_path: Path, isolated_home: Path
) -> None:
    folder = tmp_path / "j"
    result = subprocess.run(
        [PYTHON, "-m", "app", "--data-dir", str(folder), "note", b"\xff\xfe"],
        env=subprocess_env(isolated_home),
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout == b""
    assert result.stderr.count(b"\n") == 1 and b"not valid UTF-8 text" in result.stderr
    assert not folder.exists()


def test_a_file_name_that_is_not_utf8_is_written_and_reported(
    tmp_path: Path, isolated_home: Path
) -> None:
    folder = tmp_path / "j"
    env = subprocess_env(isolated_home) | {PASSPHRASE_ENV: "a long enough passphrase"}
    out = os.fsencode(tmp_path) + b"/export-\xff.json"
    result = subprocess.run(
        [PYTHON, "-m", "app", "--data-dir", str(folder), "export", "--out", out],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"export-\\udcff.json" in result.stdout
    assert Path(os.fsdecode(out)).is_file()


@pytest.mark.parametrize(
    "argv",
    [["privacy-check"], ["spell-check"], ["recover"], ["restore", "{backup}", "--code", "-"]],
)
def test_stdin_that_is_not_utf8_gets_one_plain_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
) -> None:
    folder = tmp_path / "j"
    assert run(capsys, "--data-dir", str(folder), "note", "Kept")[0] == 0
    backup = tmp_path / "b.ijbackup"
    assert run(capsys, "--data-dir", str(folder), "backup", "--out", str(backup))[0] == 0
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe code\n")))
    args = [a.replace("{backup}", str(backup)) for a in argv]
    code, out, err = run(capsys, "--data-dir", str(folder), *args)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "from stdin holds bytes that are not valid UTF-8" in err
