"""Reading back what a test journal holds."""

from __future__ import annotations

from pathlib import Path

from app.journal.opening import Journal, open_journal
from app.storage.keys import SystemKeyring


def entry_titles(journal: Journal) -> list[str]:
    """The titles of the journal's entries, sorted."""
    return sorted(s.title for s in journal.entries.summaries())


def entry_titles_at(folder: Path) -> list[str]:
    """The entry titles of the keyring-mode journal in `folder` (opened, read, closed), sorted."""
    journal = open_journal(folder, SystemKeyring())
    try:
        return entry_titles(journal)
    finally:
        journal.close()
