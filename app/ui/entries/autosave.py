"""Autosave: the entry being edited is saved shortly after typing stops, and on demand.

A failed save keeps the draft as it is (the editor is never reloaded) and says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.errors import JournalError
from app.writing.domains import Domain
from app.writing.entries import EntryRecord, EntryStore

AUTOSAVE_DELAY_MS = 1000


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


class SaveState(StrEnum):
    """What the status bar says about the entry being edited."""

    SAVED = "Saved"
    SAVING = "Saving..."
    FAILED = "Not saved"


class DebouncedSaver(QObject):
    """Saves ~1 s after the last edit, or at once with `save_now()`; subclasses say what.

    A subclass says whether something is being watched (`_watching`), whether it holds
    changes the journal does not have (`is_dirty`) and how to write them (`_write`, which
    returns the stored record or raises JournalError).

    Signals: stateChanged(str) with a SaveState value; saved(object) with the record after
    each save that wrote something; failed(str) with the message for people.
    """

    stateChanged = Signal(str)
    saved = Signal(object)
    failed = Signal(str)

    def __init__(self, delay_ms: int = AUTOSAVE_DELAY_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = SaveState.SAVED
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._autosave)

    def _watching(self) -> bool:
        raise NotImplementedError

    def is_dirty(self) -> bool:
        """True when the editor holds changes the journal does not have."""
        raise NotImplementedError

    def _write(self) -> object:
        raise NotImplementedError

    @Slot()
    def note_edit(self) -> None:
        """The person changed something: save after they pause."""
        if not self._watching():
            return
        self._set_state(SaveState.SAVING)
        self._timer.start()

    @Slot()
    def save_now(self) -> bool:
        """Save any changes at once. False (and `failed` emitted) when the journal refused."""
        self._timer.stop()
        if not self.is_dirty():
            if self._watching():
                self._set_state(SaveState.SAVED)
            return True
        try:
            record = self._write()
        except JournalError as exc:
            self._set_state(SaveState.FAILED)
            self.failed.emit(str(exc))
            return False
        self._set_state(SaveState.SAVED)
        self.saved.emit(record)
        return True

    def _stop_watching(self) -> None:
        self._timer.stop()
        self._set_state(SaveState.SAVED)

    @Slot()
    def _autosave(self) -> None:
        self.save_now()

    def _set_state(self, state: SaveState) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state.value)


class DraftSaver(DebouncedSaver):
    """Saves the entry being edited ~1 s after the last edit, or at once when asked.

    Signals (from DebouncedSaver): stateChanged(str), saved(object) with the EntryRecord,
    failed(str).
    """

    def __init__(
        self,
        store: EntryStore,
        read_draft: Callable[[], EntryDraft],
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(delay_ms, parent)
        self._store = store
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
        record = self._store.save(
            self._entry_id,
            title=draft.title,
            body=draft.body,
            domains=draft.domains,
            tags=draft.tags,
        )
        self._stored = draft
        return record
