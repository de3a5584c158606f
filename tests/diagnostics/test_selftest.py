"""`inquiry-journal --self-test`: every check passes here, says which keyring, touches nothing."""

from __future__ import annotations

import gc
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from app import gui
from app.cli.main import main
from app.diagnostics import errorlog
from app.diagnostics.selftest import CheckFailed, SelfTest, _check_unreadable
from app.resources import shipped_templates_dir
from app.storage.keys import SystemKeyring
from tests.support.processes import PYTHON, subprocess_env

CHECKS = [
    "keyring",
    "encryption",
    "migrations",
    "templates",
    "markdown",
    "pdf summary",
    "docx summary",
    "share package",
    "spelling",
    "error log",
]


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, for this test only (to see what the self-test leaves)."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def _check_lines(out: str) -> dict[str, str]:
    lines = out.splitlines()
    assert lines[0].startswith("Inquiry Journal ") and "self-test (source" in lines[0]
    return dict(line.split(": ", 1) for line in lines[1:-1])


def test_every_check_passes_and_nothing_is_left_behind(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, temp_root: Path, qapp: object
) -> None:
    assert main(["--self-test"]) == 0
    out = capsys.readouterr().out
    results = _check_lines(out)
    assert list(results) == CHECKS
    assert all(result.startswith("ok (") for result in results.values()), out
    assert results["keyring"] == "ok (keys are kept in the keyring (PlaintextKeyring))"
    assert out.splitlines()[-1] == "All 10 checks passed."
    assert results["error log"].startswith(f"ok (bugs are recorded in {errorlog.log_file()}:")
    assert not errorlog.log_file().parent.exists()  # said where, wrote nothing
    # The person's journal folder and keyring were not touched; the temporary folder is gone.
    assert not (isolated_home / "journal").exists()
    assert not (isolated_home / "xdg_data_home" / "python_keyring").exists()
    assert list(temp_root.iterdir()) == []


def test_no_keyring_is_reported_but_not_a_failure(
    capsys: pytest.CaptureFixture[str], no_keyring: object, temp_root: Path, qapp: object
) -> None:
    assert main(["--self-test"]) == 0
    results = _check_lines(capsys.readouterr().out)
    assert results["keyring"] == (
        "ok (no system keyring found; new journals will be protected by a passphrase)"
    )


def test_a_failing_check_says_why_and_the_exit_code_is_1(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    temp_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp: object,
) -> None:
    shipped = tmp_path / "templates"
    shutil.copytree(shipped_templates_dir(), shipped)
    (shipped / "broken.toml").write_text('id = "broken"\nname = \n', encoding="utf-8")
    monkeypatch.setattr("app.resources.shipped_templates_dir", lambda: shipped)
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    results = _check_lines(out)
    assert results["templates"].startswith("FAILED: broken.toml: is not valid TOML")
    assert [name for name, r in results.items() if not r.startswith("ok")] == ["templates"]
    assert out.splitlines()[-1] == "1 of 10 checks FAILED."


def test_an_install_without_the_dictionary_fails_the_spelling_check(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    temp_root: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp: object,
) -> None:
    # A bundle built without resources/dictionaries: the folder is there, the files are not.
    empty = tmp_path / "dictionaries"
    empty.mkdir()
    monkeypatch.setattr("app.spelling.english.dictionary_folder", lambda: empty)
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    results = _check_lines(out)
    assert results["spelling"] == (
        f"FAILED: The en_GB dictionary is missing from {empty}; "
        "reinstall Inquiry Journal to check spelling."
    )
    assert [name for name, r in results.items() if not r.startswith("ok")] == ["spelling"]
    assert out.splitlines()[-1] == "1 of 10 checks FAILED."


def test_a_dictionary_that_does_not_know_uk_spelling_fails_the_spelling_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key_store: SystemKeyring
) -> None:
    # An en_GB file holding the wrong word list (say, a US one) is caught, not only a missing one.
    other = tmp_path / "dictionaries"
    other.mkdir()
    (other / "en_GB.aff").write_text("SET UTF-8\n", encoding="utf-8")
    (other / "en_GB.dic").write_text("2\norganization\nreceive\n", encoding="utf-8")
    monkeypatch.setattr("app.spelling.english.dictionary_folder", lambda: other)
    with pytest.raises(CheckFailed, match="does not know 'organisation'"):
        SelfTest(tmp_path, key_store).check_spelling()


def test_the_spelling_check_names_what_it_proved(tmp_path: Path, key_store: SystemKeyring):
    assert SelfTest(tmp_path, key_store).check_spelling() == (
        "en_GB dictionary: knows 'organisation', flags 'recieve', suggests 'receive'"
    )


def test_a_plain_sqlite_file_fails_the_encryption_check(tmp_path: Path) -> None:
    plain = tmp_path / "journal.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE entries (body TEXT)")
    conn.close()
    with pytest.raises(CheckFailed, match="plain SQLite"):
        _check_unreadable(plain, "anything")


def test_a_file_plain_sqlite_reads_fails_even_without_the_usual_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The last line of defence: SQLCipher given no key (the bundle's only SQLite) opens it.
    plain = tmp_path / "journal.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE entries (body TEXT)")
    conn.close()
    monkeypatch.setattr("app.diagnostics.selftest._SQLITE_HEADER", b"not this header")
    with pytest.raises(CheckFailed, match=r"plain SQLite could read journal\.db"):
        _check_unreadable(plain, "anything")


def test_the_windowed_program_writes_its_results_to_a_report_file(
    tmp_path: Path, temp_root: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    # A windowed program on Windows has no console: sys.stdout is None.
    monkeypatch.setattr(sys, "stdout", None)
    report = tmp_path / "self-test.txt"
    thresholds = gc.get_threshold()
    assert gui.main(["--self-test", "--report", str(report)]) == 0
    lines = report.read_text(encoding="utf-8").splitlines()
    assert [line.split(":")[0] for line in lines[1:-1]] == CHECKS
    assert lines[-1] == "All 10 checks passed."
    assert gc.get_threshold() == thresholds  # held back only while a window opens


def test_a_report_that_cannot_be_written_is_a_plain_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["--self-test", "--report", str(tmp_path / "missing" / "r.txt")]) == 1
    captured = capsys.readouterr()
    assert "The self-test report could not be written" in captured.err
    assert captured.out == ""


def test_report_needs_self_test(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--report", str(tmp_path / "r.txt")])
    assert exited.value.code == 2
    assert "--report goes with --self-test" in capsys.readouterr().err


def test_python_m_app_self_test_needs_no_display(isolated_home: Path, tmp_path: Path) -> None:
    env = subprocess_env(isolated_home)
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    env["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [PYTHON, "-m", "app", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert list(_check_lines(result.stdout)) == CHECKS
    assert result.stdout.splitlines()[-1] == "All 10 checks passed."
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("inquiry-journal-self-test")]
