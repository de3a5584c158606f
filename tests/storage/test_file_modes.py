"""What the app writes is its owner's alone: files 0600, folders 0700 (on POSIX)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.cli.main import main
from app.journal.opening import Journal, create_journal, open_journal
from app.storage.files import write_atomically
from app.storage.keys import SystemKeyring
from app.summary.contents import SummaryOptions, SummaryService
from app.summary.export import SummaryFormat, write_summary
from app.transfer import TransferService

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private(*paths: Path) -> None:
    """Each path exists and is owner-only: 0700 for a folder, 0600 for a file (POSIX)."""
    for path in paths:
        assert path.exists(), path
        if os.name == "posix":
            wanted = 0o700 if path.is_dir() else 0o600
            assert (path, oct(mode(path))) == (path, oct(wanted))


def everything_in(folder: Path) -> list[Path]:
    return [folder, *sorted(folder.rglob("*"))]


@pytest.fixture
def shared_umask() -> Iterator[None]:
    """The usual umask (022), under which files are readable by every local user."""
    if os.name != "posix":
        yield
        return
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def run(*argv: str) -> None:
    assert main(list(argv)) == 0, argv


def test_what_the_command_line_leaves_on_disk_is_private(
    tmp_path: Path, shared_umask: None, qapp: object
) -> None:
    folder = tmp_path / "j"
    where = ["--data-dir", str(folder)]
    run("note", "Reflection on the huddle.", "--title", "Huddle", *where)
    run("export", "--out", str(tmp_path / "export.json"), *where)
    for fmt in ("md", "docx", "pdf", "html"):
        run("summary", "--format", fmt, "--out", str(tmp_path / f"summary.{fmt}"), *where)
    run("backup", *where)
    run("backup", "--out", str(tmp_path / "mine.ijbackup"), *where)
    run("backup", "--keep", "5", *where)
    run("card", "--name", "Alex", "--out", str(tmp_path / "alex.ijcard"), *where)

    made = everything_in(folder)
    assert folder / "journal.db" in made and folder / "journal.json" in made
    assert [p for p in made if p.suffix == ".ijbackup"], made
    assert_private(*made)
    assert_private(
        tmp_path / "export.json",
        *(tmp_path / f"summary.{fmt}" for fmt in ("md", "docx", "pdf", "html")),
        tmp_path / "mine.ijbackup",
        tmp_path / "alex.ijcard",
    )
    if os.name == "posix":
        assert os.umask(0o022) == 0o022  # the command line gave the umask back


def test_the_core_writes_privately_whatever_the_umask(
    tmp_path: Path, key_store: SystemKeyring, shared_umask: None, qapp: object
) -> None:
    journal, _code = create_journal(tmp_path / "j", key_store)
    try:
        journal.entries.create("Huddle", "Reflection.", [], ["team"])
        wal = journal.folder / "journal.db-wal"
        shm = journal.folder / "journal.db-shm"
        assert_private(journal.folder, journal.db_file, wal, shm, journal.folder / "journal.json")
        TransferService(journal).export_json(tmp_path / "export.json")
        summary = SummaryService(journal).build(
            SummaryOptions(since=date(2026, 1, 1), until=date(2026, 12, 31), role="Manager"),
            date(2026, 12, 31),
        )
        for fmt in SummaryFormat:
            write_summary(summary, fmt, tmp_path / f"summary.{fmt.value}")
        result = journal.backups.take(NOW)
        journal.backups.write_to(tmp_path / "mine.ijbackup", NOW + timedelta(minutes=1))
        write_atomically(tmp_path / "card.ijcard", b"card")
        assert_private(
            result.record.path.parent,
            result.record.path,
            tmp_path / "export.json",
            *(tmp_path / f"summary.{fmt.value}" for fmt in SummaryFormat),
            tmp_path / "mine.ijbackup",
            tmp_path / "card.ijcard",
        )
    finally:
        journal.close()


def test_a_journal_left_readable_by_others_is_tightened_when_opened(
    journal: Journal, key_store: SystemKeyring
) -> None:
    folder = journal.folder
    journal.close()
    if os.name == "posix":
        folder.chmod(0o755)
        (folder / "journal.db").chmod(0o644)
        (folder / "journal.json").chmod(0o644)
    reopened = open_journal(folder, key_store)
    try:
        assert_private(folder, folder / "journal.db", folder / "journal.json")
        assert reopened.entries.count() == 0
    finally:
        reopened.close()
