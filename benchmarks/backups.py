"""Backing up and restoring the 50,000-item corpus journal.

The baseline is SQLite's online backup API on its own, measured in the same run: what any
consistent copy of a live journal costs. A backup does that, then opens the copy, runs
SQLite's and SQLCipher's integrity checks on it, and packs it with its manifest.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from app.journal.opening import open_journal
from app.journal.restore import restore_backup
from app.storage.backup_file import online_copy
from app.storage.keys import SystemKeyring
from benchmarks.figures import Figure, at_most, ratio_at_most


def backup_figures(corpus: Path) -> list[Figure]:
    """Back up the corpus (checked) and restore it over a copy of itself."""
    store = SystemKeyring()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        journal = open_journal(corpus, store)
        try:
            key = journal.key
            start = time.perf_counter()
            online_copy(journal.engine, key, journal.db_file, root / "plain-copy.db")
            copy_seconds = time.perf_counter() - start
            start = time.perf_counter()
            record = journal.backups.write_to(root / "corpus.ijbackup", datetime.now(UTC))
            backup_seconds = time.perf_counter() - start
        finally:
            journal.close()

        target = root / "journal"
        shutil.copytree(corpus, target, ignore=shutil.ignore_patterns("backups", "before-*"))
        start = time.perf_counter()
        restore_backup(target, root / "corpus.ijbackup", key, store)
        restore_seconds = time.perf_counter() - start
        reopened = open_journal(target, store)
        try:
            entries = reopened.entries.count()
        finally:
            reopened.close()
    megabytes = record.size / 1024 / 1024
    assert entries > 0
    return [
        ratio_at_most(
            f"back up the corpus journal ({megabytes:.0f} MB, checked), vs SQLite's backup alone",
            backup_seconds,
            copy_seconds,
            "s",
            2,
        ),
        at_most("back up the corpus journal (checked)", backup_seconds, "s", 30),
        at_most(f"restore it ({entries} entries back)", restore_seconds, "s", 30),
    ]
