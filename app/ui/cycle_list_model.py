"""Cycles as a Qt list model: most recently changed first, a batch at a time, no stage texts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.cycles import CycleStore
from app.cycles_model import CycleStatus, CycleSummary
from app.errors import JournalError
from app.ui.dates import local_day, local_text

CYCLE_SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() for this role is the row's CycleSummary (title, status, loop, domains, dates)."""
CYCLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""data() for this role is the row's cycle id."""

_Index = QModelIndex | QPersistentModelIndex


def describe(summary: CycleSummary) -> str:
    """A cycle in one line of words, for screen readers and tooltips."""
    domains = ", ".join(d.label for d in summary.domains)
    parts = [summary.title, summary.status.label, summary.loop.label]
    if summary.experiment_date is not None:
        parts.append(f"experiment on {summary.experiment_date:%d %b %Y}")
    parts.append(f"changed {local_day(summary.updated)}")
    return ", ".join(parts) + (f", {domains}" if domains else "")


class CycleListModel(QAbstractListModel):
    """Cycles (optionally only some statuses), fetched in batches as the view scrolls.

    Empty until the first `reload()`, so the owner can connect `loadFailed` first. A delegate
    draws a row from `CYCLE_SUMMARY_ROLE`; the display role is the title alone.

    Signals: loadFailed(str) when the journal could not be read; the message is for people.
    """

    loadFailed = Signal(str)

    def __init__(
        self,
        store: CycleStore,
        *,
        statuses: Iterable[CycleStatus] | None = None,
        batch_size: int = 50,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._statuses = None if statuses is None else tuple(statuses)
        self._batch_size = batch_size
        self._rows: list[CycleSummary] = []
        self._at_end = True

    # -- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        """Rows loaded so far."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title for display; a sentence for screen readers; the summary and id."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{summary.title}\n{summary.status.label}, changed {local_text(summary.updated)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe(summary)
        if role == CYCLE_SUMMARY_ROLE:
            return summary
        if role == CYCLE_ID_ROLE:
            return summary.id
        return None

    def canFetchMore(self, parent: _Index) -> bool:
        """True until a batch comes back short (the end of the cycles)."""
        return not parent.isValid() and not self._at_end

    def fetchMore(self, parent: _Index) -> None:
        """Load the next batch."""
        if parent.isValid() or self._at_end:
            return
        batch = self._read(len(self._rows), self._batch_size)
        if batch:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
            self._rows.extend(batch)
            self.endInsertRows()

    # -- what the owner asks ------------------------------------------------------------------

    def set_statuses(self, statuses: Iterable[CycleStatus] | None) -> None:
        """List only cycles with these statuses (None: every cycle), from the top."""
        self._statuses = None if statuses is None else tuple(statuses)
        self.reload()

    def reload(self, at_least: int = 0) -> None:
        """Read the list again from the journal (at least `at_least` rows, if there are)."""
        self.beginResetModel()
        self._rows = self._read(0, max(self._batch_size, at_least))
        self.endResetModel()

    def summary(self, row: int) -> CycleSummary:
        """The cycle on a row."""
        return self._rows[row]

    def row_of(self, cycle_id: str) -> int | None:
        """The row showing this cycle, if it is loaded."""
        return next((r for r, s in enumerate(self._rows) if s.id == cycle_id), None)

    def update(self, summary: CycleSummary) -> None:
        """Show a cycle's new title, status, loop or domains where it is."""
        row = self.row_of(summary.id)
        if row is not None and self._rows[row] != summary:
            self._rows[row] = summary
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def remove(self, cycle_id: str) -> None:
        """Take a cycle off the list (trashed)."""
        row = self.row_of(cycle_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def _read(self, offset: int, limit: int) -> list[CycleSummary]:
        """A batch; a short (or failed) batch means there is nothing after it."""
        try:
            batch = self._store.summaries(statuses=self._statuses, offset=offset, limit=limit)
        except JournalError as exc:
            self.loadFailed.emit(str(exc))
            batch = []
        self._at_end = len(batch) < limit
        return batch
