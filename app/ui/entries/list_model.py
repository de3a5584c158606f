"""The entry list as a Qt model: newest first, a page at a time, never the bodies.

Pages are read from the last row loaded (keyset paging), so a page at row 40,000 costs what
the first page costs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from app.errors import JournalError
from app.storage.snapshot import Readable, reading
from app.ui.widgets.dates import local_text
from app.ui.widgets.entry_delegate import SUMMARY_ROLE
from app.ui.widgets.row_list_model import Index, RowListModel
from app.writing.entry_record import EntryRecord, EntrySummary, entry_count, entry_summaries

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""data() for this role is the row's entry id."""


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


class EntryListModel(RowListModel[EntrySummary]):
    """Entries (or trashed entries), newest first, fetched in batches as the view scrolls.

    Empty until the first `reload()`, so the owner can connect `loadFailed` first. Read in
    plain SQL from `source` (the journal, or its EntryStore, which reads the same way): the
    window builds the list without loading the ORM.

    Signals: loadFailed(str) when the journal could not be read; the message is for people.
    """

    loadFailed = Signal(str)

    def __init__(
        self,
        source: Readable,
        *,
        trashed: bool = False,
        batch_size: int = 100,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._trashed = trashed
        self._batch_size = batch_size
        self._total = 0

    # -- Qt's model interface -------------------------------------------------------------

    def row_data(self, row: EntrySummary, role: int) -> Any:
        """Title for display; the summary and id for the custom roles."""
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\nWritten {local_text(row.created)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            domains = ", ".join(d.label for d in row.domains)
            return f"{row.title}, {local_text(row.created)}" + (f", {domains}" if domains else "")
        if role == SUMMARY_ROLE:
            return row
        if role == ENTRY_ID_ROLE:
            return row.id
        return None

    def row_id(self, row: EntrySummary) -> str:
        """The entry's id."""
        return row.id

    def canFetchMore(self, parent: Index) -> bool:
        """True while some matching entries are not loaded yet."""
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        """Load the next batch."""
        if parent.isValid():
            return
        batch = self._read(self._rows[-1] if self._rows else None, self._batch_size)
        if not batch:
            self._total = len(self._rows)
            return
        self._append_rows(batch)

    # -- what the window asks ---------------------------------------------------------------

    def total(self) -> int:
        """How many entries there are, loaded or not."""
        return self._total

    def reload(self, at_least: int = 0) -> None:
        """Read the list again from the journal (at least `at_least` rows, if there are)."""
        self.beginResetModel()
        try:
            with reading(self._source) as conn:
                self._total = entry_count(conn, trashed=self._trashed)
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

    def insert_first(self, summary: EntrySummary) -> None:
        """Show a new entry at the top (it is the newest)."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, summary)
        self._total += 1
        self.endInsertRows()

    def _row_removed(self) -> None:
        self._total -= 1

    def _read(self, after: EntrySummary | None, limit: int) -> list[EntrySummary]:
        try:
            with reading(self._source) as conn:
                return entry_summaries(conn, after=after, limit=limit, trashed=self._trashed)
        except JournalError as exc:
            self.loadFailed.emit(str(exc))
            return []
