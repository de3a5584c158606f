"""Autosave: what is being written is saved shortly after typing stops, and on demand.

A failed save keeps the text as it is (it is never reloaded) and says why. The entry editor's
DraftSaver and the guided cycle's StageSaver say what is saved and how.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.errors import JournalError

AUTOSAVE_DELAY_MS = 1000


class SaveState(StrEnum):
    """What the status bar says about the entry or stage being written."""

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
