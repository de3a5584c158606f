"""Helpers for the backup tests: reading a backup's database, a folder's exact bytes."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from app.storage.engine import connect
from app.storage.keys import JournalKey
from app.storage.lock import LOCK_NAME, OPERATION_LOCK_NAME


def unzip_db(backup: Path, into: Path) -> Path:
    """Take journal.db out of a backup file (as a person with unzip would)."""
    into.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(backup) as archive:
        archive.extract("journal.db", into)
    return into / "journal.db"


def titles_in(db_file: Path, key: JournalKey) -> list[str]:
    """The entry titles in a journal database, opened with `key` (sorted)."""
    conn = connect(db_file, key)
    try:
        return sorted(str(row[0]) for row in conn.execute("SELECT title FROM entries"))
    finally:
        conn.close()


def rezip_with(backup: Path, target: Path, db_file: Path) -> Path:
    """A copy of `backup` whose journal.db is replaced by `db_file`."""
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            if item.filename == "journal.db":
                out.write(db_file, "journal.db")
            else:
                out.writestr(item, source.read(item.filename))
    return target


def folder_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (names relative to it) with the SHA-256 of its bytes.

    The empty lock files a command or window takes while it works are left out: they are the
    app's, not part of the journal.
    """
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in (LOCK_NAME, OPERATION_LOCK_NAME)
    }
