"""A bug leaves a content-free trace in a small private log, and the command line says where."""

from __future__ import annotations

import stat
import sys
import threading
from pathlib import Path

import pytest

from app.cli.main import main
from app.diagnostics import errorlog
from app.search.full_text import SearchService

SECRET = "Zanzibarquokka"


def _crash_search(self: SearchService, query: str, *_args: object, **_kwargs: object) -> object:
    raise RuntimeError(f"could not rank {query} for Mrs {SECRET}")


def test_a_command_line_bug_exits_2_with_one_line_and_a_content_free_log(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = str(tmp_path / "j")
    assert main(["note", f"Talked to {SECRET} about the rota", "--data-dir", folder]) == 0
    capsys.readouterr()
    monkeypatch.setattr(SearchService, "search", _crash_search)

    code = main(["search", SECRET, "--data-dir", folder])

    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and "nothing you wrote was lost" in err
    assert str(errorlog.log_file()) in err and SECRET not in err
    log = errorlog.log_file().read_text(encoding="utf-8")
    assert SECRET not in log and "could not rank" not in log
    assert "builtins.RuntimeError" in log
    assert "tests/diagnostics/test_errorlog.py:" in log and ":_crash_search" in log
    assert "app/cli/search.py:" in log and ":cmd_search" in log


def test_the_log_lives_in_the_isolated_home_and_is_private(isolated_home: Path) -> None:
    try:
        raise ValueError(SECRET)
    except ValueError:
        details = errorlog.record_current("Test failure")
    path = errorlog.log_file()
    assert path.is_relative_to(isolated_home)
    assert "builtins.ValueError" in details and SECRET not in details
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_log_rotates_and_stays_small() -> None:
    for _ in range(6000):
        errorlog.record_warning("Qt", "x" * 150)
    folder = errorlog.log_file().parent
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["errors.log", "errors.log.1", "errors.log.2", "errors.log.3"]
    assert all((folder / name).stat().st_size <= errorlog.MAX_BYTES for name in files)


def test_causes_are_described_by_type_and_place_only() -> None:
    def inner() -> None:
        raise KeyError(SECRET)

    try:
        try:
            inner()
        except KeyError as exc:
            raise OSError(f"saving {SECRET}") from exc
    except OSError:
        details = errorlog.record_current("Test failure")
    assert SECRET not in details
    assert "builtins.OSError" in details and "builtins.KeyError" in details
    assert ":inner" in details


def test_quoted_text_in_a_toolkit_warning_is_removed() -> None:
    errorlog.record_warning("Qt", f"QTextCursor: cannot find \"{SECRET}\" in '{SECRET}'", "a:1:b")
    log = errorlog.log_file().read_text(encoding="utf-8")
    assert SECRET not in log and "Qt warning at a:1:b: QTextCursor: cannot find" in log


def test_a_thread_that_dies_is_recorded_and_the_hooks_are_put_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(threading, "excepthook", lambda _args: None)  # pytest's would warn
    before = (sys.excepthook, threading.excepthook)
    seen: list[str] = []
    errorlog.add_listener(seen.append)

    def fail() -> None:
        raise LookupError(SECRET)

    try:
        with errorlog.hooks_installed():
            worker = threading.Thread(target=fail)
            worker.start()
            worker.join()
    finally:
        errorlog.remove_listener(seen.append)
    assert (sys.excepthook, threading.excepthook) == before
    log = errorlog.log_file().read_text(encoding="utf-8")
    assert "Uncaught exception in a thread" in log and "builtins.LookupError" in log
    assert ":fail" in log and SECRET not in log
    assert seen and "builtins.LookupError" in seen[0]


def test_an_unwritable_log_folder_does_not_raise(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = isolated_home / "not-a-folder"
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr(errorlog, "log_dir", lambda: blocker / "logs")
    try:
        raise RuntimeError(SECRET)
    except RuntimeError:
        assert "builtins.RuntimeError" in errorlog.record_current("Test failure")
