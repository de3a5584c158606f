"""Moving a cycle to the trash as an undoable command (Ctrl+Z brings it back)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from app.errors import JournalError

if TYPE_CHECKING:  # the store loads with the journal's, when first used
    from app.writing.cycles import CycleStore


class MoveCycleToTrashCommand(QUndoCommand):
    """Trash one cycle; undo brings it back to its line of inquiry.

    `ready()` saves what is typed before each step and says False if that was refused (its
    reason already shown); `on_moved(cycle_id, trashed)` shows the result; `on_error(message)`
    reports a refusal. Either way a refused step drops the command from the undo history.
    """

    def __init__(
        self,
        store: CycleStore,
        cycle_id: str,
        title: str,
        *,
        ready: Callable[[], bool],
        on_moved: Callable[[str, bool], None],
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__("Move cycle to trash")
        self.title = title
        """The cycle's title when it was trashed, for messages."""
        self._store = store
        self._cycle_id = cycle_id
        self._ready = ready
        self._on_moved = on_moved
        self._on_error = on_error

    def redo(self) -> None:
        """Move the cycle to the trash."""
        self._step(self._store.trash, trashed=True)

    def undo(self) -> None:
        """Bring the cycle back from the trash."""
        self._step(self._store.restore, trashed=False)

    def _step(self, change: Callable[[str], None], *, trashed: bool) -> None:
        if not self._ready():
            self.setObsolete(True)
            return
        try:
            change(self._cycle_id)
        except JournalError as exc:
            self.setObsolete(True)
            self._on_error(str(exc))
            return
        self._on_moved(self._cycle_id, trashed)
