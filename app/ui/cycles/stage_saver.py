"""Autosave for the stage being written: shortly after typing stops, and at once when asked.

A failed save keeps the text in the writing space (it is never reloaded) and says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.ui.widgets.autosave import AUTOSAVE_DELAY_MS, DebouncedSaver
from app.writing.cycle_records import CycleRecord
from app.writing.cycles import CycleStore


class StageSaver(DebouncedSaver):
    """Saves one stage's text ~1 s after the last edit, or at once with `save_now()`.

    Signals (from DebouncedSaver): stateChanged(str) with a SaveState value; saved(object)
    with the CycleRecord after each save that wrote something; failed(str) with the message
    for people.
    """

    def __init__(
        self,
        store: CycleStore,
        read_text: Callable[[], str],
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(delay_ms, parent)
        self._store = store
        self._read_text = read_text
        self._cycle_id = ""
        self._stage_id = ""
        self._stored = ""

    @property
    def stage_id(self) -> str:
        """The stage being written ("" when none)."""
        return self._stage_id

    def begin(self, cycle_id: str, stage_id: str, stored_text: str) -> None:
        """Start watching a stage whose stored text is `stored_text` (save the last one first)."""
        self._cycle_id, self._stage_id, self._stored = cycle_id, stage_id, stored_text
        self._stop_watching()

    def end(self) -> None:
        """Stop watching (a screen without a writing space is shown)."""
        self._stage_id = ""
        self._stop_watching()

    def _watching(self) -> bool:
        return bool(self._stage_id)

    def is_dirty(self) -> bool:
        """True when the writing space holds text the journal does not have."""
        return bool(self._stage_id) and self._read_text() != self._stored

    def _write(self) -> CycleRecord:
        text = self._read_text()
        record = self._store.save_stage(self._cycle_id, self._stage_id, text)
        self._stored = text
        return record
