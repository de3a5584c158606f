"""Moving an entry to the trash as an undoable command (Ctrl+Z brings it back)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from app.errors import JournalError

if TYPE_CHECKING:  # the store loads with the journal's, when first used
    from app.writing.entries import EntryStore


class MoveToTrashCommand(QUndoCommand):
    """Trash one entry; undo restores it.

    `on_moved(entry_id, trashed)` refreshes the window after each step; `on_error(message)`
    reports a refusal, after which the command is dropped from the undo history.
    """

    def __init__(
        self,
        store: EntryStore,
        entry_id: str,
        title: str,
        on_moved: Callable[[str, bool], None],
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__("Move to trash")
        self.title = title
        """The entry's title when it was trashed, for messages."""
        self._store = store
        self._entry_id = entry_id
        self._on_moved = on_moved
        self._on_error = on_error

    def redo(self) -> None:
        """Move the entry to the trash."""
        try:
            self._store.trash(self._entry_id)
        except JournalError as exc:
            self.setObsolete(True)
            self._on_error(str(exc))
            return
        self._on_moved(self._entry_id, True)

    def undo(self) -> None:
        """Bring the entry back from the trash."""
        try:
            self._store.restore(self._entry_id)
        except JournalError as exc:
            self.setObsolete(True)
            self._on_error(str(exc))
            return
        self._on_moved(self._entry_id, False)
