"""The entry list as a Qt model: newest first, a page at a time, never the bodies.

Pages are read from the last row loaded (keyset paging), so a page at row 40,000 costs what
the first page costs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.entries import EntryRecord, EntryStore, EntrySummary, summaries_after
from app.errors import JournalError
from app.ui.dates import local_text

SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() for this role is the row's EntrySummary."""
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""data() for this role is the row's entry id."""

_Index = QModelIndex | QPersistentModelIndex


def summary_of(record: EntryRecord) -> EntrySummary:
    """The list row for a whole entry."""
    return EntrySummary(
        id=record.id,
        title=record.display_title,
        created=record.created,
        updated=record.updated,
        domains=record.domains,
        deleted=record.deleted,
    )


class EntryListModel(QAbstractListModel):
    """Entries (or trashed entries), newest first, fetched in batches as the view scrolls.

    Empty until the first `reload()`, so the owner can connect `loadFailed` first.

    Signals: loadFailed(str) when the journal could not be read; the message is for people.
    """

    loadFailed = Signal(str)

    def __init__(
        self,
        store: EntryStore,
        *,
        trashed: bool = False,
        batch_size: int = 100,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._trashed = trashed
        self._batch_size = batch_size
        self._rows: list[EntrySummary] = []
        self._total = 0

    # -- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        """Rows loaded so far."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title for display; the summary and id for the custom roles."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{summary.title}\nWritten {local_text(summary.created)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            domains = ", ".join(d.label for d in summary.domains)
            return f"{summary.title}, {local_text(summary.created)}" + (
                f", {domains}" if domains else ""
            )
        if role == SUMMARY_ROLE:
            return summary
        if role == ENTRY_ID_ROLE:
            return summary.id
        return None

    def canFetchMore(self, parent: _Index) -> bool:
        """True while some matching entries are not loaded yet."""
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index) -> None:
        """Load the next batch."""
        if parent.isValid():
            return
        batch = self._read(self._rows[-1] if self._rows else None, self._batch_size)
        if not batch:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    # -- what the window asks ---------------------------------------------------------------

    def total(self) -> int:
        """How many entries there are, loaded or not."""
        return self._total

    def reload(self, at_least: int = 0) -> None:
        """Read the list again from the journal (at least `at_least` rows, if there are)."""
        self.beginResetModel()
        try:
            self._total = self._store.count(trashed=self._trashed)
        except JournalError as exc:
            self._total = 0
            self.loadFailed.emit(str(exc))
        self._rows = self._read(None, max(self._batch_size, at_least)) if self._total else []
        if not self._rows:
            self._total = 0  # nothing could be read: stop the view asking for more
        self.endResetModel()

    def summary(self, row: int) -> EntrySummary:
        """The entry on a row."""
        return self._rows[row]

    def row_of(self, entry_id: str) -> int | None:
        """The row showing this entry, if it is loaded."""
        for row, summary in enumerate(self._rows):
            if summary.id == entry_id:
                return row
        return None

    def insert_first(self, summary: EntrySummary) -> None:
        """Show a new entry at the top (it is the newest)."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, summary)
        self._total += 1
        self.endInsertRows()

    def update(self, summary: EntrySummary) -> None:
        """Show an entry's new title or domains."""
        row = self.row_of(summary.id)
        if row is not None and self._rows[row] != summary:
            self._rows[row] = summary
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def remove(self, entry_id: str) -> None:
        """Take an entry off the list (trashed, restored or deleted)."""
        row = self.row_of(entry_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._total -= 1
        self.endRemoveRows()

    def _read(self, after: EntrySummary | None, limit: int) -> list[EntrySummary]:
        try:
            return summaries_after(self._store, after, limit=limit, trashed=self._trashed)
        except JournalError as exc:
            self.loadFailed.emit(str(exc))
            return []
