"""Turning an entry into a cycle as an undoable command (Ctrl+Z makes it an entry again)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from app.errors import JournalError

if TYPE_CHECKING:  # the store loads with the journal's, when first used
    from app.writing.cycles import CycleStore


class TurnIntoCycleCommand(QUndoCommand):
    """An entry that has just become a cycle; undo trashes the cycle and restores the entry,
    redo brings the same cycle back and trashes the entry again.

    The New cycle dialog has already made the cycle when this is pushed, so the first redo
    (which QUndoStack.push runs) changes nothing. `ready()` saves what is typed before each
    later step and says False if that was refused (its reason already shown);
    `on_turned(entry_id, cycle_id, turned)` shows the result; `on_error(message)` reports a
    refusal, after which the command is dropped from the undo history.
    """

    def __init__(
        self,
        store: CycleStore,
        entry_id: str,
        cycle_id: str,
        *,
        ready: Callable[[], bool],
        on_turned: Callable[[str, str, bool], None],
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__("Turn into a cycle")
        self._store = store
        self._entry_id = entry_id
        self._cycle_id = cycle_id
        self._ready = ready
        self._on_turned = on_turned
        self._on_error = on_error
        self._done = True

    def redo(self) -> None:
        """Bring the cycle back from the trash and move the entry there."""
        if self._done:
            return
        self._step(self._store.redo_cycle_from_entry, turned=True)

    def undo(self) -> None:
        """Move the cycle to the trash and bring the entry back."""
        self._step(self._store.undo_cycle_from_entry, turned=False)

    def _step(self, change: Callable[[str, str], None], *, turned: bool) -> None:
        if not self._ready():
            self.setObsolete(True)
            return
        try:
            change(self._entry_id, self._cycle_id)
        except JournalError as exc:
            self.setObsolete(True)
            self._on_error(str(exc))
            return
        self._done = turned
        self._on_turned(self._entry_id, self._cycle_id, turned)
