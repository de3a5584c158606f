"""Autosave for the entry being edited: shortly after typing stops, and at once when asked.

A failed save keeps the draft as it is (the editor is never reloaded) and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.ui.widgets.autosave import AUTOSAVE_DELAY_MS, DebouncedSaver
from app.writing.domains import Domain
from app.writing.entry_record import EntryRecord

if TYPE_CHECKING:
    from app.journal.opening import Journal


@dataclass(frozen=True)
class EntryDraft:
    """What the editor holds for one entry."""

    title: str
    body: str
    domains: tuple[Domain, ...]
    tags: tuple[str, ...]

    @staticmethod
    def of(record: EntryRecord) -> EntryDraft:
        """The draft a stored entry starts as."""
        return EntryDraft(record.title, record.body, record.domains, record.tags)

    def same_as(self, other: EntryDraft) -> bool:
        """True when saving one over the other would change nothing."""
        return self._key() == other._key()

    def is_empty(self) -> bool:
        """Nothing written, chosen or tagged."""
        return not (self.title.strip() or self.body.strip() or self.domains or self.tags)

    def _key(self) -> tuple[str, str, frozenset[Domain], tuple[str, ...]]:
        tags = tuple(sorted({t.strip().lstrip("#").casefold() for t in self.tags} - {""}))
        return self.title, self.body, frozenset(self.domains), tags


class DraftSaver(DebouncedSaver):
    """Saves the entry being edited ~1 s after the last edit, or at once when asked.

    Signals (from DebouncedSaver): stateChanged(str), saved(object) with the EntryRecord,
    failed(str).
    """

    def __init__(
        self,
        journal: Journal,
        read_draft: Callable[[], EntryDraft],
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(delay_ms, parent)
        self._journal = journal  # its entries are loaded at the first save
        self._read_draft = read_draft
        self._entry_id: str | None = None
        self._stored: EntryDraft | None = None

    @property
    def entry_id(self) -> str | None:
        """The entry being edited, if any."""
        return self._entry_id

    def begin(self, record: EntryRecord) -> None:
        """Start editing `record` (call after saving the previous entry)."""
        self._entry_id = record.id
        self._stored = EntryDraft.of(record)
        self._stop_watching()

    def end(self) -> None:
        """Stop editing (the entry was trashed, or none is shown)."""
        self._entry_id = None
        self._stored = None
        self._stop_watching()

    def _watching(self) -> bool:
        return self._entry_id is not None and self._stored is not None

    def is_dirty(self) -> bool:
        """True when the editor holds changes the journal does not have."""
        if self._entry_id is None or self._stored is None:
            return False
        return not self._read_draft().same_as(self._stored)

    def _write(self) -> EntryRecord:
        assert self._entry_id is not None
        draft = self._read_draft()
        record = self._journal.entries.save(
            self._entry_id,
            title=draft.title,
            body=draft.body,
            domains=draft.domains,
            tags=draft.tags,
        )
        self._stored = draft
        return record
