"""Autosave for the stage being written: shortly after typing stops, and at once when asked.

A failed save keeps the text in the writing space (it is never reloaded) and says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.cycles import CycleStore
from app.errors import JournalError
from app.ui.autosave import AUTOSAVE_DELAY_MS, SaveState


class StageSaver(QObject):
    """Saves one stage's text ~1 s after the last edit, or at once with `save_now()`.

    Signals: stateChanged(str) with a SaveState value; saved(object) with the CycleRecord after
    each save that wrote something; failed(str) with the message for people.
    """

    stateChanged = Signal(str)
    saved = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        store: CycleStore,
        read_text: Callable[[], str],
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._read_text = read_text
        self._cycle_id = ""
        self._stage_id = ""
        self._stored = ""
        self.state = SaveState.SAVED
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._autosave)

    @property
    def stage_id(self) -> str:
        """The stage being written ("" when none)."""
        return self._stage_id

    def begin(self, cycle_id: str, stage_id: str, stored_text: str) -> None:
        """Start watching a stage whose stored text is `stored_text` (save the last one first)."""
        self._timer.stop()
        self._cycle_id, self._stage_id, self._stored = cycle_id, stage_id, stored_text
        self._set_state(SaveState.SAVED)

    def end(self) -> None:
        """Stop watching (a screen without a writing space is shown)."""
        self._timer.stop()
        self._stage_id = ""
        self._set_state(SaveState.SAVED)

    def is_dirty(self) -> bool:
        """True when the writing space holds text the journal does not have."""
        return bool(self._stage_id) and self._read_text() != self._stored

    @Slot()
    def note_edit(self) -> None:
        """The person typed: save once they pause."""
        if not self._stage_id:
            return
        self._set_state(SaveState.SAVING)
        self._timer.start()

    @Slot()
    def save_now(self) -> bool:
        """Save any change at once. False (and `failed` emitted) when the journal refused."""
        self._timer.stop()
        if not self.is_dirty():
            if self._stage_id:
                self._set_state(SaveState.SAVED)
            return True
        text = self._read_text()
        try:
            record = self._store.save_stage(self._cycle_id, self._stage_id, text)
        except JournalError as exc:
            self._set_state(SaveState.FAILED)
            self.failed.emit(str(exc))
            return False
        self._stored = text
        self._set_state(SaveState.SAVED)
        self.saved.emit(record)
        return True

    @Slot()
    def _autosave(self) -> None:
        self.save_now()

    def _set_state(self, state: SaveState) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state.value)
