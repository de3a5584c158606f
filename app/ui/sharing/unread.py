"""How many coach comments wait unread on each entry and cycle, for list markers and a count."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.errors import JournalError
from app.sharing.records import Role, unread_counts

if TYPE_CHECKING:
    from app.journal.opening import Journal


class UnreadComments(QObject):
    """Unread coach comments by entry or cycle id, read again with `refresh()`.

    `badge(item_id)` is the marker a list row shows ("2 new", or "" for none).

    Signals: changed(int) with the total after each refresh; failed(str) when the journal
    could not be read.
    """

    changed = Signal(int)
    failed = Signal(str)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.counts: dict[str, int] = {}

    @property
    def total(self) -> int:
        """Unread comments altogether."""
        return sum(self.counts.values())

    def refresh(self) -> None:
        """Count again."""
        try:
            with self._journal.reading() as conn:  # no ORM needed: this is read at start
                self.counts = unread_counts(conn, Role.COACH, live_items_only=True)
        except JournalError as exc:
            self.failed.emit(str(exc))
            return
        self.changed.emit(self.total)

    def badge(self, item_id: str) -> str:
        """ "2 new" for an item with unread comments, else ""."""
        count = self.counts.get(item_id, 0)
        return f"{count} new" if count else ""
